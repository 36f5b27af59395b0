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
import io.dashplane.server.storage.StoredRow;
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
            tx.update(POLICIES).set(DATA, json.write(root.root())).set(VERSION, root.meta().version())
                    .set(UPDATED_AT, root.meta().updatedAt()).where(ENV.eq(env)).execute();
        }
    }

    /** Deletes the root; returns the row it removed (none when there was none). */
    public List<StoredRow> deleteRoot(DSLContext tx, String env) {
        List<StoredRow> removed = rootRow(tx, env).stream().toList();
        tx.deleteFrom(POLICIES).where(ENV.eq(env)).execute();
        return removed;
    }

    /** The stored row of the root, as the audit log records it. */
    public Optional<StoredRow> rootRow(DSLContext tx, String env) {
        return tx.selectFrom(POLICIES).where(ENV.eq(env)).fetchOptional()
                .map(r -> new StoredRow(env, "notification-policy", "root", r));
    }

    /** The stored row of a route, as the audit log records it. */
    public Optional<StoredRow> routeRow(DSLContext tx, String env, String uid) {
        return tx.selectFrom(ROUTES).where(ENV.eq(env).and(UID.eq(uid))).fetchOptional()
                .map(r -> new StoredRow(env, "notification-route", uid, r));
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
    }

    public void updateRoute(DSLContext tx, String env, StoredRoute r) {
        tx.update(ROUTES).set(PARENT_UID, r.parentUid()).set(POSITION, r.position()).set(DATA, json.write(r.route()))
                .set(VERSION, r.meta().version()).set(UPDATED_AT, r.meta().updatedAt())
                .where(ENV.eq(env).and(UID.eq(r.uid()))).execute();
    }

    /**
     * Deletes a route; its descendants go with it (foreign key cascade). Returns the rows removed, descendants first.
     */
    public List<StoredRow> deleteRoute(DSLContext tx, String env, String uid) {
        java.util.List<String> subtree = new java.util.ArrayList<>(java.util.List.of(uid));
        for (int i = 0; i < subtree.size(); i++) {
            subtree.addAll(tx.select(UID).from(ROUTES).where(ENV.eq(env).and(io.dashplane.server.storage.Tables
                    .text("parent_uid").eq(subtree.get(i)))).orderBy(UID).fetch(UID));
        }
        java.util.Collections.reverse(subtree); // the descendants the cascade takes are deletions too
        List<StoredRow> removed = new java.util.ArrayList<>();
        for (String route : subtree) {
            routeRow(tx, env, route).ifPresent(removed::add);
        }
        tx.deleteFrom(ROUTES).where(ENV.eq(env).and(UID.eq(uid))).execute();
        return removed;
    }

    /** Deletes every route of the environment; returns the rows removed. */
    public List<StoredRow> deleteAllRoutes(DSLContext tx, String env) {
        List<StoredRow> removed = new java.util.ArrayList<>();
        for (String uid : tx.select(UID).from(ROUTES).where(ENV.eq(env)).fetch(UID)) {
            routeRow(tx, env, uid).ifPresent(removed::add);
        }
        tx.deleteFrom(ROUTES).where(ENV.eq(env)).execute();
        return removed;
    }

    public long countAllRoutes(DSLContext tx) {
        return tx.fetchCount(ROUTES);
    }

    private StoredRoute map(Record r) {
        return new StoredRoute(r.get(UID), r.get(PARENT_UID), r.get(POSITION), json.read(r.get(DATA), Route.class),
                AlertingColumns.meta(r));
    }
}
