package io.dashplane.server.alerting;

import static io.dashplane.server.storage.schema.Tables.ALERT_RULES;
import static io.dashplane.server.storage.schema.Tables.ALERT_RULE_VERSIONS;

import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import io.dashplane.server.storage.schema.AlertRuleVersions;
import org.jooq.impl.DSL;

/** SQL for alert rules and their history. */
public final class AlertRuleRepository {

    private final StoredJson json;

    public AlertRuleRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<StoredAlertRule> find(DSLContext tx, String env, String uid) {
        return tx.selectFrom(ALERT_RULES).where(ALERT_RULES.ENV.eq(env).and(ALERT_RULES.UID.eq(uid)))
                .fetchOptional().map(this::map);
    }

    public List<StoredAlertRule> list(DSLContext tx, String env, String folderUid, String ruleGroup) {
        Condition c = ALERT_RULES.ENV.eq(env);
        if (folderUid != null && !folderUid.isEmpty()) {
            c = c.and(ALERT_RULES.FOLDER_UID.eq(folderUid));
        }
        if (ruleGroup != null && !ruleGroup.isEmpty()) {
            c = c.and(ALERT_RULES.RULE_GROUP.eq(ruleGroup));
        }
        return tx.selectFrom(ALERT_RULES).where(c).orderBy(ALERT_RULES.FOLDER_UID, ALERT_RULES.RULE_GROUP,
                ALERT_RULES.POSITION, ALERT_RULES.UID).fetch(this::map);
    }

    public List<String> uidsInGroup(DSLContext tx, String env, String folderUid, String ruleGroup) {
        return tx.select(ALERT_RULES.UID).from(ALERT_RULES).where(inGroup(env, folderUid, ruleGroup))
                .orderBy(ALERT_RULES.POSITION, ALERT_RULES.UID).fetch(ALERT_RULES.UID);
    }

    public long nextPosition(DSLContext tx, String env, String folderUid, String ruleGroup) {
        Long max = tx.select(DSL.max(ALERT_RULES.POSITION)).from(ALERT_RULES).where(inGroup(env, folderUid, ruleGroup))
                .fetchOne(0, Long.class);
        return max == null ? 0 : max + 1;
    }

    public Optional<String> uidWithTitle(DSLContext tx, String env, String folderUid, String title) {
        return tx.select(ALERT_RULES.UID).from(ALERT_RULES).where(ALERT_RULES.ENV.eq(env)
                .and(ALERT_RULES.FOLDER_UID.eq(folderUid)).and(ALERT_RULES.TITLE.eq(title)))
                .fetchOptional(ALERT_RULES.UID);
    }

    public long countInFolder(DSLContext tx, String env, String folderUid) {
        return tx.fetchCount(ALERT_RULES, ALERT_RULES.ENV.eq(env).and(ALERT_RULES.FOLDER_UID.eq(folderUid)));
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(ALERT_RULES);
    }

    /** Inserts or updates the rule row and appends its history entry. */
    public void save(DSLContext tx, String env, StoredAlertRule stored, boolean insert, String message) {
        AlertRule rule = stored.rule();
        if (insert) {
            tx.insertInto(ALERT_RULES).set(ALERT_RULES.ENV, env).set(ALERT_RULES.UID, rule.uid())
                    .set(ALERT_RULES.TITLE, rule.title())
                    .set(ALERT_RULES.FOLDER_UID, rule.folderUID()).set(ALERT_RULES.RULE_GROUP, rule.ruleGroup())
                    .set(ALERT_RULES.POSITION, stored.position())
                    .set(ALERT_RULES.DATA, json.write(rule)).set(ALERT_RULES.VERSION, stored.meta().version())
                    .set(ALERT_RULES.CREATED_AT, stored.meta().createdAt())
                    .set(ALERT_RULES.UPDATED_AT, stored.meta().updatedAt()).execute();
        } else {
            long basedOn = stored.meta().version() - 1;
            int rows = tx.update(ALERT_RULES).set(ALERT_RULES.TITLE, rule.title())
                    .set(ALERT_RULES.FOLDER_UID, rule.folderUID())
                    .set(ALERT_RULES.RULE_GROUP, rule.ruleGroup())
                    .set(ALERT_RULES.POSITION, stored.position()).set(ALERT_RULES.DATA, json.write(rule))
                    .set(ALERT_RULES.VERSION, stored.meta().version())
                    .set(ALERT_RULES.UPDATED_AT, stored.meta().updatedAt())
                    .where(ALERT_RULES.ENV.eq(env).and(ALERT_RULES.UID.eq(rule.uid()))
                            .and(ALERT_RULES.VERSION.eq(basedOn))).execute();
            Versions.applied(rows, tx, ALERT_RULES, ALERT_RULES.ENV.eq(env).and(ALERT_RULES.UID.eq(rule.uid())),
                    basedOn, "alert rule '" + rule.uid() + "'");
        }
        AlertRuleVersions versions = ALERT_RULE_VERSIONS;
        tx.insertInto(versions).set(versions.ENV, env).set(versions.UID, rule.uid())
                .set(versions.VERSION, stored.meta().version())
                .set(versions.FOLDER_UID, rule.folderUID()).set(versions.RULE_GROUP, rule.ruleGroup())
                .set(versions.MESSAGE, message)
                .set(versions.DATA, json.write(rule)).set(versions.CREATED_AT, stored.meta().updatedAt()).execute();
    }

