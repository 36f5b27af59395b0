package io.dashplane.server.grafana;

import static io.dashplane.server.storage.schema.Tables.GRAFANA_PROVENANCE;

import io.dashplane.server.storage.Database;
import java.util.HashMap;
import java.util.Map;

/**
 * The provenance Grafana's alerting provisioning API reports per object: {@code "api"}, or {@code ""} when the
 * write carried {@code X-Disable-Provenance}. Kept beside the object (table {@code grafana_provenance}).
 */
public final class GrafanaProvenance {
    static final String HEADER = "X-Disable-Provenance";
    static final String API = "api";

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
            tx.deleteFrom(GRAFANA_PROVENANCE).where(GRAFANA_PROVENANCE.ENV.eq(env).and(GRAFANA_PROVENANCE.KIND.eq(kind))
                    .and(GRAFANA_PROVENANCE.OBJECT_KEY.eq(key))).execute();
            if (!API.equals(provenance)) {
                tx.insertInto(GRAFANA_PROVENANCE, GRAFANA_PROVENANCE.ENV, GRAFANA_PROVENANCE.KIND,
                        GRAFANA_PROVENANCE.OBJECT_KEY, GRAFANA_PROVENANCE.PROVENANCE).values(env, kind, key, provenance)
                        .execute();
            }
            return null;
        });
    }

    /** Every recorded provenance of one kind in the environment, by object key (absent: "api"). */
    Map<String, String> of(String env, String kind) {
        return db.read(tx -> new HashMap<>(tx.select(GRAFANA_PROVENANCE.OBJECT_KEY, GRAFANA_PROVENANCE.PROVENANCE)
                .from(GRAFANA_PROVENANCE)
                .where(GRAFANA_PROVENANCE.ENV.eq(env).and(GRAFANA_PROVENANCE.KIND.eq(kind)))
                .fetchMap(GRAFANA_PROVENANCE.OBJECT_KEY, GRAFANA_PROVENANCE.PROVENANCE)));
    }

    String get(String env, String kind, String key) {
        return db.read(tx -> tx.select(GRAFANA_PROVENANCE.PROVENANCE).from(GRAFANA_PROVENANCE)
                .where(GRAFANA_PROVENANCE.ENV.eq(env).and(GRAFANA_PROVENANCE.KIND.eq(kind))
                .and(GRAFANA_PROVENANCE.OBJECT_KEY.eq(key))).fetchOptional(GRAFANA_PROVENANCE.PROVENANCE).orElse(API));
    }
}
