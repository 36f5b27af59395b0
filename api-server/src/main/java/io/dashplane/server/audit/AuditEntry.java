package io.dashplane.server.audit;

/**
 * One change: who, when, where, what, the versions before and after (null when the object did not
 * exist before / does not exist after) and the SHA-256 of the object's new (or, for a delete, last)
 * state as the API shows it, which never includes secrets. {@code detail} summarizes entries that are no object
 * write (a sync run's counts and error), absent otherwise.
 */
public record AuditEntry(long id, String at, String actor, String env, String kind, String uid, String action,
                         Long versionBefore, Long versionAfter, String digest,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                         com.fasterxml.jackson.databind.JsonNode detail) {
}
