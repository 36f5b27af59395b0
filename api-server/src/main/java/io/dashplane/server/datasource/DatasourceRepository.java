package io.dashplane.server.datasource;

import static io.dashplane.server.storage.schema.Tables.DATASOURCES;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.storage.IdSequence;
import io.dashplane.server.storage.JsonText;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.storage.PreparedSql;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/** SQL for datasources. {@code sealedSecrets} is the already encrypted secureJsonData (or null). */
public final class DatasourceRepository {
    public static final String KIND = "datasource";
    private static final List<Field<?>> PUBLIC_COLUMNS = List.of(DATASOURCES.UID, DATASOURCES.NAME, DATASOURCES.TYPE,
            DATASOURCES.ACCESS, DATASOURCES.URL, DATASOURCES.BASIC_AUTH,
            DATASOURCES.BASIC_AUTH_USER, DATASOURCES.USER_NAME, DATASOURCES.DATABASE_NAME, DATASOURCES.WITH_CREDENTIALS,
            DATASOURCES.IS_DEFAULT, DATASOURCES.READ_ONLY, DATASOURCES.JSON_DATA, DATASOURCES.SECURE_FIELDS,
            DATASOURCES.VERSION,
            DATASOURCES.CREATED_AT, DATASOURCES.UPDATED_AT);

    private final JsonText json;

    public DatasourceRepository(ObjectMapper mapper) {
        this.json = new JsonText(mapper);
    }

    public Optional<Datasource> find(DSLContext tx, String env, String uid) {
        return tx.select(PUBLIC_COLUMNS).from(DATASOURCES).where(DATASOURCES.ENV.eq(env).and(DATASOURCES.UID.eq(uid)))
                .fetchOptional().map(this::map);
    }

    public Optional<Datasource> findByName(DSLContext tx, String env, String name) {
        return tx.select(PUBLIC_COLUMNS).from(DATASOURCES).where(DATASOURCES.ENV.eq(env).and(DATASOURCES.NAME.eq(name)))
                .fetchOptional().map(this::map);
    }

    public Optional<String> findDefaultUid(DSLContext tx, String env) {
        return tx.select(DATASOURCES.UID).from(DATASOURCES).where(DATASOURCES.ENV.eq(env)
                .and(DATASOURCES.IS_DEFAULT.isTrue())).fetchOptional(DATASOURCES.UID);
    }

    public Optional<String> sealedSecrets(DSLContext tx, String env, String uid) {
        return tx.select(DATASOURCES.SECURE_DATA).from(DATASOURCES).where(DATASOURCES.ENV.eq(env)
                .and(DATASOURCES.UID.eq(uid)))
                .fetchOptional(DATASOURCES.SECURE_DATA);
    }

    public boolean existsByUid(DSLContext tx, String env, String uid) {
        return tx.fetchExists(DATASOURCES, DATASOURCES.ENV.eq(env).and(DATASOURCES.UID.eq(uid)));
    }

    public boolean existsByName(DSLContext tx, String env, String name) {
        return tx.fetchExists(DATASOURCES, DATASOURCES.ENV.eq(env).and(DATASOURCES.NAME.eq(name)));
    }

    public Set<String> uids(DSLContext tx, String env) {
        return new HashSet<>(tx.select(DATASOURCES.UID).from(DATASOURCES).where(DATASOURCES.ENV.eq(env))
                .fetch(DATASOURCES.UID));
    }

    public Set<String> names(DSLContext tx, String env) {
        return new HashSet<>(tx.select(DATASOURCES.NAME).from(DATASOURCES).where(DATASOURCES.ENV.eq(env))
                .fetch(DATASOURCES.NAME));
    }

    public List<Datasource> list(DSLContext tx, String env, String name, String type, int offset, int limit) {
        return tx.select(PUBLIC_COLUMNS).from(DATASOURCES).where(filter(env, name, type))
                .orderBy(DATASOURCES.NAME, DATASOURCES.UID).limit(limit).offset(offset).fetch(this::map);
    }

    public long count(DSLContext tx, String env, String name, String type) {
        return tx.fetchCount(DATASOURCES, filter(env, name, type));
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(DATASOURCES);
    }

    public void insert(DSLContext tx, String env, Datasource d, String sealedSecrets) {
        tx.insertInto(DATASOURCES).set(DATASOURCES.ENV, env).set(DATASOURCES.UID, d.uid())
                .set(DATASOURCES.ID, IdSequence.next(tx, KIND))
                .set(values(d, sealedSecrets))
                .set(DATASOURCES.CREATED_AT, d.createdAt()).execute();
    }

    /** The numeric (Grafana) id of each datasource of the environment, by uid. */
    public Map<String, Long> ids(DSLContext tx, String env) {
        return tx.select(DATASOURCES.UID, DATASOURCES.ID).from(DATASOURCES).where(DATASOURCES.ENV.eq(env))
                .fetchMap(DATASOURCES.UID, DATASOURCES.ID);
    }

    public Optional<String> uidById(DSLContext tx, String env, long id) {
        return tx.select(DATASOURCES.UID).from(DATASOURCES).where(DATASOURCES.ENV.eq(env).and(DATASOURCES.ID.eq(id)))
                .fetchOptional(DATASOURCES.UID);
    }