    /** Deletes the alert rule; returns the row it removed (none when there was none). */
    public List<StoredRow> delete(DSLContext tx, String env, String uid) {
        List<StoredRow> removed = row(tx, env, uid).stream().toList();
        tx.deleteFrom(ALERT_RULES).where(ALERT_RULES.ENV.eq(env).and(ALERT_RULES.UID.eq(uid))).execute();
        return removed;
    }

    /** The stored row of the alert rule, as the audit log records it. */
    public Optional<StoredRow> row(DSLContext tx, String env, String uid) {
        return StoredRow.read(tx, ALERT_RULES, ALERT_RULES.ENV.eq(env).and(ALERT_RULES.UID.eq(uid)), env, "alert-rule", uid);
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    public List<StoredRow> delete(DSLContext tx, String env, String uid, long version) {
        Condition key = ALERT_RULES.ENV.eq(env).and(ALERT_RULES.UID.eq(uid));
        return Versions.deleteAt(tx, ALERT_RULES, key, ALERT_RULES.VERSION, version, "alert rule '" + uid + "'",
                row(tx, env, uid).stream().toList());
    }

    public List<AlertRuleVersion> versions(DSLContext tx, String env, String uid, int offset, int limit) {
        return tx.selectFrom(ALERT_RULE_VERSIONS).where(ALERT_RULE_VERSIONS.ENV.eq(env)
                .and(ALERT_RULE_VERSIONS.UID.eq(uid))).orderBy(ALERT_RULE_VERSIONS.VERSION.desc())
                .limit(limit).offset(offset).fetch(this::mapVersion);
    }

    public long countVersions(DSLContext tx, String env, String uid) {
        return tx.fetchCount(ALERT_RULE_VERSIONS, ALERT_RULE_VERSIONS.ENV.eq(env).and(ALERT_RULE_VERSIONS.UID.eq(uid)));
    }

    public Optional<AlertRuleVersion> version(DSLContext tx, String env, String uid, long version) {
        return tx.selectFrom(ALERT_RULE_VERSIONS).where(ALERT_RULE_VERSIONS.ENV.eq(env)
                .and(ALERT_RULE_VERSIONS.UID.eq(uid)).and(ALERT_RULE_VERSIONS.VERSION.eq(version)))
                .fetchOptional().map(this::mapVersion);
    }

    private static Condition inGroup(String env, String folderUid, String ruleGroup) {
        return ALERT_RULES.ENV.eq(env).and(ALERT_RULES.FOLDER_UID.eq(folderUid))
                .and(ALERT_RULES.RULE_GROUP.eq(ruleGroup));
    }

    private StoredAlertRule map(Record r) {
        return new StoredAlertRule(json.read(r.get(ALERT_RULES.DATA), AlertRule.class), r.get(ALERT_RULES.POSITION),
                new ObjectMeta(r.get(ALERT_RULES.VERSION), r.get(ALERT_RULES.CREATED_AT),
                r.get(ALERT_RULES.UPDATED_AT)));
    }

    private AlertRuleVersion mapVersion(Record r) {
        return new AlertRuleVersion(r.get(ALERT_RULE_VERSIONS.VERSION), r.get(ALERT_RULE_VERSIONS.MESSAGE),
                r.get(ALERT_RULE_VERSIONS.CREATED_AT),
                json.read(r.get(ALERT_RULE_VERSIONS.DATA), AlertRule.class));
    }
}
