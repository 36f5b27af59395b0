package io.dashplane.provider.cty;

public enum PrimitiveType implements CtyType {
    STRING("string"), NUMBER("number"), BOOL("bool");

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
    public String toString() {
        return jsonName;
    }
}
