package io.dashplane.server.alerting;

import static io.dashplane.server.storage.schema.Tables.ALERT_RULE_GROUPS;
import static io.dashplane.server.storage.schema.Tables.ALERT_RULES;

import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** SQL for rule groups. */
public final class RuleGroupRepository {

    public Optional<StoredRuleGroup> find(DSLContext tx, String env, String folderUid, String name) {
        return tx.selectFrom(ALERT_RULE_GROUPS).where(key(env, folderUid, name))
                .fetchOptional().map(RuleGroupRepository::map);
    }

    public List<StoredRuleGroup> list(DSLContext tx, String env, String folderUid) {
        Condition c = ALERT_RULE_GROUPS.ENV.eq(env);
        if (folderUid != null && !folderUid.isEmpty()) {
            c = c.and(ALERT_RULE_GROUPS.FOLDER_UID.eq(folderUid));
        }
        return tx.selectFrom(ALERT_RULE_GROUPS).where(c).orderBy(ALERT_RULE_GROUPS.FOLDER_UID, ALERT_RULE_GROUPS.NAME)
                .fetch(RuleGroupRepository::map);
    }

    public void insert(DSLContext tx, String env, StoredRuleGroup g) {
        tx.insertInto(ALERT_RULE_GROUPS).set(ALERT_RULE_GROUPS.ENV, env)
                .set(ALERT_RULE_GROUPS.FOLDER_UID, g.folderUid()).set(ALERT_RULE_GROUPS.NAME, g.name())
                .set(ALERT_RULE_GROUPS.INTERVAL_TEXT, g.interval()).set(ALERT_RULE_GROUPS.VERSION, g.meta().version())
                .set(ALERT_RULE_GROUPS.CREATED_AT, g.meta().createdAt())
                .set(ALERT_RULE_GROUPS.UPDATED_AT, g.meta().updatedAt()).execute();
    }

    public void update(DSLContext tx, String env, StoredRuleGroup g) {
        long basedOn = g.meta().version() - 1;
        int rows = tx.update(ALERT_RULE_GROUPS).set(ALERT_RULE_GROUPS.INTERVAL_TEXT, g.interval())
                .set(ALERT_RULE_GROUPS.VERSION, g.meta().version())
                .set(ALERT_RULE_GROUPS.UPDATED_AT, g.meta().updatedAt())
                .where(key(env, g.folderUid(), g.name()).and(ALERT_RULE_GROUPS.VERSION.eq(basedOn)))
                .execute();
        Versions.applied(rows, tx, ALERT_RULE_GROUPS, key(env, g.folderUid(), g.name()), basedOn,
                "rule group '" + g.folderUid() + "/" + g.name() + "'");
    }

    /** Deletes the group; its rules go with it (cascade). Returns the rows removed, the rules' first. */
    public List<StoredRow> delete(DSLContext tx, String env, String folderUid, String name) {
        org.jooq.Condition inGroup = ALERT_RULES.ENV.eq(env).and(ALERT_RULES.FOLDER_UID.eq(folderUid))
                .and(ALERT_RULES.RULE_GROUP.eq(name));
        List<StoredRow> removed = new java.util.ArrayList<>();
        for (String uid : tx.select(ALERT_RULES.UID).from(ALERT_RULES).where(inGroup).orderBy(ALERT_RULES.UID)
                .fetch(ALERT_RULES.UID)) {
            StoredRow.read(tx, ALERT_RULES, inGroup.and(ALERT_RULES.UID.eq(uid)), env, "alert-rule", uid)
                    .ifPresent(removed::add);
        }
        row(tx, env, folderUid, name).ifPresent(removed::add);
        tx.deleteFrom(ALERT_RULE_GROUPS).where(key(env, folderUid, name)).execute();
        return removed;
    }

    /** The stored row of the group, as the audit log records it. */
    public Optional<StoredRow> row(DSLContext tx, String env, String folderUid, String name) {
        return StoredRow.read(tx, ALERT_RULE_GROUPS, key(env, folderUid, name), env, "rule-group", folderUid + "/" + name);
    }

    public long countAll(DSLContext tx) {
        return tx.fetchCount(ALERT_RULE_GROUPS);
    }

    private static Condition key(String env, String folderUid, String name) {
        return ALERT_RULE_GROUPS.ENV.eq(env).and(ALERT_RULE_GROUPS.FOLDER_UID.eq(folderUid))
                .and(ALERT_RULE_GROUPS.NAME.eq(name));
    }

    private static StoredRuleGroup map(Record r) {
        return new StoredRuleGroup(r.get(ALERT_RULE_GROUPS.FOLDER_UID), r.get(ALERT_RULE_GROUPS.NAME),
                r.get(ALERT_RULE_GROUPS.INTERVAL_TEXT), new ObjectMeta(r.get(ALERT_RULE_GROUPS.VERSION),
                r.get(ALERT_RULE_GROUPS.CREATED_AT), r.get(ALERT_RULE_GROUPS.UPDATED_AT)));
    }
}
