package io.dashplane.provider.cty;

import java.math.BigDecimal;
import java.util.Objects;

/** A number; equality is numeric (1.50 equals 1.5). */
public record NumberValue(BigDecimal value) implements CtyValue {
    public NumberValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public CtyType type() {
        return CtyType.NUMBER;
    }

    @Override
    public BigDecimal asBigDecimal() {
        return value;
    }

    /** The shortest plain decimal text, no exponent: "100", "0.1". */
    public String toDecimalText() {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumberValue n && value.compareTo(n.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return toDecimalText();
    }
}
