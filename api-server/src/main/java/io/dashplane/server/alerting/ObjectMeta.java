package io.dashplane.server.alerting;

import io.dashplane.server.storage.Timestamps;

/** The server-owned part of every alerting object: its version and timestamps. */
public record ObjectMeta(long version, String createdAt, String updatedAt) {
    public static ObjectMeta first() {
        String now = Timestamps.now();
        return new ObjectMeta(1, now, now);
    }

    public ObjectMeta next() {
        return new ObjectMeta(version + 1, createdAt, Timestamps.now());
    }
}
