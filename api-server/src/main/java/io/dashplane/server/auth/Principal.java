package io.dashplane.server.auth;

import java.util.Map;
import java.util.Optional;

/** The authenticated service account of a request and what it may do. */
public record Principal(String accountId, String name, boolean serverAdmin, Map<String, Role> roles) {
    public Principal {
        roles = Map.copyOf(roles);
    }

    /** The account's role in {@code env}; a server admin is Admin everywhere. */
    public Optional<Role> roleIn(String env) {
        return serverAdmin ? Optional.of(Role.ADMIN) : Optional.ofNullable(roles.get(env));
    }

    public boolean has(String env, Role required) {
        return roleIn(env).map(r -> r.includes(required)).orElse(false);
    }
}
