package io.dashplane.server.storage;

import static io.dashplane.server.storage.schema.Tables.ID_SEQUENCES;

import org.jooq.DSLContext;

/** Portable numeric id allocation (no AUTOINCREMENT / SERIAL); call inside a write transaction. */
public final class IdSequence {
    private IdSequence() {
    }

    /** One statement (UPDATE ... RETURNING, SQLite 3.35+ and PostgreSQL): it runs under the write lock. */
    public static long next(DSLContext tx, String name) {
        return tx.update(ID_SEQUENCES)
                .set(ID_SEQUENCES.LAST_ID, ID_SEQUENCES.LAST_ID.plus(1))
                .where(ID_SEQUENCES.NAME.eq(name))
                .returningResult(ID_SEQUENCES.LAST_ID)
                .fetchSingle().value1();
    }
}
