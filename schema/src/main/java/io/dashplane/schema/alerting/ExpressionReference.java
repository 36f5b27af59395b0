package io.dashplane.schema.alerting;

/** A refId named by an expression model; {@code pointer} is relative to the model object. */
public record ExpressionReference(String refId, String pointer) {
}