    public void update(DSLContext tx, String env, Datasource d, String sealedSecrets) {
        int rows = tx.update(DATASOURCES).set(values(d, sealedSecrets)).where(DATASOURCES.ENV.eq(env)
                .and(DATASOURCES.UID.eq(d.uid())).and(DATASOURCES.VERSION.eq(d.version() - 1))).execute();
        Versions.applied(rows, tx, DATASOURCES, DATASOURCES.ENV.eq(env).and(DATASOURCES.UID.eq(d.uid())),
                d.version() - 1, "datasource '" + d.uid() + "'");
    }

    /** Deletes the datasource; returns the row it removed (none when there was none). */
    public List<StoredRow> delete(DSLContext tx, String env, String uid) {
        List<StoredRow> removed = row(tx, env, uid).stream().toList();
        tx.deleteFrom(DATASOURCES).where(DATASOURCES.ENV.eq(env).and(DATASOURCES.UID.eq(uid))).execute();
        return removed;
    }

    /** The stored row of the datasource, as the audit log records it. */
    public Optional<StoredRow> row(DSLContext tx, String env, String uid) {
        return StoredRow.read(tx, DATASOURCES, DATASOURCES.ENV.eq(env).and(DATASOURCES.UID.eq(uid)), env, KIND, uid);
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    public List<StoredRow> delete(DSLContext tx, String env, String uid, long version) {
        Condition key = DATASOURCES.ENV.eq(env).and(DATASOURCES.UID.eq(uid));
        return Versions.deleteAt(tx, DATASOURCES, key, DATASOURCES.VERSION, version, "datasource '" + uid + "'",
                row(tx, env, uid).stream().toList());
    }

    private Map<Field<?>, Object> values(Datasource d, String sealedSecrets) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(DATASOURCES.NAME, d.name());
        v.put(DATASOURCES.TYPE, d.type());
        v.put(DATASOURCES.ACCESS, d.access());
        v.put(DATASOURCES.URL, d.url());
        v.put(DATASOURCES.BASIC_AUTH, d.basicAuth());
        v.put(DATASOURCES.BASIC_AUTH_USER, d.basicAuthUser());
        v.put(DATASOURCES.USER_NAME, d.user());
        v.put(DATASOURCES.DATABASE_NAME, d.database());
        v.put(DATASOURCES.WITH_CREDENTIALS, d.withCredentials());
        v.put(DATASOURCES.IS_DEFAULT, d.isDefault());
        v.put(DATASOURCES.READ_ONLY, d.readOnly());
        v.put(DATASOURCES.JSON_DATA, json.write(d.jsonData()));
        v.put(DATASOURCES.SECURE_FIELDS, json.write(d.secureJsonFields().keySet().stream().sorted().toList()));
        v.put(DATASOURCES.SECURE_DATA, sealedSecrets);
        v.put(DATASOURCES.VERSION, d.version());
        v.put(DATASOURCES.UPDATED_AT, d.updatedAt());
        return v;
    }

    private static Condition filter(String env, String name, String type) {
        Condition c = DATASOURCES.ENV.eq(env);
        if (name != null && !name.isEmpty()) {
            c = c.and(DATASOURCES.NAME.eq(name));
        }
        if (type != null && !type.isEmpty()) {
            c = c.and(DATASOURCES.TYPE.eq(type));
        }
        return c;
    }

    private Datasource map(Record r) {
        List<String> fields = json.readStrings(r.get(DATASOURCES.SECURE_FIELDS));
        Map<String, Boolean> flags = new LinkedHashMap<>();
        fields.forEach(f -> flags.put(f, true));
        return new Datasource(r.get(DATASOURCES.UID), r.get(DATASOURCES.NAME), r.get(DATASOURCES.TYPE),
                r.get(DATASOURCES.ACCESS), r.get(DATASOURCES.URL),
                Boolean.TRUE.equals(r.get(DATASOURCES.BASIC_AUTH)), r.get(DATASOURCES.BASIC_AUTH_USER),
                r.get(DATASOURCES.USER_NAME),
                r.get(DATASOURCES.DATABASE_NAME), Boolean.TRUE.equals(r.get(DATASOURCES.WITH_CREDENTIALS)),
                Boolean.TRUE.equals(r.get(DATASOURCES.IS_DEFAULT)), Boolean.TRUE.equals(r.get(DATASOURCES.READ_ONLY)),
                json.read(r.get(DATASOURCES.JSON_DATA), new TypeReference<ObjectNode>() { }), flags,
                r.get(DATASOURCES.VERSION),
                r.get(DATASOURCES.CREATED_AT), r.get(DATASOURCES.UPDATED_AT));
    }

    /** The uids and the names of every datasource of every environment. */
    /** The datasource uids and names of {@code env}, in one query. */
    public DatasourceService.UidsAndNames uidsAndNames(DSLContext tx, String env) {
        java.util.Set<String> uids = new java.util.HashSet<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        // read under the write lock by every dashboard write: fixed SQL, prepared once per connection
        PreparedSql.forEach(tx, "select uid, name from datasources where env = ?", st -> st.setString(1, env), r -> {
            uids.add(r.getString(1));
            return names.add(r.getString(2));
        });
        return new DatasourceService.UidsAndNames(uids, names);
    }

    public DatasourceService.UidsAndNames uidsAndNames(DSLContext tx) {
        java.util.Set<String> uids = new java.util.HashSet<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        tx.select(DATASOURCES.UID, DATASOURCES.NAME).from(DATASOURCES).forEach(r -> {
            uids.add(r.value1());
            names.add(r.value2());
        });
        return new DatasourceService.UidsAndNames(uids, names);
    }
}
