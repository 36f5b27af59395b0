package io.dashplane.server.alerting;

import io.dashplane.schema.validation.Finding;
import java.util.List;
import java.util.function.Function;

/** The outcome of a write: the object as stored, what happened to it, and validation warnings. */
public record AlertingWrite<T>(T value, Outcome outcome, List<Finding> warnings) {
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public AlertingWrite {
        warnings = List.copyOf(warnings);
    }

    public static <T> AlertingWrite<T> created(T value, List<Finding> warnings) {
        return new AlertingWrite<>(value, Outcome.CREATED, warnings);
    }

    public static <T> AlertingWrite<T> updated(T value, List<Finding> warnings) {
        return new AlertingWrite<>(value, Outcome.UPDATED, warnings);
    }

    /** The content equalled the stored object: nothing was written, the version stays. */
    public static <T> AlertingWrite<T> unchanged(T value, List<Finding> warnings) {
        return new AlertingWrite<>(value, Outcome.UNCHANGED, warnings);
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }

    public <R> AlertingWrite<R> map(Function<T, R> f) {
        return new AlertingWrite<>(f.apply(value), outcome, warnings);
    }
}
