package io.dashplane.server.alerting;

import static io.dashplane.server.alerting.AlertingColumns.CREATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.DATA;
import static io.dashplane.server.alerting.AlertingColumns.ENV;
import static io.dashplane.server.alerting.AlertingColumns.NAME;
import static io.dashplane.server.alerting.AlertingColumns.UID;
import static io.dashplane.server.alerting.AlertingColumns.UPDATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.VERSION;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import com.fasterxml.jackson.core.type.TypeReference;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.server.storage.Versions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for contact points. {@code sealedSecrets} is already encrypted (or null when there are none). */
public final class ContactPointRepository {
    private static final Table<?> CONTACT_POINTS = table("contact_points");
    private static final Field<String> SECURE_FIELDS = text("secure_fields");
    private static final Field<String> SECURE_DATA = text("secure_data");

    private final StoredJson json;

    public ContactPointRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<StoredContactPoint> find(DSLContext tx, String env, String uid) {
        return tx.selectFrom(CONTACT_POINTS).where(ENV.eq(env).and(UID.eq(uid))).fetchOptional().map(this::map);
    }

    public Optional<StoredContactPoint> findByName(DSLContext tx, String env, String name) {
        return tx.selectFrom(CONTACT_POINTS).where(ENV.eq(env).and(NAME.eq(name))).fetchOptional().map(this::map);
    }

    public List<StoredContactPoint> list(DSLContext tx, String env) {
        return tx.selectFrom(CONTACT_POINTS).where(ENV.eq(env)).orderBy(NAME).fetch(this::map);
    }

    public Set<String> names(DSLContext tx, String env) {
        return new HashSet<>(tx.select(NAME).from(CONTACT_POINTS).where(ENV.eq(env)).fetch(NAME));
    }

    public Optional<String> sealedSecrets(DSLContext tx, String env, String uid) {
        return tx.select(SECURE_DATA).from(CONTACT_POINTS).where(ENV.eq(env).and(UID.eq(uid))).fetchOptional(SECURE_DATA);
    }

    public void insert(DSLContext tx, String env, StoredContactPoint c, String sealedSecrets) {
        tx.insertInto(CONTACT_POINTS).set(ENV, env).set(UID, c.uid()).set(NAME, c.name())
                .set(DATA, json.write(c.integrations())).set(SECURE_FIELDS, json.write(c.secureFields()))
                .set(SECURE_DATA, sealedSecrets).set(VERSION, c.meta().version())
                .set(CREATED_AT, c.meta().createdAt()).set(UPDATED_AT, c.meta().updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "contact-point", c.uid(), CONTACT_POINTS, ENV.eq(env).and(UID.eq(c.uid())), true);
    }

    public void update(DSLContext tx, String env, StoredContactPoint c, String sealedSecrets) {
        long basedOn = c.meta().version() - 1;
        int rows = tx.update(CONTACT_POINTS).set(NAME, c.name()).set(DATA, json.write(c.integrations()))
                .set(SECURE_FIELDS, json.write(c.secureFields())).set(SECURE_DATA, sealedSecrets)
                .set(VERSION, c.meta().version()).set(UPDATED_AT, c.meta().updatedAt())
                .where(ENV.eq(env).and(UID.eq(c.uid())).and(VERSION.eq(basedOn))).execute();
        Versions.applied(rows, tx, CONTACT_POINTS, ENV.eq(env).and(UID.eq(c.uid())), basedOn,
                "contact point '" + c.uid() + "'");
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "contact-point", c.uid(), CONTACT_POINTS, ENV.eq(env).and(UID.eq(c.uid())), false);
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    public void delete(DSLContext tx, String env, String uid, long version) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "contact-point", uid, CONTACT_POINTS, ENV.eq(env).and(UID.eq(uid)));
        int rows = tx.deleteFrom(CONTACT_POINTS).where(ENV.eq(env).and(UID.eq(uid)).and(VERSION.eq(version)))
                .execute();
        Versions.applied(rows, tx, CONTACT_POINTS, ENV.eq(env).and(UID.eq(uid)), version,
                "contact point '" + uid + "'");
    }

    /** The environments that hold at least one contact point. */
    public List<String> environments(DSLContext tx) {
        return tx.selectDistinct(ENV).from(CONTACT_POINTS).orderBy(ENV).fetch(ENV);
    }

    /**
     * Rewrites how a contact point is stored (plain settings, secure fields, sealed secrets) without a new
     * version: for storage changes that leave its content as it was.
     */
    public void restore(DSLContext tx, String env, StoredContactPoint c, String sealedSecrets, String auditAction) {
        tx.update(CONTACT_POINTS).set(DATA, json.write(c.integrations())).set(SECURE_FIELDS, json.write(c.secureFields()))
                .set(SECURE_DATA, sealedSecrets).where(ENV.eq(env).and(UID.eq(c.uid()))).execute();
        io.dashplane.server.audit.AuditLog.record(tx, env, "contact-point", c.uid(), auditAction,
                c.meta().version(), c.meta().version(), json.write(c.integrations()));
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(CONTACT_POINTS);
    }

    private StoredContactPoint map(Record r) {
        return new StoredContactPoint(r.get(UID), r.get(NAME),
                json.read(r.get(DATA), new TypeReference<List<Integration>>() { }),
                json.read(r.get(SECURE_FIELDS), new TypeReference<Map<String, List<String>>>() { }),
                AlertingColumns.meta(r));
    }
}
