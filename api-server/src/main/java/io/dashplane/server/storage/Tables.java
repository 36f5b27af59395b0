package io.dashplane.server.storage;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Table and column references by name (jOOQ without code generation). */
public final class Tables {
    private Tables() {
    }

    public static Table<?> table(String name) {
        return DSL.table(DSL.name(name));
    }

    public static Field<String> text(String name) {
        return DSL.field(DSL.name(name), String.class);
    }

    public static Field<Long> bigint(String name) {
        return DSL.field(DSL.name(name), Long.class);
    }

    public static Field<Boolean> bool(String name) {
        return DSL.field(DSL.name(name), Boolean.class);
    }

    /** Column {@code name} of table alias {@code table}. */
    public static Field<String> text(String table, String name) {
        return DSL.field(DSL.name(table, name), String.class);
    }
}
