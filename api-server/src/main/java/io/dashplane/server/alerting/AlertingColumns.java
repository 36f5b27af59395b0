package io.dashplane.server.alerting;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.text;

import org.jooq.Field;
import org.jooq.Record;

/** Columns shared by the alerting tables (jOOQ by name). */
final class AlertingColumns {
    static final Field<String> ENV = text("env");
    static final Field<String> UID = text("uid");
    static final Field<String> NAME = text("name");
    static final Field<String> DATA = text("data");
    static final Field<Long> VERSION = bigint("version");
    static final Field<String> CREATED_AT = text("created_at");
    static final Field<String> UPDATED_AT = text("updated_at");

    private AlertingColumns() {
    }

    static ObjectMeta meta(Record r) {
        return new ObjectMeta(r.get(VERSION), r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
