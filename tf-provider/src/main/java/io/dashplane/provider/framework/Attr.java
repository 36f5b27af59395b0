package io.dashplane.provider.framework;

import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.protocol.Attribute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One top-level attribute of a schema, declared once with everything the plan rules need.
 * Build with {@link #string(String)}, {@link #bool(String)}, {@link #number(String)} or
 * {@link #of(String, CtyType)}, then chain the kind: {@code Attr.string("title").required()}.
 * An attribute with a default is optional and computed (Terraform requires it to be computed
 * because the plan may differ from a null configuration).
 */
public final class Attr {
    private final String name;
    private final CtyType type;
    private String description = "";
    private boolean required;
    private boolean optional;
    private boolean computed;
    private boolean sensitive;
    private CtyValue defaultValue;
    private boolean requiresReplace;
    private boolean useStateForUnknown;
    private SemanticEquality semanticEquality;
    private final List<Validator> validators = new ArrayList<>();

    private Attr(String name, CtyType type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public static Attr of(String name, CtyType type) {
        return new Attr(name, type);
    }

    public static Attr string(String name) {
        return new Attr(name, CtyType.STRING);
    }

    public static Attr bool(String name) {
        return new Attr(name, CtyType.BOOL);
    }

    public static Attr number(String name) {
        return new Attr(name, CtyType.NUMBER);
    }

    public static Attr stringList(String name) {
        return new Attr(name, CtyType.list(CtyType.STRING));
    }

    public Attr description(String text) {
        this.description = text;
        return this;
    }

    public Attr required() {
        this.required = true;
        return this;
    }

    public Attr optional() {
        this.optional = true;
        return this;
    }

    public Attr computed() {
        this.computed = true;
        return this;
    }

    public Attr sensitive() {
        this.sensitive = true;
        return this;
    }

    /** Planned when the configuration is null; makes the attribute optional and computed. */
    public Attr defaultValue(CtyValue value) {
        this.defaultValue = value;
        this.optional = true;
        this.computed = true;
        return this;
    }

    public Attr defaultValue(String value) {
        return defaultValue(CtyValue.string(value));
    }

    public Attr defaultValue(boolean value) {
        return defaultValue(CtyValue.bool(value));
    }

    public Attr defaultValue(long value) {
        return defaultValue(CtyValue.number(value));
    }

    /** A planned change of this attribute (on an existing object) replaces the object. */
    public Attr requiresReplace() {
        this.requiresReplace = true;
        return this;
    }

    /**
     * For a computed attribute without configuration: keep the prior value when the object changes
     * (instead of planning it unknown). For values the server never changes after creation, e.g. ids.
     */
    public Attr useStateForUnknown() {
        this.useStateForUnknown = true;
        return this;
    }

    public Attr semanticEquality(SemanticEquality equality) {
        this.semanticEquality = equality;
        return this;
    }

    public Attr validate(Validator validator) {
        this.validators.add(validator);
        return this;
    }

    public String name() {
        return name;
    }

    public CtyType type() {
        return type;
    }

    public String description() {
        return description;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isOptional() {
        return optional;
    }

    public boolean isComputed() {
        return computed;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    /** Null when there is no default. */
    public CtyValue defaultValue() {
        return defaultValue;
    }

    public boolean isRequiresReplace() {
        return requiresReplace;
    }

    public boolean isUseStateForUnknown() {
        return useStateForUnknown;
    }

    /** Null when values compare by plain equality. */
    public SemanticEquality semanticEquality() {
        return semanticEquality;
    }

    public List<Validator> validators() {
        return List.copyOf(validators);
    }

    /** Whether two known non-null values mean the same thing. */
    public boolean semanticallyEqual(CtyValue a, CtyValue b) {
        if (a.equals(b)) {
            return true;
        }
        return semanticEquality != null && semanticEquality.equal(a, b);
    }

    void check() {
        int kinds = (required ? 1 : 0) + (optional || computed ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalStateException("attribute " + name + " must be required, or optional and/or computed");
        }
        if (defaultValue != null && !type.accepts(defaultValue.type())) {
            throw new IllegalStateException("default of attribute " + name + " does not have its type");
        }
    }

    Attribute toProtocol() {
        return new Attribute(name, type.toJson().getBytes(StandardCharsets.UTF_8), description,
                required, optional, computed, sensitive);
    }
}
