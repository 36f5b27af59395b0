package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.Optional;

/**
 * The sync target endpoints of one config server ({@code /api/v1/environments/{env}/targets}, docs/delivery.md),
 * on top of a {@link DashplaneClient}'s transport. Target bodies never carry the token back: answers say
 * {@code hasToken}. A missing target reads as empty; a delete of a missing one answers false.
 */
public final class SyncTargetClient {
    private static final String TARGETS = "targets";
    private final DashplaneClient client;

    public SyncTargetClient(DashplaneClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public Optional<ObjectNode> get(String env, String name) {
        return client.getIn(env, TARGETS, name);
    }

    public ObjectNode create(String env, ObjectNode target) {
        return client.postIn(env, target, TARGETS);
    }

    /** Full replace; a body without {@code token} keeps the stored token. Compare-and-set when the version is set. */
    public Written put(String env, String name, ObjectNode target, Long ifMatchVersion) {
        return client.putIn(env, target, ifMatchVersion, TARGETS, name);
    }

    public boolean delete(String env, String name) {
        return client.deleteIn(env, false, TARGETS, name);
    }
}
