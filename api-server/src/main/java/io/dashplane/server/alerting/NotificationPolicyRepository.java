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

import io.dashplane.schema.alerting.Route;
import io.dashplane.server.storage.Versions;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** SQL for the notification policy root and its individually stored routes. */
public final class NotificationPolicyRepository {
    private static final Table<?> POLICIES = table("notification_policies");
    private static final Table<?> ROUTES = table("notification_routes");
    private static final Field<String> PARENT_UID = text("parent_uid");
    private static final Field<Long> POSITION = bigint("position");

    private final StoredJson json;

    public NotificationPolicyRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<StoredPolicyRoot> findRoot(DSLContext tx, String env) {
        return tx.selectFrom(POLICIES).where(ENV.eq(env)).fetchOptional()
                .map(r -> new StoredPolicyRoot(json.read(r.get(DATA), Route.class), AlertingColumns.meta(r)));
    }

    public void saveRoot(DSLContext tx, String env, StoredPolicyRoot root, boolean insert) {
        if (insert) {
            tx.insertInto(POLICIES).set(ENV, env).set(DATA, json.write(root.root())).set(VERSION, root.meta().version())
                    .set(CREATED_AT, root.meta().createdAt()).set(UPDATED_AT, root.meta().updatedAt()).execute();
        } else {
            long basedOn = root.meta().version() - 1;
            int rows = tx.update(POLICIES).set(DATA, json.write(root.root())).set(VERSION, root.meta().version())
                    .set(UPDATED_AT, root.meta().updatedAt()).where(ENV.eq(env).and(VERSION.eq(basedOn))).execute();
            Versions.applied(rows, tx, POLICIES, ENV.eq(env), basedOn, "the notification policy tree");
        }
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "notification-policy", "root", POLICIES, ENV.eq(env), insert);
    }

    public void deleteRoot(DSLContext tx, String env) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "notification-policy", "root", POLICIES, ENV.eq(env));
        tx.deleteFrom(POLICIES).where(ENV.eq(env)).execute();
    }

    public Optional<StoredRoute> findRoute(DSLContext tx, String env, String uid) {
        return tx.selectFrom(ROUTES).where(ENV.eq(env).and(UID.eq(uid))).fetchOptional().map(this::map);
    }

    public List<StoredRoute> routes(DSLContext tx, String env) {
        return tx.selectFrom(ROUTES).where(ENV.eq(env)).orderBy(POSITION, UID).fetch(this::map);
    }

    public List<String> childUids(DSLContext tx, String env, String parentUid) {
        return tx.select(UID).from(ROUTES)
                .where(ENV.eq(env).and(parentUid == null ? PARENT_UID.isNull() : PARENT_UID.eq(parentUid)))
                .orderBy(POSITION, UID).fetch(UID);
    }

    public long nextPosition(DSLContext tx, String env, String parentUid) {
        Long max = tx.select(DSL.max(POSITION)).from(ROUTES)
                .where(ENV.eq(env).and(parentUid == null ? PARENT_UID.isNull() : PARENT_UID.eq(parentUid)))
                .fetchOne(0, Long.class);
        return max == null ? 0 : max + 1;
    }

    public void insertRoute(DSLContext tx, String env, StoredRoute r) {
        tx.insertInto(ROUTES).set(ENV, env).set(UID, r.uid()).set(PARENT_UID, r.parentUid()).set(POSITION, r.position())
                .set(DATA, json.write(r.route())).set(VERSION, r.meta().version())
                .set(CREATED_AT, r.meta().createdAt()).set(UPDATED_AT, r.meta().updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "notification-route", r.uid(), ROUTES, ENV.eq(env).and(UID.eq(r.uid())), true);
    }

    public void updateRoute(DSLContext tx, String env, StoredRoute r) {
        long basedOn = r.meta().version() - 1;
        int rows = tx.update(ROUTES).set(PARENT_UID, r.parentUid()).set(POSITION, r.position())
                .set(DATA, json.write(r.route())).set(VERSION, r.meta().version()).set(UPDATED_AT, r.meta().updatedAt())
                .where(ENV.eq(env).and(UID.eq(r.uid())).and(VERSION.eq(basedOn))).execute();
        Versions.applied(rows, tx, ROUTES, ENV.eq(env).and(UID.eq(r.uid())), basedOn,
                "notification route '" + r.uid() + "'");
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "notification-route", r.uid(), ROUTES, ENV.eq(env).and(UID.eq(r.uid())), false);
    }

    /** Deletes a route; its descendants go with it (foreign key cascade). */
    public void deleteRoute(DSLContext tx, String env, String uid) {
        java.util.List<String> subtree = new java.util.ArrayList<>(java.util.List.of(uid));
        for (int i = 0; i < subtree.size(); i++) {
            subtree.addAll(tx.select(UID).from(ROUTES).where(ENV.eq(env).and(io.dashplane.server.storage.Tables
                    .text("parent_uid").eq(subtree.get(i)))).orderBy(UID).fetch(UID));
        }
        java.util.Collections.reverse(subtree); // the descendants the cascade takes are recorded as deleted too
        for (String route : subtree) {
            io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "notification-route", route, ROUTES,
                    ENV.eq(env).and(UID.eq(route)));
        }
        tx.deleteFrom(ROUTES).where(ENV.eq(env).and(UID.eq(uid))).execute();
    }

    public void deleteAllRoutes(DSLContext tx, String env) {
        for (String uid : tx.select(UID).from(ROUTES).where(ENV.eq(env)).fetch(UID)) {
            io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "notification-route", uid, ROUTES, ENV.eq(env).and(UID.eq(uid)));
        }
        tx.deleteFrom(ROUTES).where(ENV.eq(env)).execute();
    }

    public long countAllRoutes(DSLContext tx) {
        return tx.fetchCount(ROUTES);
    }

    private StoredRoute map(Record r) {
        return new StoredRoute(r.get(UID), r.get(PARENT_UID), r.get(POSITION), json.read(r.get(DATA), Route.class),
                AlertingColumns.meta(r));
    }
}
