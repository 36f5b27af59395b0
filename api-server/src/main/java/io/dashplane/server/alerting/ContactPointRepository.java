package io.dashplane.server.alerting;

import static io.dashplane.server.storage.schema.Tables.CONTACT_POINTS;

import com.fasterxml.jackson.core.type.TypeReference;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** SQL for contact points. {@code sealedSecrets} is already encrypted (or null when there are none). */
public final class ContactPointRepository {

    private final StoredJson json;

    public ContactPointRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<StoredContactPoint> find(DSLContext tx, String env, String uid) {
        return tx.selectFrom(CONTACT_POINTS).where(CONTACT_POINTS.ENV.eq(env).and(CONTACT_POINTS.UID.eq(uid)))
                .fetchOptional().map(this::map);
    }

    public Optional<StoredContactPoint> findByName(DSLContext tx, String env, String name) {
        return tx.selectFrom(CONTACT_POINTS).where(CONTACT_POINTS.ENV.eq(env).and(CONTACT_POINTS.NAME.eq(name)))
                .fetchOptional().map(this::map);
    }

    public List<StoredContactPoint> list(DSLContext tx, String env) {
        return tx.selectFrom(CONTACT_POINTS).where(CONTACT_POINTS.ENV.eq(env)).orderBy(CONTACT_POINTS.NAME)
                .fetch(this::map);
    }

    public Set<String> names(DSLContext tx, String env) {
        return new HashSet<>(tx.select(CONTACT_POINTS.NAME).from(CONTACT_POINTS).where(CONTACT_POINTS.ENV.eq(env))
                .fetch(CONTACT_POINTS.NAME));
    }

    public Optional<String> sealedSecrets(DSLContext tx, String env, String uid) {
        return tx.select(CONTACT_POINTS.SECURE_DATA).from(CONTACT_POINTS)
                .where(CONTACT_POINTS.ENV.eq(env).and(CONTACT_POINTS.UID.eq(uid)))
                .fetchOptional(CONTACT_POINTS.SECURE_DATA);
    }

    public void insert(DSLContext tx, String env, StoredContactPoint c, String sealedSecrets) {
        tx.insertInto(CONTACT_POINTS).set(CONTACT_POINTS.ENV, env).set(CONTACT_POINTS.UID, c.uid())
                .set(CONTACT_POINTS.NAME, c.name())
                .set(CONTACT_POINTS.DATA, json.write(c.integrations()))
                .set(CONTACT_POINTS.SECURE_FIELDS, json.write(c.secureFields()))
                .set(CONTACT_POINTS.SECURE_DATA, sealedSecrets).set(CONTACT_POINTS.VERSION, c.meta().version())
                .set(CONTACT_POINTS.CREATED_AT, c.meta().createdAt()).set(CONTACT_POINTS.UPDATED_AT,
                c.meta().updatedAt()).execute();
    }

    public void update(DSLContext tx, String env, StoredContactPoint c, String sealedSecrets) {
        long basedOn = c.meta().version() - 1;
        Condition key = CONTACT_POINTS.ENV.eq(env).and(CONTACT_POINTS.UID.eq(c.uid()));
        int rows = tx.update(CONTACT_POINTS).set(CONTACT_POINTS.NAME, c.name()).set(CONTACT_POINTS.DATA,
                json.write(c.integrations()))
                .set(CONTACT_POINTS.SECURE_FIELDS, json.write(c.secureFields()))
                .set(CONTACT_POINTS.SECURE_DATA, sealedSecrets)
                .set(CONTACT_POINTS.VERSION, c.meta().version()).set(CONTACT_POINTS.UPDATED_AT, c.meta().updatedAt())
                .where(key.and(CONTACT_POINTS.VERSION.eq(basedOn))).execute();
        Versions.applied(rows, tx, CONTACT_POINTS, key, basedOn, "contact point '" + c.uid() + "'");
    }

    /**
     * Deletes the contact point only while it is at {@code version} (the version the delete was decided on): 409
     * when another write changed it since, 404 when it is gone. Returns the row it removed.
     */
    public List<StoredRow> delete(DSLContext tx, String env, String uid, long version) {
        Condition key = CONTACT_POINTS.ENV.eq(env).and(CONTACT_POINTS.UID.eq(uid));
        return Versions.deleteAt(tx, CONTACT_POINTS, key, CONTACT_POINTS.VERSION, version, "contact point '" + uid + "'",
                row(tx, env, uid).stream().toList());
    }

    /** The stored row of the contact point, as the audit log records it. */
    public Optional<StoredRow> row(DSLContext tx, String env, String uid) {
        return StoredRow.read(tx, CONTACT_POINTS, CONTACT_POINTS.ENV.eq(env).and(CONTACT_POINTS.UID.eq(uid)), env, "contact-point", uid);
    }

    /** The environments that hold at least one contact point. */
    public List<String> environments(DSLContext tx) {
        return tx.selectDistinct(CONTACT_POINTS.ENV).from(CONTACT_POINTS).orderBy(CONTACT_POINTS.ENV)
                .fetch(CONTACT_POINTS.ENV);
    }

    /**
     * Rewrites how a contact point is stored (plain settings, secure fields, sealed secrets) without a new
     * version: for storage changes that leave its content as it was.
     */
    public void restore(DSLContext tx, String env, StoredContactPoint c, String sealedSecrets) {
        tx.update(CONTACT_POINTS).set(CONTACT_POINTS.DATA, json.write(c.integrations()))
                .set(CONTACT_POINTS.SECURE_FIELDS, json.write(c.secureFields()))
                .set(CONTACT_POINTS.SECURE_DATA, sealedSecrets).where(CONTACT_POINTS.ENV.eq(env)
                .and(CONTACT_POINTS.UID.eq(c.uid()))).execute();
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(CONTACT_POINTS);
    }

    private StoredContactPoint map(Record r) {
        return new StoredContactPoint(r.get(CONTACT_POINTS.UID), r.get(CONTACT_POINTS.NAME),
                json.read(r.get(CONTACT_POINTS.DATA), new TypeReference<List<Integration>>() { }),
                json.read(r.get(CONTACT_POINTS.SECURE_FIELDS), new TypeReference<Map<String, List<String>>>() { }),
                new ObjectMeta(r.get(CONTACT_POINTS.VERSION), r.get(CONTACT_POINTS.CREATED_AT),
                r.get(CONTACT_POINTS.UPDATED_AT)));
    }
}
