package io.dashplane.server.alerting;

import io.dashplane.schema.validation.Finding;
import java.util.List;

/** The outcome of a write: the object as stored, whether it was created, and validation warnings. */
public record AlertingWrite<T>(T value, boolean created, List<Finding> warnings) {
    public AlertingWrite {
        warnings = List.copyOf(warnings);
    }
}
