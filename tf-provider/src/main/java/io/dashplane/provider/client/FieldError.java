package io.dashplane.provider.client;

/** One finding of a problem: a JSON pointer into the request body and what is wrong there. */
public record FieldError(String pointer, String message) {
}
