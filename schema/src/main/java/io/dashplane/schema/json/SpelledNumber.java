package io.dashplane.schema.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.NumericNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A number read from JSON whose spelling its value would not give back ({@code 1e400} is the BigDecimal
 * {@code 1E+400}, {@code -0.0} is {@code 0.0}): it answers every numeric question like the node Jackson would
 * have made, and writes the text it was read from. Two spelled numbers are equal when they are spelled alike;
 * "the same number" in any looser sense is {@link io.dashplane.schema.dashboard.DashboardCanonicalizer}'s job.
 */
public final class SpelledNumber extends NumericNode {
    private final NumericNode value;
    private final String text;

    SpelledNumber(NumericNode value, String text) {
        this.value = value;
        this.text = text;
    }

    /** The number as it was written. */
    public String spelling() {
        return text;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeNumber(text);
    }

    @Override
    public String asText() {
        return text;
    }

    @Override
    public JsonToken asToken() {
        return value.asToken();
    }

    @Override
    public JsonParser.NumberType numberType() {
        return value.numberType();
    }

    @Override
    public Number numberValue() {
        return value.numberValue();
    }

    @Override
    public short shortValue() {
        return value.shortValue();
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
        return value.decimalValue();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return value.bigIntegerValue();
    }

    @Override
    public boolean canConvertToInt() {
        return value.canConvertToInt();
    }

    @Override
    public boolean canConvertToLong() {
        return value.canConvertToLong();
    }

    @Override
    public boolean canConvertToExactIntegral() {
        return value.canConvertToExactIntegral();
    }

    @Override
    public boolean isIntegralNumber() {
        return value.isIntegralNumber();
    }

    @Override
    public boolean isFloatingPointNumber() {
        return value.isFloatingPointNumber();
    }

    @Override
    public boolean isShort() {
        return value.isShort();
    }

    @Override
    public boolean isInt() {
        return value.isInt();
    }

    @Override
    public boolean isLong() {
        return value.isLong();
    }

    @Override
    public boolean isFloat() {
        return value.isFloat();
    }

    @Override
    public boolean isDouble() {
        return value.isDouble();
    }

    @Override
    public boolean isBigDecimal() {
        return value.isBigDecimal();
    }

    @Override
    public boolean isBigInteger() {
        return value.isBigInteger();
    }

    @Override
    public boolean isNaN() {
        return value.isNaN();
    }

    @Override
    public boolean asBoolean(boolean defaultValue) {
        return value.asBoolean(defaultValue);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SpelledNumber other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
