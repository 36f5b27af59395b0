package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.MuteTiming;

/** A mute timing (time interval set) as stored, with the uid Dashplane gives it beside its unique name. */
public record StoredMuteTiming(String uid, MuteTiming timing, ObjectMeta meta) {
    public String name() {
        return timing.name();
    }
}
