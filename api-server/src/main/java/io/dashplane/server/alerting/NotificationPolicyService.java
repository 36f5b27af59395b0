package io.dashplane.server.alerting;

import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.NotificationPolicyValidator;
import io.dashplane.schema.alerting.PolicyTrees;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.alerting.RouteNode;
import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Versions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The notification policy tree of an environment: the root (default contact point, grouping, timings) and
 * individually addressable routes below it, so that teams own their routes without overwriting each other.
 */
public final class NotificationPolicyService {
    /** The kind of a provisioned policy tree in {@code provisioned_objects}; its id is the environment. */
    public static final String KIND = "notification-policy";
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;
    private final Database db;
    private final EnvironmentService environments;
    private final NotificationPolicyRepository repository;
    private final AlertingLookups lookups;
    private final NotificationPolicyValidator validator = new NotificationPolicyValidator();

    public NotificationPolicyService(Database db, EnvironmentService environments, NotificationPolicyRepository repository,
                                     AlertingLookups lookups,
                                     io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.environments = environments;
        this.repository = repository;
        this.lookups = lookups;
    }

    public PolicyTree tree(String env) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return treeInTx(tx, env);
        });
    }

    PolicyTree treeInTx(DSLContext tx, String env) {
        Optional<StoredPolicyRoot> root = repository.findRoot(tx, env);
        List<RouteNode> nodes = repository.routes(tx, env).stream().map(StoredRoute::node).toList();
        Route rootFields = root.map(StoredPolicyRoot::root).orElse(emptyRoute());
        return new PolicyTree(PolicyTrees.assemble(rootFields, nodes), root.orElse(null));
    }

    /** PUT of the root's own fields; nested routes are not touched (they are written one by one). */
    public AlertingWrite<StoredPolicyRoot> putRoot(String env, Route root, ExpectedVersion expected) {
        if (root.routes() != null && !root.routes().isEmpty()) {
            throw DomainException.invalid("/routes", "nested routes are written one by one at .../notification-policy/routes");
        }
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, KIND, env);
            return putRootInTx(tx, AuditRecorder.of(tx), env, root.withoutRoutes(), expected, "");
        });
    }

    AlertingWrite<StoredPolicyRoot> putRootInTx(DSLContext tx, AuditRecorder audit, String env, Route root,
                                                ExpectedVersion expected, String at) {
        ValidationReport report = Reports.requireValid(validator.validateTree(root, at, lookups.notifications(tx, env)));
        Optional<StoredPolicyRoot> current = repository.findRoot(tx, env);
        Versions.check(expected, current.map(r -> r.meta().version()).orElse(null), "the notification policy");
        if (current.isEmpty()) {
            StoredPolicyRoot created = new StoredPolicyRoot(root, ObjectMeta.first());
            repository.saveRoot(tx, env, created, true);
            repository.rootRow(tx, env).ifPresent(audit::created);
            return AlertingWrite.created(created, report.warnings());
        }
        if (current.get().root().equals(root)) {
            return AlertingWrite.unchanged(current.get(), report.warnings());
        }
        StoredPolicyRoot updated = new StoredPolicyRoot(root, current.get().meta().next());
        repository.saveRoot(tx, env, updated, false);
        repository.rootRow(tx, env).ifPresent(audit::updated);
        return AlertingWrite.updated(updated, report.warnings());
    }

    /** Removes the root's fields (the routes stay); GET then shows an empty root. */
    public void deleteRoot(String env, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, KIND, env);
            StoredPolicyRoot current = repository.findRoot(tx, env)
                    .orElseThrow(() -> DomainException.notFound("the notification policy root has not been written"));
            Versions.check(expected, current.meta().version(), "the notification policy");
            AuditRecorder.of(tx).deleted(repository.deleteRoot(tx, env));
            return null;
        });
    }

    /**
     * Replaces the whole tree (root and every route) with {@code tree}, as a provisioning file does. Returns
     * false, keeping route uids and versions, when the assembled tree already equals {@code tree}.
     */
    boolean replaceTreeInTx(DSLContext tx, AuditRecorder audit, String env, Route tree, String at) {
        Reports.requireValid(validator.validateTree(tree, at, lookups.notifications(tx, env)));
        PolicyTree current = treeInTx(tx, env);
        if (current.root() != null && current.tree().equals(tree)) {
            return false;
        }
        PolicyTrees.Split split = PolicyTrees.split(tree, Uid::generate);
        putRootInTx(tx, audit, env, split.root(), ExpectedVersion.NONE, at);
        audit.deleted(repository.deleteAllRoutes(tx, env));
        for (RouteNode node : split.nodes()) {
            repository.insertRoute(tx, env, new StoredRoute(node.uid(), node.parentUid(), node.position(), node.route(),
                    ObjectMeta.first()));
            repository.routeRow(tx, env, node.uid()).ifPresent(audit::created);
        }
        return true;
    }

    void resetInTx(DSLContext tx, AuditRecorder audit, String env) {
        audit.deleted(repository.deleteAllRoutes(tx, env));
        audit.deleted(repository.deleteRoot(tx, env));
    }

    public Page<StoredRoute> routes(String env, String parentUid, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            List<StoredRoute> all = repository.routes(tx, env).stream()
                    .filter(r -> parentUid == null || (parentUid.isEmpty() ? r.parentUid() == null : parentUid.equals(r.parentUid())))
                    .toList();
            return Pages.slice(all, page);
        });
    }

    public StoredRoute route(String env, String uid) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.findRoute(tx, env, uid).orElseThrow(() -> routeNotFound(uid));
        });
    }

    public AlertingWrite<StoredRoute> createRoute(String env, RouteWrite write) {
        String uid = write.uid() != null ? write.uid() : Uid.generate();
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, KIND, env);
            if (repository.findRoute(tx, env, uid).isPresent()) {
                throw DomainException.conflict("route '" + uid + "' already exists");
            }
            return writeRouteInTx(tx, AuditRecorder.of(tx), env,
                    new RouteWrite(uid, write.parentUid(), write.position(), write.route()), ExpectedVersion.NONE);
        });
    }

    public AlertingWrite<StoredRoute> putRoute(String env, String uid, RouteWrite write, ExpectedVersion expected) {
        if (write.uid() != null && !write.uid().equals(uid)) {
            throw DomainException.invalid("/uid", "uid in the body differs from the uid in the path");
        }
        return db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, KIND, env);
            return writeRouteInTx(tx, AuditRecorder.of(tx), env,
                    new RouteWrite(uid, write.parentUid(), write.position(), write.route()), expected);
        });
    }

    private AlertingWrite<StoredRoute> writeRouteInTx(DSLContext tx, AuditRecorder audit, String env, RouteWrite write,
                                                      ExpectedVersion expected) {
        String problem = Uid.problem(write.uid());
        if (problem != null) {
            throw DomainException.invalid("/uid", problem);
        }
        Route route = write.route();
        if (route.routes() != null && !route.routes().isEmpty()) {
            throw DomainException.invalid("/routes", "child routes are separate routes: write them with parentUid '"
                    + write.uid() + "'");
        }
        ValidationReport report = Reports.requireValid(validator.validateRoute(route, "", lookups.notifications(tx, env)));
        Optional<StoredRoute> current = repository.findRoute(tx, env, write.uid());
        Versions.check(expected, current.map(r -> r.meta().version()).orElse(null), "route '" + write.uid() + "'");
        if (write.parentUid() != null) {
            checkParent(tx, env, write.uid(), write.parentUid());
        }
        boolean sameParent = current.isPresent() && java.util.Objects.equals(current.get().parentUid(), write.parentUid());
        long position = write.position() != null ? write.position()
                : sameParent ? current.get().position() : repository.nextPosition(tx, env, write.parentUid());
        Route fields = route.withoutRoutes();
        if (current.isEmpty()) {
            StoredRoute created = new StoredRoute(write.uid(), write.parentUid(), position, fields, ObjectMeta.first());
            repository.insertRoute(tx, env, created);
            repository.routeRow(tx, env, created.uid()).ifPresent(audit::created);
            return AlertingWrite.created(created, report.warnings());
        }
        StoredRoute old = current.get();
        if (sameParent && old.position() == position && old.route().equals(fields)) {
            return AlertingWrite.unchanged(old, report.warnings());
        }
        StoredRoute updated = new StoredRoute(write.uid(), write.parentUid(), position, fields, old.meta().next());
        repository.updateRoute(tx, env, updated);
        repository.routeRow(tx, env, updated.uid()).ifPresent(audit::updated);
        return AlertingWrite.updated(updated, report.warnings());
    }

    private void checkParent(DSLContext tx, String env, String uid, String parentUid) {
        Set<String> seen = new HashSet<>();
        String cursor = parentUid;
        int depth = 1;
        while (cursor != null) {
            if (cursor.equals(uid)) {
                throw DomainException.invalid("/parentUid", "route '" + parentUid + "' is route '" + uid
                        + "' itself or one of its descendants; the parent links would form a cycle");
            }
            if (!seen.add(cursor)) {
                break;
            }
            String current = cursor;
            StoredRoute parent = repository.findRoute(tx, env, current).orElseThrow(() -> DomainException.invalid(
                    "/parentUid", current.equals(parentUid) ? "parent route '" + parentUid + "' does not exist"
                            : "route '" + current + "' in the parent chain does not exist"));
            cursor = parent.parentUid();
            depth++;
        }
        if (depth > NotificationPolicyValidator.MAX_DEPTH) {
            throw DomainException.invalid("/parentUid", "routes nest at most " + NotificationPolicyValidator.MAX_DEPTH + " levels deep");
        }
    }

    /** Deletes a route; one with child routes only when {@code force} (the children go too). */
    public void deleteRoute(String env, String uid, boolean force, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            provisioned.requireWritable(tx, env, KIND, env);
            StoredRoute current = repository.findRoute(tx, env, uid).orElseThrow(() -> routeNotFound(uid));
            Versions.check(expected, current.meta().version(), "route '" + uid + "'");
            List<String> children = repository.childUids(tx, env, uid);
            if (!force && !children.isEmpty()) {
                throw DomainException.conflict("route '" + uid + "' has " + children.size()
                        + " child routes; delete them first or use force=true", Map.of("children", children));
            }
            AuditRecorder.of(tx).deleted(repository.deleteRoute(tx, env, uid));
            return null;
        });
    }

    private static Route emptyRoute() {
        return new Route(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static DomainException routeNotFound(String uid) {
        return DomainException.notFound("route '" + uid + "' does not exist");
    }
}
