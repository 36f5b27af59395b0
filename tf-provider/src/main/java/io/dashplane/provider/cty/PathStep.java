package io.dashplane.provider.cty;

import java.util.Objects;

/** One step of an {@link AttributePath}. */
public sealed interface PathStep {

    /** An object attribute: {@code .name}. */
    record AttributeName(String name) implements PathStep {
        public AttributeName {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "." + name;
        }
    }

    /** A map element: {@code ["key"]}. */
    record ElementKeyString(String key) implements PathStep {
        public ElementKeyString {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }
    }

    /** A list or tuple element: {@code [3]}. */
    record ElementKeyInt(long index) implements PathStep {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    /**
     * A set element, addressed by its value. The plugin protocol cannot express this step, so
     * diagnostics use {@link AttributePath#truncateAtSetElement()}.
     */
    record SetElement(CtyValue value) implements PathStep {
        public SetElement {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "[set element]";
        }
    }
}
