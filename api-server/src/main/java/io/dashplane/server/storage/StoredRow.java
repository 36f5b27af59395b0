package io.dashplane.server.storage;

import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * One row as a repository has just written it (or as it was just before a delete took it), named by the kind and
 * key of the object it holds. Repositories hand these to their callers, which record them in the audit log.
 */
public record StoredRow(String env, String kind, String key, Record row) {

    /**
     * The row of {@code table} that {@code where} selects. It is read through the table's name only, so its values
     * are as the driver returns them (SQLite booleans as 1 and 0), as they were digested before the tables were
     * generated: an unchanged row keeps its audit digest.
     */
    public static Optional<StoredRow> read(DSLContext tx, Table<?> table, Condition where, String env, String kind,
                                           String key) {
        return tx.selectFrom(DSL.table(table.getQualifiedName())).where(where).fetchOptional()
                .map(r -> new StoredRow(env, kind, key, r));
    }
}
