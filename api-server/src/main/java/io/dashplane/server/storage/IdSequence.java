package io.dashplane.server.storage;

import org.jooq.DSLContext;

/** Portable numeric id allocation (no AUTOINCREMENT / SERIAL); call inside a write transaction. */
public final class IdSequence {
    private IdSequence() {
    }

    /** One statement (UPDATE ... RETURNING, SQLite 3.35+ and PostgreSQL): it runs under the write lock. */
    public static long next(DSLContext tx, String name) {
        Long id = PreparedSql.first(tx, NEXT, st -> st.setString(1, name), row -> row.getLong(1));
        if (id == null) {
            throw new IllegalStateException("no id sequence '" + name + "'");
        }
        return id;
    }

    private static final String NEXT = "update id_sequences set last_id = last_id + 1 where name = ? returning last_id";
}
