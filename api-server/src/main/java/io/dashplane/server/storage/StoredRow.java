package io.dashplane.server.storage;

import org.jooq.Record;

/**
 * One row as a repository has just written it (or as it was just before a delete took it), named by the kind and
 * key of the object it holds. Repositories hand these to their callers, which record them in the audit log.
 */
public record StoredRow(String env, String kind, String key, Record row) {
}
