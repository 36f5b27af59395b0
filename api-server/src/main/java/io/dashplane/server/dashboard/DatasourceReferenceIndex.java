package io.dashplane.server.dashboard;

import static io.dashplane.server.storage.schema.Tables.DASHBOARDS;
import static io.dashplane.server.storage.schema.Tables.DASHBOARD_DATASOURCE_REFS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.schema.dashboard.DatasourceReference;
import io.dashplane.schema.dashboard.DatasourceReferences;
import io.dashplane.server.datasource.DatasourceReferrer;
import io.dashplane.server.storage.JsonText;
import io.dashplane.server.storage.PreparedSql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import io.dashplane.server.storage.schema.DashboardDatasourceRefs;

/**
 * The table of datasource references held by the current version of each dashboard: one row per
 * distinct reference text (uid, or name in the legacy string form) with the pointers that hold it.
 * It is rewritten with every dashboard write, so finding the referrers of a datasource is an index
 * lookup instead of a parse of every dashboard of the environment.
 */
public final class DatasourceReferenceIndex {
    /** Longer texts can match neither a uid (40) nor a name (190), so they are not indexed. */
    private static final int MAX_REF_LENGTH = 190;

    private final JsonText json;

    public DatasourceReferenceIndex(ObjectMapper mapper) {
        this.json = new JsonText(mapper);
    }

    /** Replaces the indexed references of dashboard {@code uid} by those of {@code dashboardJson}. */
    public void write(DSLContext tx, String env, String uid, String dashboardJson) {
        write(tx, env, uid, referencesOf(dashboardJson), true);
    }

    /**
     * Stores {@code refs} ({@link #referencesOf}) as the references of dashboard {@code uid}, one prepared
     * statement per reference (reused: {@link PreparedSql});
     * {@code replace} first removes those of its previous version (a new dashboard has none).
     */
    void write(DSLContext tx, String env, String uid, Map<String, List<String>> refs, boolean replace) {
        DashboardDatasourceRefs refsTable = DASHBOARD_DATASOURCE_REFS;
        if (replace) {
            tx.deleteFrom(refsTable).where(refsTable.ENV.eq(env).and(refsTable.DASHBOARD_UID.eq(uid))).execute();
        }
        for (Map.Entry<String, List<String>> e : refs.entrySet()) {
            String pointers = json.write(e.getValue());
            PreparedSql.update(tx, INSERT, st -> {
                st.setString(1, env);
                st.setString(2, uid);
                st.setString(3, e.getKey());
                st.setString(4, pointers);
            });
        }
    }

    private static final String INSERT =
            "insert into dashboard_datasource_refs (env, dashboard_uid, ref, pointers) values (?, ?, ?, ?)";

    /** Dashboards of {@code env} naming any of {@code refs} (a datasource's uid and name), ordered by uid. */
    public List<DatasourceReferrer> referrers(DSLContext tx, String env, Collection<String> refs) {
        Map<String, DatasourceReferrer> byUid = new LinkedHashMap<>();
        DashboardDatasourceRefs refsTable = DASHBOARD_DATASOURCE_REFS;
        tx.select(refsTable.DASHBOARD_UID, DASHBOARDS.TITLE, refsTable.POINTERS)
                .from(refsTable).join(DASHBOARDS)
                .on(refsTable.ENV.eq(DASHBOARDS.ENV).and(refsTable.DASHBOARD_UID.eq(DASHBOARDS.UID)))
                .where(refsTable.ENV.eq(env).and(refsTable.REF.in(refs)))
                .orderBy(refsTable.DASHBOARD_UID)
                .forEach(r -> {
                    DatasourceReferrer current = byUid.computeIfAbsent(r.get(refsTable.DASHBOARD_UID),
                            uid -> new DatasourceReferrer("dashboard", uid, r.get(DASHBOARDS.TITLE),
                            new ArrayList<>()));
                    current.pointers().addAll(json.readStrings(r.get(refsTable.POINTERS)));
                });
        return byUid.values().stream().map(r -> new DatasourceReferrer(r.kind(), r.uid(), r.title(),
                r.pointers().stream().sorted().toList())).toList();
    }

    /** Reference text to the pointers (relative to the dashboard) of the {@code datasource} members naming it. */
    Map<String, List<String>> referencesOf(String dashboardJson) {
        return referencesOf(json.readTree(dashboardJson));
    }

    /** As {@link #referencesOf(String)}, of the dashboard already parsed (no second parse of the stored text). */
    Map<String, List<String>> referencesOf(JsonNode dashboard) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        for (DatasourceReference ref : DatasourceReferences.extract(dashboard)) {
            if (ref.uid() != null && !ref.uid().isEmpty() && ref.uid().length() <= MAX_REF_LENGTH) {
                refs.computeIfAbsent(ref.uid(), k -> new ArrayList<>()).add(ref.pointer());
            }
        }
        return refs;
    }
}
