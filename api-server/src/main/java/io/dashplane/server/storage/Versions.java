package io.dashplane.server.storage;

import io.dashplane.server.errors.DomainException;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The compare-and-set rule shared by every kind of object. */
public final class Versions {
    private Versions() {
    }

    /**
     * Checks a write's precondition against the stored version ({@code null} when the object does not exist).
     * {@code expected} is the client's If-Match / body version: null means unconditional.
     */
    public static void check(ExpectedVersion expected, Long current, String what) {
        if (expected == null || expected.isNone()) {
            return;
        }
        if (current == null) {
            throw DomainException.notFound(what + " does not exist");
        }
        if (expected.isAny()) {
            return;
        }
        if (expected.version() != current) {
            throw DomainException.versionConflict(current,
                    what + " is at version " + current + ", the write expected version " + expected.version());
        }
    }

    /**
     * The compare-and-set in the statement: {@code rows} is the count of a versioned UPDATE or DELETE whose WHERE
     * carried {@code version = basedOn} (the version the write was computed from). No row means that since it was
     * read another write (on any replica) changed or removed the object: a 409 with the version stored now, or a
     * 404 when the object is gone. The row is read again in the same transaction for the answer only.
     */
    public static void applied(int rows, DSLContext tx, Table<?> table, Condition key, long basedOn, String what) {
        if (rows > 0) {
            return;
        }
        Long current = tx.select(DSL.field(DSL.name("version"), SQLDataType.BIGINT)).from(table).where(key)
                .fetchOptional(0, Long.class).orElse(null);
        if (current == null) {
            throw DomainException.notFound(what + " does not exist");
        }
        throw DomainException.versionConflict(current,
                what + " is at version " + current + ", the write was based on version " + basedOn);
    }

    /**
     * Deletes what {@code key} selects from {@code table} only while it is at {@code version} (the version the
     * delete was decided on), as {@link #applied} checks: 409 when another write changed it since, 404 when it is
     * gone. {@code removed} (read by the caller before this call) is returned for the audit log.
     */
    public static List<StoredRow> deleteAt(DSLContext tx, Table<?> table, Condition key, Field<Long> versionColumn,
                                           long version, String what, List<StoredRow> removed) {
        int rows = tx.deleteFrom(table).where(key.and(versionColumn.eq(version))).execute();
        applied(rows, tx, table, key, version, what);
        return removed;
    }
}
