package io.dashplane.server.alerting;

import static io.dashplane.server.alerting.AlertingColumns.CREATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.DATA;
import static io.dashplane.server.alerting.AlertingColumns.ENV;
import static io.dashplane.server.alerting.AlertingColumns.UID;
import static io.dashplane.server.alerting.AlertingColumns.UPDATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.VERSION;
import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** SQL for alert rules and their history. */
public final class AlertRuleRepository {
    private static final Table<?> RULES = table("alert_rules");
    private static final Table<?> VERSIONS = table("alert_rule_versions");
    private static final Field<String> TITLE = text("title");
    private static final Field<String> FOLDER_UID = text("folder_uid");
    private static final Field<String> RULE_GROUP = text("rule_group");
    private static final Field<Long> POSITION = bigint("position");
    private static final Field<String> MESSAGE = text("message");

    private final StoredJson json;

    public AlertRuleRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<StoredAlertRule> find(DSLContext tx, String env, String uid) {
        return tx.selectFrom(RULES).where(ENV.eq(env).and(UID.eq(uid))).fetchOptional().map(this::map);
    }

    public List<StoredAlertRule> list(DSLContext tx, String env, String folderUid, String ruleGroup) {
        Condition c = ENV.eq(env);
        if (folderUid != null && !folderUid.isEmpty()) {
            c = c.and(FOLDER_UID.eq(folderUid));
        }
        if (ruleGroup != null && !ruleGroup.isEmpty()) {
            c = c.and(RULE_GROUP.eq(ruleGroup));
        }
        return tx.selectFrom(RULES).where(c).orderBy(FOLDER_UID, RULE_GROUP, POSITION, UID).fetch(this::map);
    }

    public List<String> uidsInGroup(DSLContext tx, String env, String folderUid, String ruleGroup) {
        return tx.select(UID).from(RULES).where(inGroup(env, folderUid, ruleGroup)).orderBy(POSITION, UID).fetch(UID);
    }

    public long nextPosition(DSLContext tx, String env, String folderUid, String ruleGroup) {
        Long max = tx.select(DSL.max(POSITION)).from(RULES).where(inGroup(env, folderUid, ruleGroup)).fetchOne(0, Long.class);
        return max == null ? 0 : max + 1;
    }

    public Optional<String> uidWithTitle(DSLContext tx, String env, String folderUid, String title) {
        return tx.select(UID).from(RULES).where(ENV.eq(env).and(FOLDER_UID.eq(folderUid)).and(TITLE.eq(title)))
                .fetchOptional(UID);
    }

    public long countInFolder(DSLContext tx, String env, String folderUid) {
        return tx.fetchCount(RULES, ENV.eq(env).and(FOLDER_UID.eq(folderUid)));
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(RULES);
    }

    /** Inserts or updates the rule row and appends its history entry. */
    public void save(DSLContext tx, String env, StoredAlertRule stored, boolean insert, String message) {
        AlertRule rule = stored.rule();
        if (insert) {
            tx.insertInto(RULES).set(ENV, env).set(UID, rule.uid()).set(TITLE, rule.title())
                    .set(FOLDER_UID, rule.folderUID()).set(RULE_GROUP, rule.ruleGroup()).set(POSITION, stored.position())
                    .set(DATA, json.write(rule)).set(VERSION, stored.meta().version())
                    .set(CREATED_AT, stored.meta().createdAt()).set(UPDATED_AT, stored.meta().updatedAt()).execute();
        } else {
            long basedOn = stored.meta().version() - 1;
            int rows = tx.update(RULES).set(TITLE, rule.title()).set(FOLDER_UID, rule.folderUID())
                    .set(RULE_GROUP, rule.ruleGroup()).set(POSITION, stored.position()).set(DATA, json.write(rule))
                    .set(VERSION, stored.meta().version()).set(UPDATED_AT, stored.meta().updatedAt())
                    .where(ENV.eq(env).and(UID.eq(rule.uid())).and(VERSION.eq(basedOn))).execute();
            Versions.applied(rows, tx, RULES, ENV.eq(env).and(UID.eq(rule.uid())), basedOn,
                    "alert rule '" + rule.uid() + "'");
        }
        tx.insertInto(VERSIONS).set(ENV, env).set(UID, rule.uid()).set(VERSION, stored.meta().version())
                .set(FOLDER_UID, rule.folderUID()).set(RULE_GROUP, rule.ruleGroup()).set(MESSAGE, message)
                .set(DATA, json.write(rule)).set(CREATED_AT, stored.meta().updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "alert-rule", rule.uid(), RULES, ENV.eq(env).and(UID.eq(rule.uid())), insert);
    }

    public void delete(DSLContext tx, String env, String uid) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "alert-rule", uid, RULES, ENV.eq(env).and(UID.eq(uid)));
        tx.deleteFrom(RULES).where(ENV.eq(env).and(UID.eq(uid))).execute();
    }

    /**
     * Deletes it only while it is at {@code version} (the version the delete was decided on): 409 when another write
     * changed it since, 404 when it is gone.
     */
    public void delete(DSLContext tx, String env, String uid, long version) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "alert-rule", uid, RULES, ENV.eq(env).and(UID.eq(uid)));
        int rows = tx.deleteFrom(RULES).where(ENV.eq(env).and(UID.eq(uid)).and(VERSION.eq(version))).execute();
        Versions.applied(rows, tx, RULES, ENV.eq(env).and(UID.eq(uid)), version, "alert rule '" + uid + "'");
    }

    public List<AlertRuleVersion> versions(DSLContext tx, String env, String uid, int offset, int limit) {
        return tx.selectFrom(VERSIONS).where(ENV.eq(env).and(UID.eq(uid))).orderBy(VERSION.desc())
                .limit(limit).offset(offset).fetch(this::mapVersion);
    }

    public long countVersions(DSLContext tx, String env, String uid) {
        return tx.fetchCount(VERSIONS, ENV.eq(env).and(UID.eq(uid)));
    }

    public Optional<AlertRuleVersion> version(DSLContext tx, String env, String uid, long version) {
        return tx.selectFrom(VERSIONS).where(ENV.eq(env).and(UID.eq(uid)).and(VERSION.eq(version)))
                .fetchOptional().map(this::mapVersion);
    }

    private static Condition inGroup(String env, String folderUid, String ruleGroup) {
        return ENV.eq(env).and(FOLDER_UID.eq(folderUid)).and(RULE_GROUP.eq(ruleGroup));
    }

    private StoredAlertRule map(Record r) {
        return new StoredAlertRule(json.read(r.get(DATA), AlertRule.class), r.get(POSITION), AlertingColumns.meta(r));
    }

    private AlertRuleVersion mapVersion(Record r) {
        return new AlertRuleVersion(r.get(VERSION), r.get(MESSAGE), r.get(CREATED_AT),
                json.read(r.get(DATA), AlertRule.class));
    }
}
