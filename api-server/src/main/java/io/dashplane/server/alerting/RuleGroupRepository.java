package io.dashplane.server.alerting;

import static io.dashplane.server.alerting.AlertingColumns.CREATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.ENV;
import static io.dashplane.server.alerting.AlertingColumns.NAME;
import static io.dashplane.server.alerting.AlertingColumns.UPDATED_AT;
import static io.dashplane.server.alerting.AlertingColumns.VERSION;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** SQL for rule groups. */
public final class RuleGroupRepository {
    private static final Table<?> GROUPS = table("alert_rule_groups");
    private static final Field<String> FOLDER_UID = text("folder_uid");
    private static final Field<String> INTERVAL = text("interval_text");

    public Optional<StoredRuleGroup> find(DSLContext tx, String env, String folderUid, String name) {
        return tx.selectFrom(GROUPS).where(key(env, folderUid, name)).fetchOptional().map(RuleGroupRepository::map);
    }

    public List<StoredRuleGroup> list(DSLContext tx, String env, String folderUid) {
        Condition c = ENV.eq(env);
        if (folderUid != null && !folderUid.isEmpty()) {
            c = c.and(FOLDER_UID.eq(folderUid));
        }
        return tx.selectFrom(GROUPS).where(c).orderBy(FOLDER_UID, NAME).fetch(RuleGroupRepository::map);
    }

    public void insert(DSLContext tx, String env, StoredRuleGroup g) {
        tx.insertInto(GROUPS).set(ENV, env).set(FOLDER_UID, g.folderUid()).set(NAME, g.name())
                .set(INTERVAL, g.interval()).set(VERSION, g.meta().version()).set(CREATED_AT, g.meta().createdAt())
                .set(UPDATED_AT, g.meta().updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "rule-group", g.folderUid() + "/" + g.name(), GROUPS, key(env, g.folderUid(), g.name()), true);
    }

    public void update(DSLContext tx, String env, StoredRuleGroup g) {
        long basedOn = g.meta().version() - 1;
        int rows = tx.update(GROUPS).set(INTERVAL, g.interval()).set(VERSION, g.meta().version())
                .set(UPDATED_AT, g.meta().updatedAt()).where(key(env, g.folderUid(), g.name()).and(VERSION.eq(basedOn)))
                .execute();
        Versions.applied(rows, tx, GROUPS, key(env, g.folderUid(), g.name()), basedOn,
                "rule group '" + g.folderUid() + "/" + g.name() + "'");
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "rule-group", g.folderUid() + "/" + g.name(), GROUPS, key(env, g.folderUid(), g.name()), false);
    }

    /** Deletes the group; its rules go with it (cascade) and are recorded as deleted first. */
    public void delete(DSLContext tx, String env, String folderUid, String name) {
        org.jooq.Table<?> rules = io.dashplane.server.storage.Tables.table("alert_rules");
        org.jooq.Field<String> ruleUid = io.dashplane.server.storage.Tables.text("uid");
        org.jooq.Condition inGroup = io.dashplane.server.storage.Tables.text("env").eq(env)
                .and(io.dashplane.server.storage.Tables.text("folder_uid").eq(folderUid))
                .and(io.dashplane.server.storage.Tables.text("rule_group").eq(name));
        for (String uid : tx.select(ruleUid).from(rules).where(inGroup).orderBy(ruleUid).fetch(ruleUid)) {
            io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "alert-rule", uid, rules,
                    inGroup.and(ruleUid.eq(uid)));
        }
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "rule-group", folderUid + "/" + name, GROUPS, key(env, folderUid, name));
        tx.deleteFrom(GROUPS).where(key(env, folderUid, name)).execute();
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(GROUPS);
    }

    private static Condition key(String env, String folderUid, String name) {
        return ENV.eq(env).and(FOLDER_UID.eq(folderUid)).and(NAME.eq(name));
    }

    private static StoredRuleGroup map(Record r) {
        return new StoredRuleGroup(r.get(FOLDER_UID), r.get(NAME), r.get(INTERVAL), AlertingColumns.meta(r));
    }
}
