package io.dashplane.server.auth;

import java.util.Map;

/** A non-human identity that authenticates with API tokens. {@code roles}: environment -> role label. */
public record ServiceAccount(String id, String name, String description, boolean serverAdmin,
                             Map<String, String> roles, long version, String createdAt, String updatedAt) {
}
