package io.dashplane.server.alerting;

import static io.dashplane.server.storage.schema.Tables.NOTIFICATION_POLICIES;
import static io.dashplane.server.storage.schema.Tables.NOTIFICATION_ROUTES;

import io.dashplane.schema.alerting.Route;
import io.dashplane.server.storage.StoredRow;
import io.dashplane.server.storage.Versions;
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
            long basedOn = root.meta().version() - 1;
            int rows = tx.update(NOTIFICATION_POLICIES).set(NOTIFICATION_POLICIES.DATA, json.write(root.root()))
                    .set(NOTIFICATION_POLICIES.VERSION, root.meta().version())
                    .set(NOTIFICATION_POLICIES.UPDATED_AT, root.meta().updatedAt())
                    .where(NOTIFICATION_POLICIES.ENV.eq(env).and(NOTIFICATION_POLICIES.VERSION.eq(basedOn))).execute();
            Versions.applied(rows, tx, NOTIFICATION_POLICIES, NOTIFICATION_POLICIES.ENV.eq(env), basedOn,
                    "the notification policy tree");
        }
    }

    /** Deletes the root; returns the row it removed (none when there was none). */
    public List<StoredRow> deleteRoot(DSLContext tx, String env) {
        List<StoredRow> removed = rootRow(tx, env).stream().toList();

        tx.deleteFrom(NOTIFICATION_POLICIES).where(NOTIFICATION_POLICIES.ENV.eq(env)).execute();
        return removed;
    }

    /** The stored row of the root, as the audit log records it. */
    public Optional<StoredRow> rootRow(DSLContext tx, String env) {
        return StoredRow.read(tx, NOTIFICATION_POLICIES, NOTIFICATION_POLICIES.ENV.eq(env), env, "notification-policy", "root");
    }

    /** The stored row of a route, as the audit log records it. */
    public Optional<StoredRow> routeRow(DSLContext tx, String env, String uid) {
        return StoredRow.read(tx, NOTIFICATION_ROUTES, NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(uid)), env,
                "notification-route", uid);
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
    }

    public void updateRoute(DSLContext tx, String env, StoredRoute r) {
        long basedOn = r.meta().version() - 1;
        int rows = tx.update(NOTIFICATION_ROUTES).set(NOTIFICATION_ROUTES.PARENT_UID, r.parentUid())
                .set(NOTIFICATION_ROUTES.POSITION, r.position()).set(NOTIFICATION_ROUTES.DATA, json.write(r.route()))
                .set(NOTIFICATION_ROUTES.VERSION, r.meta().version()).set(NOTIFICATION_ROUTES.UPDATED_AT,
                r.meta().updatedAt())
                .where(NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(r.uid()))
                        .and(NOTIFICATION_ROUTES.VERSION.eq(basedOn))).execute();
        Versions.applied(rows, tx, NOTIFICATION_ROUTES,
                NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(r.uid())), basedOn,
                "notification route '" + r.uid() + "'");
    }

    /**
     * Deletes a route; its descendants go with it (foreign key cascade). Returns the rows removed, descendants first.
     */
    public List<StoredRow> deleteRoute(DSLContext tx, String env, String uid) {
        java.util.List<String> subtree = new java.util.ArrayList<>(java.util.List.of(uid));
        for (int i = 0; i < subtree.size(); i++) {
            subtree.addAll(tx.select(NOTIFICATION_ROUTES.UID).from(NOTIFICATION_ROUTES)
                    .where(NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.PARENT_UID.eq(
                    subtree.get(i)))).orderBy(NOTIFICATION_ROUTES.UID).fetch(NOTIFICATION_ROUTES.UID));
        }
        java.util.Collections.reverse(subtree); // the descendants the cascade takes are deletions too
        List<StoredRow> removed = new java.util.ArrayList<>();
        for (String route : subtree) {
            routeRow(tx, env, route).ifPresent(removed::add);
        }
        tx.deleteFrom(NOTIFICATION_ROUTES).where(NOTIFICATION_ROUTES.ENV.eq(env).and(NOTIFICATION_ROUTES.UID.eq(uid)))
                .execute();
        return removed;
    }

    /** Deletes every route of the environment; returns the rows removed. */
    public List<StoredRow> deleteAllRoutes(DSLContext tx, String env) {
        List<StoredRow> removed = new java.util.ArrayList<>();
        for (String uid : tx.select(NOTIFICATION_ROUTES.UID).from(NOTIFICATION_ROUTES)
                .where(NOTIFICATION_ROUTES.ENV.eq(env)).fetch(NOTIFICATION_ROUTES.UID)) {
            routeRow(tx, env, uid).ifPresent(removed::add);
        }
        tx.deleteFrom(NOTIFICATION_ROUTES).where(NOTIFICATION_ROUTES.ENV.eq(env)).execute();
        return removed;
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
