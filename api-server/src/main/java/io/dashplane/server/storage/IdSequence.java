package io.dashplane.server.storage;

import static io.dashplane.server.storage.schema.Tables.ID_SEQUENCES;

import org.jooq.DSLContext;

/** Portable numeric id allocation (no AUTOINCREMENT / SERIAL); call inside a write transaction. */
public final class IdSequence {
    private IdSequence() {
    }

    public static long next(DSLContext tx, String name) {
        tx.update(ID_SEQUENCES)
                .set(ID_SEQUENCES.LAST_ID, ID_SEQUENCES.LAST_ID.plus(1))
                .where(ID_SEQUENCES.NAME.eq(name))
                .execute();
        return tx.select(ID_SEQUENCES.LAST_ID).from(ID_SEQUENCES).where(ID_SEQUENCES.NAME.eq(name))
                .fetchSingle().value1();
    }
}
