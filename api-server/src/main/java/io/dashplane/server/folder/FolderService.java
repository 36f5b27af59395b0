package io.dashplane.server.folder;

import io.dashplane.schema.Uid;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.storage.Versions;
import io.dashplane.server.storage.WriteResult;
import java.util.Optional;
import org.jooq.DSLContext;

/** Folder rules: parents exist, no cycles, depth at most {@value #MAX_DEPTH}, unique sibling titles. */
public final class FolderService {
    public static final int MAX_DEPTH = 8;

    private final Database db;
    private final FolderRepository repository;
    private final DashboardCounter dashboards;
    private final EnvironmentService environments;
    private final AlertRuleCounter alertRules;
    private final io.dashplane.server.provenance.ProvisionedObjects provisioned;

    /** Counts the alert rules a folder holds (the alerting package owns them). */
    @FunctionalInterface
    public interface AlertRuleCounter {
        long countInFolder(DSLContext tx, String env, String folderUid);
    }

    /** Counts the dashboards a folder holds (the dashboard package owns them). */
    @FunctionalInterface
    public interface DashboardCounter {
        long countInFolder(DSLContext tx, String env, String folderUid);
    }

    /** @param provisioned a forced delete may not take read-only provisioned dashboards or alert rules with it */
    public FolderService(Database db, FolderRepository repository, DashboardCounter dashboards,
                         EnvironmentService environments, AlertRuleCounter alertRules,
                         io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        this.provisioned = provisioned;
        this.db = db;
        this.repository = repository;
        this.dashboards = dashboards;
        this.environments = environments;
        this.alertRules = alertRules;
    }

