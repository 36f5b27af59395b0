package io.dashplane.schema.validation;

/** One validation result: where (an RFC 6901 pointer into the request body) and what. */
public record Finding(String pointer, String message) {
}
