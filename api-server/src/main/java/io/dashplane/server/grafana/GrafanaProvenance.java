package io.dashplane.server.grafana;

import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.server.storage.Database;
import java.util.HashMap;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The provenance Grafana's alerting provisioning API reports per object: {@code "api"}, or {@code ""} when the
 * write carried {@code X-Disable-Provenance}. Kept beside the object (table {@code grafana_provenance}).
 */
public final class GrafanaProvenance {
    static final String HEADER = "X-Disable-Provenance";
    static final String API = "api";
    private static final Table<?> PROVENANCE = table("grafana_provenance");
    private static final Field<String> ENV = text("env");
    private static final Field<String> KIND = text("kind");
    private static final Field<String> KEY = text("object_key");
    private static final Field<String> VALUE = text("provenance");

    private final Database db;

    public GrafanaProvenance(Database db) {
        this.db = db;
    }

    /** What a write with (or without) {@code X-Disable-Provenance} records. */
    static String of(String disableHeader) {
        return disableHeader == null ? API : "";
    }

    void record(String env, String kind, String key, String provenance) {
        db.write(tx -> {
            tx.deleteFrom(PROVENANCE).where(ENV.eq(env).and(KIND.eq(kind)).and(KEY.eq(key))).execute();
            if (!API.equals(provenance)) {
                tx.insertInto(PROVENANCE, ENV, KIND, KEY, VALUE).values(env, kind, key, provenance).execute();
            }
            return null;
        });
    }

    /** Every recorded provenance of one kind in the environment, by object key (absent: "api"). */
    Map<String, String> of(String env, String kind) {
        return db.read(tx -> new HashMap<>(tx.select(KEY, VALUE).from(PROVENANCE)
                .where(ENV.eq(env).and(KIND.eq(kind))).fetchMap(KEY, VALUE)));
    }

    String get(String env, String kind, String key) {
        return db.read(tx -> tx.select(VALUE).from(PROVENANCE)
                .where(ENV.eq(env).and(KIND.eq(kind)).and(KEY.eq(key))).fetchOptional(VALUE).orElse(API));
    }
}