    public Page<Folder> list(String env, String parentFilter, PageRequest page) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return Page.of(repository.list(tx, env, parentFilter, page.offset(), page.perPage()),
                    repository.count(tx, env, parentFilter), page);
        });
    }

    /** Grafana's numeric id of every folder of the environment, by uid. */
    public java.util.Map<String, Long> ids(String env) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.ids(tx, env);
        });
    }

    public Optional<String> uidById(String env, long id) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.uidById(tx, env, id);
        });
    }

    public Folder get(String env, String uid) {
        return db.read(tx -> {
            environments.requireExists(tx, env);
            return repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
        });
    }

    public Folder create(String env, FolderRequest r) {
        String uid = r.uid() != null ? r.uid() : Uid.generate();
        return db.write(tx -> {
            environments.requireExists(tx, env);
            if (repository.exists(tx, env, uid)) {
                throw DomainException.conflict("folder '" + uid + "' already exists");
            }
            return insert(tx, AuditRecorder.of(tx), env, uid, r);
        });
    }

    public WriteResult<Folder> put(String env, String uid, FolderRequest r, ExpectedVersion expected) {
        if (!Uid.isValid(uid)) {
            throw DomainException.invalid("/uid", "uid must be 1-40 characters of [A-Za-z0-9_-]");
        }
        if (r.uid() != null && !r.uid().equals(uid)) {
            throw DomainException.invalid("/uid", "uid in the body differs from the uid in the path");
        }
        return db.write(tx -> {
            environments.requireExists(tx, env);
            Optional<Folder> current = repository.find(tx, env, uid);
            Versions.check(expected, current.map(Folder::version).orElse(null), "folder '" + uid + "'");
            AuditRecorder audit = AuditRecorder.of(tx);
            if (current.isEmpty()) {
                return new WriteResult<>(insert(tx, audit, env, uid, r), true);
            }
            return new WriteResult<>(update(tx, audit, env, current.get(), r.title(), r.parentUid()), false);
        });
    }

    /** Creates or updates inside the caller's write transaction; the caller checks versions itself. */
    public Folder writeInTransaction(DSLContext tx, AuditRecorder audit, String env, String uid, String title,
                                     String parentUid) {
        Optional<Folder> current = repository.find(tx, env, uid);
        FolderRequest r = new FolderRequest(uid, title, parentUid, null);
        return current.isEmpty() ? insert(tx, audit, env, uid, r)
                : update(tx, audit, env, current.get(), title, parentUid);
    }

    /** The folder {@code uid}, read in the caller's transaction. */
    public Optional<Folder> findInTransaction(DSLContext tx, String env, String uid) {
        return repository.find(tx, env, uid);
    }

    /** The uid of the folder titled {@code title} under {@code parentUid} (null: at the root), in the caller's transaction. */
    public Optional<String> uidByTitleInTransaction(DSLContext tx, String env, String parentUid, String title) {
        return repository.siblingWithTitle(tx, env, parentUid, title, "");
    }

    public Folder move(String env, String uid, String newParentUid, ExpectedVersion expected) {
        return db.write(tx -> {
            environments.requireExists(tx, env);
            Folder current = repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            Versions.check(expected, current.version(), "folder '" + uid + "'");
            return update(tx, AuditRecorder.of(tx), env, current, current.title(), newParentUid);
        });
    }

    public void delete(String env, String uid, boolean force, ExpectedVersion expected) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            Folder current = repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            Versions.check(expected, current.version(), "folder '" + uid + "'");
            if (!force) {
                int children = repository.childUids(tx, env, uid).size();
                long boards = dashboards.countInFolder(tx, env, uid);
                long rules = alertRules.countInFolder(tx, env, uid);
                if (children > 0 || boards > 0 || rules > 0) {
                    throw DomainException.conflict("folder '" + uid + "' holds " + children + " folders, " + boards
                            + " dashboards and " + rules + " alert rules; use force=true to delete them too");
                }
            } else {
                provisioned.requireFolderContentsWritable(tx, env, subtree(tx, env, uid));
            }
            AuditRecorder.of(tx).deleted(repository.delete(tx, env, uid, current.version()));
            return null;
        });
    }

    /**
     * Grafana's folder delete: the folder with its sub-folders and their dashboards. Refused while alert rules
     * live in the subtree unless {@code withAlertRules} (Grafana's {@code forceDeleteRules}).
     */
    public void deleteWithContents(String env, String uid, boolean withAlertRules) {
        db.write(tx -> {
            environments.requireExists(tx, env);
            repository.find(tx, env, uid).orElseThrow(() -> notFound(uid));
            java.util.List<String> subtree = subtree(tx, env, uid);
            if (!withAlertRules) {
                long rules = subtree.stream().mapToLong(f -> alertRules.countInFolder(tx, env, f)).sum();
                if (rules > 0) {
                    throw DomainException.conflict("folder '" + uid + "' holds " + rules
                            + " alert rules; delete them first or use forceDeleteRules=true");
                }
            }
            provisioned.requireFolderContentsWritable(tx, env, subtree);
            AuditRecorder.of(tx).deleted(repository.delete(tx, env, uid));
            return null;
        });
    }

    /** The folder and every folder below it. */
    private java.util.List<String> subtree(DSLContext tx, String env, String uid) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(uid));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(repository.childUids(tx, env, all.get(i)));
        }
        return all;
    }

    private Folder insert(DSLContext tx, AuditRecorder audit, String env, String uid, FolderRequest r) {
        if (r.parentUid() != null) {
            requireParent(tx, env, r.parentUid());
            if (depthOf(tx, env, r.parentUid()) + 1 > MAX_DEPTH) {
                throw DomainException.invalid("/parentUid", "folders nest at most " + MAX_DEPTH + " levels deep");
            }
        }
        checkSiblingTitle(tx, env, r.parentUid(), r.title(), uid);
        String now = Timestamps.now();
        Folder f = new Folder(uid, r.title(), r.parentUid(), 1, now, now);
        repository.insert(tx, env, f);
        repository.row(tx, env, uid).ifPresent(audit::created);
        return f;
    }

    private Folder update(DSLContext tx, AuditRecorder audit, String env, Folder current, String title,
                          String parentUid) {
        if (parentUid != null && !parentUid.equals(current.parentUid())) {
            if (parentUid.equals(current.uid())
                    || repository.ancestors(tx, env, parentUid, 64).contains(current.uid())) {
                throw DomainException.invalid("/parentUid",
                        "moving folder '" + current.uid() + "' under '" + parentUid + "' would create a cycle");
            }
            requireParent(tx, env, parentUid);
            int depth = depthOf(tx, env, parentUid) + 1 + subtreeHeight(tx, env, current.uid());
            if (depth > MAX_DEPTH) {
                throw DomainException.invalid("/parentUid", "the move would nest folders " + depth
                        + " levels deep; the limit is " + MAX_DEPTH);
            }
        }
        checkSiblingTitle(tx, env, parentUid, title, current.uid());
        Folder f = new Folder(current.uid(), title, parentUid, current.version() + 1, current.createdAt(),
                Timestamps.now());
        repository.update(tx, env, f);
        repository.row(tx, env, f.uid()).ifPresent(audit::updated);
        return f;
    }

    private void requireParent(DSLContext tx, String env, String parentUid) {
        if (!repository.exists(tx, env, parentUid)) {
            throw DomainException.invalid("/parentUid", "parent folder '" + parentUid + "' does not exist");
        }
    }

    private void checkSiblingTitle(DSLContext tx, String env, String parentUid, String title, String uid) {
        repository.siblingWithTitle(tx, env, parentUid, title, uid).ifPresent(other -> {
            throw DomainException.conflict("folder '" + other + "' in the same parent already has the title '"
                    + title + "'");
        });
    }

    /** Depth of an existing folder: 1 for a root folder. */
    private int depthOf(DSLContext tx, String env, String uid) {
        return 1 + repository.ancestors(tx, env, uid, MAX_DEPTH + 1).size();
    }

    /** Levels below a folder: 0 for a leaf. */
    private int subtreeHeight(DSLContext tx, String env, String uid) {
        int max = 0;
        for (String child : repository.childUids(tx, env, uid)) {
            max = Math.max(max, 1 + subtreeHeight(tx, env, child));
        }
        return max;
    }

    private static DomainException notFound(String uid) {
        return DomainException.notFound("folder '" + uid + "' does not exist");
    }
}
