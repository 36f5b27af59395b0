package io.dashplane.server.sync;

import io.dashplane.server.dashboard.TargetLinks;
import io.dashplane.server.folder.FolderRepository;
import io.dashplane.server.storage.Database;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dashboard's URL in each enabled target whose scope holds it: the target's URL plus the dashboard's
 * {@code /d/<uid>/<slug>} path. Folder-scoped targets list only dashboards in (or below) their folders.
 */
public final class SyncLinks implements TargetLinks {
    private final Database db;
    private final TargetService targets;
    private final FolderRepository folders;

    public SyncLinks(Database db, TargetService targets, FolderRepository folders) {
        this.db = db;
        this.targets = targets;
        this.folders = folders;
    }

    @Override
    public Resolver forEnvironment(String env) {
        List<SyncTarget> enabled = targets.listKept(env).stream()
                .filter(SyncTarget::enabled).toList();
        if (enabled.isEmpty()) {
            return NONE.forEnvironment(env);
        }
        return (folderUid, path) -> {
            Map<String, String> out = new TreeMap<>();
            List<String> chain = null;
            for (SyncTarget t : enabled) {
                if (t.folders() != null) {
                    if (folderUid == null) {
                        continue;
                    }
                    if (chain == null) {
                        chain = new java.util.ArrayList<>(db.read(tx -> folders.ancestors(tx, env, folderUid, 64)));
                        chain.add(folderUid);
                    }
                    if (chain.stream().noneMatch(t.folders()::contains)) {
                        continue;
                    }
                }
                out.put(t.name(), t.base() + path);
            }
            return out;
        };
    }
}
