package io.dashplane.schema.promotion;

/** One uid position changed by promotion: JSON pointer into the object, the old and the new text. */
public record DatasourceRewrite(String pointer, String from, String to) {
}
