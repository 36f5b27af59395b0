package io.dashplane.server.auth;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a token creation: the only time the plaintext {@code token} is ever shown. */
public record CreatedToken(@JsonUnwrapped ApiToken info, String token) {
}
