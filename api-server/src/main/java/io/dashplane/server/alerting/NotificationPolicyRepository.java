package io.dashplane.server.alerting;

import static io.dashplane.server.storage.schema.Tables.NOTIFICATION_POLICIES;
import static io.dashplane.server.storage.schema.Tables.NOTIFICATION_ROUTES;

import io.dashplane.schema.alerting.Route;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** SQL for the notification policy root and its individually stored routes. */
public final class NotificationPolicyRepository {

    private final StoredJson json;

    public NotificationPolicyRepository(StoredJson json) {
        this.json = json;
    }

    public Optional<StoredPolicyRoot> findRoot(DSLContext tx, String env) {
        return tx.selectFrom(NOTIFICATION_POLICIES).where(NOTIFICATION_POLICIES.ENV.eq(env)).fetchOptional()
                .map(r -> new StoredPolicyRoot(json.read(r.get(NOTIFICATION_POLICIES.DATA), Route.class),
                new ObjectMeta(r.get(NOTIFICATION_POLICIES.VERSION), r.get(NOTIFICATION_POLICIES.CREATED_AT),
                r.get(NOTIFICATION_POLICIES.UPDATED_AT))));
    }

    public void saveRoot(DSLContext tx, String env, StoredPolicyRoot root, boolean insert) {
        if (insert) {
            tx.insertInto(NOTIFICATION_POLICIES).set(NOTIFICATION_POLICIES.ENV, env)
                    .set(NOTIFICATION_POLICIES.DATA, json.write(root.root()))
                    .set(NOTIFICATION_POLICIES.VERSION, root.meta().version())
                    .set(NOTIFICATION_POLICIES.CREATED_AT, root.meta().createdAt())
                    .set(NOTIFICATION_POLICIES.UPDATED_AT, root.meta().updatedAt()).execute();
        } else {
            tx.update(NOTIFICATION_POLICIES).set(NOTIFICATION_POLICIES.DATA, json.write(root.root()))
                    .set(NOTIFICATION_POLICIES.VERSION, root.meta().version())
                    .set(NOTIFICATION_POLICIES.UPDATED_AT, root.meta().updatedAt())
                    .where(NOTIFICATION_POLICIES.ENV.eq(env)).execute();
        }
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "notification-policy", "root", NOTIFICATION_POLICIES,
                NOTIFICATION_POLICIES.ENV.eq(env), insert);
    }

    public void deleteRoot(DSLContext tx, String env) {
        io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "notification-policy", "root", NOTIFICATION_POLICIES,
                NOTIFICATION_POLICIES.ENV.eq(env));
        tx.deleteFrom(NOTIFICATION_POLICIES).where(NOTIFICATION_POLICIES.ENV.eq(env)).execute();
    }

    public Optional<StoredRoute> findRoute(DSLContext tx, String env, String uid) {
        return tx.selectFrom(NOTIFICATION_ROUTES).where(NOTIFICATION_ROUTES.ENV.eq(env)
                .and(NOTIFICATION_ROUTES.UID.eq(uid))).fetchOptional().map(this::map);
    }

    public List<StoredRoute> routes(DSLContext tx, String env) {
        return tx.selectFrom(NOTIFICATION_ROUTES).where(NOTIFICATION_ROUTES.ENV.eq(env))
                .orderBy(NOTIFICATION_ROUTES.POSITION, NOTIFICATION_ROUTES.UID).fetch(this::map);
    }

    public List<String> childUids(DSLContext tx, String env, String parentUid) {
        return tx.select(NOTIFICATION_ROUTES.UID).from(NOTIFICATION_ROUTES)
                .where(NOTIFICATION_ROUTES.ENV.eq(env)
                .and(parentUid == null ? NOTIFICATION_ROUTES.PARENT_UID.isNull()
                        : NOTIFICATION_ROUTES.PARENT_UID.eq(parentUid)))
                .orderBy(NOTIFICATION_ROUTES.POSITION, NOTIFICATION_ROUTES.UID).fetch(NOTIFICATION_ROUTES.UID);
    }

    public long nextPosition(DSLContext tx, String env, String parentUid) {
        Long max = tx.select(DSL.max(NOTIFICATION_ROUTES.POSITION)).from(NOTIFICATION_ROUTES)
                .where(NOTIFICATION_ROUTES.ENV.eq(env)
                .and(parentUid == null ? NOTIFICATION_ROUTES.PARENT_UID.isNull()
                        : NOTIFICATION_ROUTES.PARENT_UID.eq(parentUid)))
                .fetchOne(0, Long.class);
        return max == null ? 0 : max + 1;
    }

    public void insertRoute(DSLContext tx, String env, StoredRoute r) {
        tx.insertInto(NOTIFICATION_ROUTES).set(NOTIFICATION_ROUTES.ENV, env).set(NOTIFICATION_ROUTES.UID, r.uid())
                .set(NOTIFICATION_ROUTES.PARENT_UID, r.parentUid()).set(NOTIFICATION_ROUTES.POSITION, r.position())
                .set(NOTIFICATION_ROUTES.DATA, json.write(r.route()))
                .set(NOTIFICATION_ROUTES.VERSION, r.meta().version())
                .set(NOTIFICATION_ROUTES.CREATED_AT, r.meta().createdAt())
                .set(NOTIFICATION_ROUTES.UPDATED_AT, r.meta().updatedAt()).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "notification-route", r.uid(), NOTIFICATION_ROUTES,
                NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(r.uid())), true);
    }

    public void updateRoute(DSLContext tx, String env, StoredRoute r) {
        tx.update(NOTIFICATION_ROUTES).set(NOTIFICATION_ROUTES.PARENT_UID, r.parentUid())
                .set(NOTIFICATION_ROUTES.POSITION, r.position()).set(NOTIFICATION_ROUTES.DATA, json.write(r.route()))
                .set(NOTIFICATION_ROUTES.VERSION, r.meta().version()).set(NOTIFICATION_ROUTES.UPDATED_AT,
                r.meta().updatedAt())
                .where(NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(r.uid()))).execute();
        io.dashplane.server.audit.AuditLog.recordRow(tx, env, "notification-route", r.uid(), NOTIFICATION_ROUTES,
                NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(r.uid())), false);
    }

    /** Deletes a route; its descendants go with it (foreign key cascade). */
    public void deleteRoute(DSLContext tx, String env, String uid) {
        java.util.List<String> subtree = new java.util.ArrayList<>(java.util.List.of(uid));
        for (int i = 0; i < subtree.size(); i++) {
            subtree.addAll(tx.select(NOTIFICATION_ROUTES.UID).from(NOTIFICATION_ROUTES)
                    .where(NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.PARENT_UID.eq(
                    subtree.get(i)))).orderBy(NOTIFICATION_ROUTES.UID).fetch(NOTIFICATION_ROUTES.UID));
        }
        java.util.Collections.reverse(subtree); // the descendants the cascade takes are recorded as deleted too
        for (String route : subtree) {
            io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "notification-route", route, NOTIFICATION_ROUTES,
                    NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(route)));
        }
        tx.deleteFrom(NOTIFICATION_ROUTES).where(NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(uid)))
                .execute();
    }

    public void deleteAllRoutes(DSLContext tx, String env) {
        for (String uid : tx.select(NOTIFICATION_ROUTES.UID).from(NOTIFICATION_ROUTES)
                .where(NOTIFICATION_ROUTES.ENV.eq(env)).fetch(NOTIFICATION_ROUTES.UID)) {
            io.dashplane.server.audit.AuditLog.recordDelete(tx, env, "notification-route", uid, NOTIFICATION_ROUTES,
                    NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(uid)));
        }
        tx.deleteFrom(NOTIFICATION_ROUTES).where(NOTIFICATION_ROUTES.ENV.eq(env)).execute();
    }

    public long countAllRoutes(DSLContext tx) {
        return tx.fetchCount(NOTIFICATION_ROUTES);
    }

    private StoredRoute map(Record r) {
        return new StoredRoute(r.get(NOTIFICATION_ROUTES.UID), r.get(NOTIFICATION_ROUTES.PARENT_UID),
                r.get(NOTIFICATION_ROUTES.POSITION), json.read(r.get(NOTIFICATION_ROUTES.DATA), Route.class),
                new ObjectMeta(r.get(NOTIFICATION_ROUTES.VERSION), r.get(NOTIFICATION_ROUTES.CREATED_AT),
                r.get(NOTIFICATION_ROUTES.UPDATED_AT)));
    }
}
