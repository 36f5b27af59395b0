package io.dashplane.server.datasource;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.bool;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.storage.IdSequence;
import io.dashplane.server.storage.JsonText;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.jooq.Table;

/** SQL for datasources. {@code sealedSecrets} is the already encrypted secureJsonData (or null). */
public final class DatasourceRepository {
    public static final String KIND = "datasource";
    static final Table<?> DATASOURCES = table("datasources");
    static final Field<String> ENV = text("env");
    static final Field<String> UID = text("uid");
    static final Field<Long> ID = bigint("id");
    static final Field<String> NAME = text("name");
    static final Field<String> TYPE = text("type");
    static final Field<String> ACCESS = text("access");
    static final Field<String> URL = text("url");
    static final Field<Boolean> BASIC_AUTH = bool("basic_auth");
    static final Field<String> BASIC_AUTH_USER = text("basic_auth_user");
    static final Field<String> USER_NAME = text("user_name");
    static final Field<String> DATABASE_NAME = text("database_name");
    static final Field<Boolean> WITH_CREDENTIALS = bool("with_credentials");
    static final Field<Boolean> IS_DEFAULT = bool("is_default");
    static final Field<Boolean> READ_ONLY = bool("read_only");
    static final Field<String> JSON_DATA = text("json_data");
    static final Field<String> SECURE_FIELDS = text("secure_fields");
    static final Field<String> SECURE_DATA = text("secure_data");
    static final Field<Long> VERSION = bigint("version");
    static final Field<String> CREATED_AT = text("created_at");
    static final Field<String> UPDATED_AT = text("updated_at");
    private static final List<Field<?>> PUBLIC_COLUMNS = List.of(UID, NAME, TYPE, ACCESS, URL, BASIC_AUTH,
            BASIC_AUTH_USER, USER_NAME, DATABASE_NAME, WITH_CREDENTIALS, IS_DEFAULT, READ_ONLY, JSON_DATA, SECURE_FIELDS, VERSION,
            CREATED_AT, UPDATED_AT);

    private final JsonText json;

    public DatasourceRepository(ObjectMapper mapper) {
        this.json = new JsonText(mapper);
    }

    public Optional<Datasource> find(DSLContext tx, String env, String uid) {
        return tx.select(PUBLIC_COLUMNS).from(DATASOURCES).where(ENV.eq(env).and(UID.eq(uid)))
                .fetchOptional().map(this::map);
    }

    public Optional<Datasource> findByName(DSLContext tx, String env, String name) {
        return tx.select(PUBLIC_COLUMNS).from(DATASOURCES).where(ENV.eq(env).and(NAME.eq(name)))
                .fetchOptional().map(this::map);
    }

    public Optional<String> findDefaultUid(DSLContext tx, String env) {
        return tx.select(UID).from(DATASOURCES).where(ENV.eq(env).and(IS_DEFAULT.isTrue())).fetchOptional(UID);
    }

    public Optional<String> sealedSecrets(DSLContext tx, String env, String uid) {
        return tx.select(SECURE_DATA).from(DATASOURCES).where(ENV.eq(env).and(UID.eq(uid)))
                .fetchOptional(SECURE_DATA);
    }

    public boolean existsByUid(DSLContext tx, String env, String uid) {
        return tx.fetchExists(DATASOURCES, ENV.eq(env).and(UID.eq(uid)));
    }

    public boolean existsByName(DSLContext tx, String env, String name) {
        return tx.fetchExists(DATASOURCES, ENV.eq(env).and(NAME.eq(name)));
    }

    public Set<String> uids(DSLContext tx, String env) {
        return new HashSet<>(tx.select(UID).from(DATASOURCES).where(ENV.eq(env)).fetch(UID));
    }

    public Set<String> names(DSLContext tx, String env) {
        return new HashSet<>(tx.select(NAME).from(DATASOURCES).where(ENV.eq(env)).fetch(NAME));
    }

    public List<Datasource> list(DSLContext tx, String env, String name, String type, int offset, int limit) {
        return tx.select(PUBLIC_COLUMNS).from(DATASOURCES).where(filter(env, name, type))
                .orderBy(NAME, UID).limit(limit).offset(offset).fetch(this::map);
    }

    public long count(DSLContext tx, String env, String name, String type) {
        return tx.fetchCount(DATASOURCES, filter(env, name, type));
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(DATASOURCES);
    }

