package io.dashplane.provider.cty;

/**
 * string, number or bool. The three instances are {@link CtyType#STRING}, {@link CtyType#NUMBER}
 * and {@link CtyType#BOOL}; they compare by identity. (Not an enum with its own constants: the
 * interface's constants would read them as null when this class is initialized first.)
 */
public final class PrimitiveType implements CtyType {
    private final String jsonName;

    PrimitiveType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    @Override
    public String friendlyName() {
        return jsonName;
    }

    @Override
    public int hashCode() {
        return jsonName.hashCode();
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
