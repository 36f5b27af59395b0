package io.dashplane.server.storage;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import org.jooq.DSLContext;

/** Portable numeric id allocation (no AUTOINCREMENT / SERIAL); call inside a write transaction. */
public final class IdSequence {
    private IdSequence() {
    }

    public static long next(DSLContext tx, String name) {
        tx.update(table("id_sequences"))
                .set(bigint("last_id"), bigint("last_id").plus(1))
                .where(text("name").eq(name))
                .execute();
        return tx.select(bigint("last_id")).from(table("id_sequences")).where(text("name").eq(name))
                .fetchSingle().value1();
    }
}