    public void insert(DSLContext tx, String env, Datasource d, String sealedSecrets) {
        tx.insertInto(DATASOURCES).set(ENV, env).set(UID, d.uid()).set(ID, IdSequence.next(tx, KIND))
                .set(values(d, sealedSecrets))
                .set(CREATED_AT, d.createdAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, KIND, d.uid(), DATASOURCES, ENV.eq(env).and(UID.eq(d.uid())), true);
    }

    /** The numeric (Grafana) id of each datasource of the environment, by uid. */
    public Map<String, Long> ids(DSLContext tx, String env) {
        return tx.select(UID, ID).from(DATASOURCES).where(ENV.eq(env)).fetchMap(UID, ID);
    }

    public Optional<String> uidById(DSLContext tx, String env, long id) {
        return tx.select(UID).from(DATASOURCES).where(ENV.eq(env).and(ID.eq(id))).fetchOptional(UID);
    }

    public void update(DSLContext tx, String env, Datasource d, String sealedSecrets) {
        int rows = tx.update(DATASOURCES).set(values(d, sealedSecrets))
                .where(ENV.eq(env).and(UID.eq(d.uid())).and(VERSION.eq(d.version() - 1))).execute();
        Versions.applied(rows, tx, DATASOURCES, ENV.eq(env).and(UID.eq(d.uid())), d.version() - 1,
                "datasource '" + d.uid() + "'");
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, KIND, d.uid(), DATASOURCES, ENV.eq(env).and(UID.eq(d.uid())), false);
    }

    public void delete(DSLContext tx, String env, String uid) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, KIND, uid, DATASOURCES, ENV.eq(env).and(UID.eq(uid)));
        tx.deleteFrom(DATASOURCES).where(ENV.eq(env).and(UID.eq(uid))).execute();
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    public void delete(DSLContext tx, String env, String uid, long version) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, KIND, uid, DATASOURCES, ENV.eq(env).and(UID.eq(uid)));
        int rows = tx.deleteFrom(DATASOURCES).where(ENV.eq(env).and(UID.eq(uid)).and(VERSION.eq(version))).execute();
        Versions.applied(rows, tx, DATASOURCES, ENV.eq(env).and(UID.eq(uid)), version, "datasource '" + uid + "'");
    }

    private Map<Field<?>, Object> values(Datasource d, String sealedSecrets) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(NAME, d.name());
        v.put(TYPE, d.type());
        v.put(ACCESS, d.access());
        v.put(URL, d.url());
        v.put(BASIC_AUTH, d.basicAuth());
        v.put(BASIC_AUTH_USER, d.basicAuthUser());
        v.put(USER_NAME, d.user());
        v.put(DATABASE_NAME, d.database());
        v.put(WITH_CREDENTIALS, d.withCredentials());
        v.put(IS_DEFAULT, d.isDefault());
        v.put(READ_ONLY, d.readOnly());
        v.put(JSON_DATA, json.write(d.jsonData()));
        v.put(SECURE_FIELDS, json.write(d.secureJsonFields().keySet().stream().sorted().toList()));
        v.put(SECURE_DATA, sealedSecrets);
        v.put(VERSION, d.version());
        v.put(UPDATED_AT, d.updatedAt());
        return v;
    }

    private static Condition filter(String env, String name, String type) {
        Condition c = ENV.eq(env);
        if (name != null && !name.isEmpty()) {
            c = c.and(NAME.eq(name));
        }
        if (type != null && !type.isEmpty()) {
            c = c.and(TYPE.eq(type));
        }
        return c;
    }

    private Datasource map(Record r) {
        List<String> fields = json.readStrings(r.get(SECURE_FIELDS));
        Map<String, Boolean> flags = new LinkedHashMap<>();
        fields.forEach(f -> flags.put(f, true));
        return new Datasource(r.get(UID), r.get(NAME), r.get(TYPE), r.get(ACCESS), r.get(URL),
                Boolean.TRUE.equals(r.get(BASIC_AUTH)), r.get(BASIC_AUTH_USER), r.get(USER_NAME),
                r.get(DATABASE_NAME), Boolean.TRUE.equals(r.get(WITH_CREDENTIALS)), Boolean.TRUE.equals(r.get(IS_DEFAULT)), Boolean.TRUE.equals(r.get(READ_ONLY)),
                json.read(r.get(JSON_DATA), new TypeReference<ObjectNode>() { }), flags, r.get(VERSION),
                r.get(CREATED_AT), r.get(UPDATED_AT));
    }
}
