package io.dashplane.provider.protocol;

import java.util.Objects;

/**
 * One schema attribute. {@code typeJson} is the cty type in its JSON form, e.g. {@code "string"} or
 * {@code ["list","string"]}, as UTF-8 bytes.
 */
public record Attribute(String name, byte[] typeJson, String description,
                        boolean required, boolean optional, boolean computed, boolean sensitive) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeJson, "typeJson");
        description = description == null ? "" : description;
    }
}
