package io.dashplane.server.changes;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of an environment's change feed. Objects keyed by a name (templates, rule groups as
 * {@code folderUid/name}) carry {@code name}, the others {@code uid}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(long sequence, String kind, String uid, String name, String action, String at) {
}
