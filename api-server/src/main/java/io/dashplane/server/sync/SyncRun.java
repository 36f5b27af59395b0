package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.schema.promotion.JsonDiff;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.Timestamps;
import io.dashplane.server.sync.GrafanaClient.GrafanaException;
import io.dashplane.server.sync.SyncStore.Managed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pass over one target: compares the environment's content with what the target holds and what this target
 * wrote before, then (unless a dry run) writes what changed, reverts or reports drift, and deletes what it manages
 * that the environment no longer has. Objects it did not write are left alone unless the target adopts them.
 */
final class SyncRun {
    /** The outcome: counts, the plan (every change, made or not), errors of objects it may not manage. */
    record Outcome(long sequence, int written, int deleted, int drifted, int errors, List<SyncPlan.Change> changes,
                   List<TargetStatus.ObjectStatus> unmanaged) {
    }

    static final String AUDIT_KIND = "sync-run";
    static final String DRIFT_KIND = "sync-drift";

    private final Database db;
    private final SyncStore store;
    private final ContentSnapshot snapshot;
    private final ObjectMapper mapper;

    SyncRun(Database db, SyncStore store, ContentSnapshot snapshot, ObjectMapper mapper) {
        this.db = db;
        this.store = store;
        this.snapshot = snapshot;
        this.mapper = mapper;
    }

    /** @throws GrafanaException when the target cannot be reached (nothing more is tried this pass) */
    Outcome run(String env, SyncTarget target, GrafanaClient client, boolean dryRun) throws GrafanaException {
        ContentSnapshot.Desired desired = snapshot.read(env, target.folders());
        Map<String, Managed> managed = new LinkedHashMap<>();
        db.read(tx -> store.managed(tx, env, target.name())).forEach(m -> managed.put(m.kind() + "|" + m.uid(), m));
        List<SyncPlan.Change> changes = new ArrayList<>();
        List<TargetStatus.ObjectStatus> unmanaged = new ArrayList<>();
        int written = 0;
        int deleted = 0;
        int drifted = 0;
        int errors = 0;
        Map<String, Boolean> wanted = new HashMap<>();
        for (DesiredObject o : desired.objects()) {
            String key = o.kind() + "|" + o.uid();
            wanted.put(key, true);
            Managed m = managed.get(key);
            Optional<JsonNode> current = GrafanaKinds.read(client, o.kind(), o.uid(), o.payload());
            JsonNode want = GrafanaKinds.project(o.payload(), o.payload());
            String action;
            if (m == null) {
                if (current.isPresent() && !target.adopt() && !o.kind().equals(DesiredObject.POLICIES)) {
                    unmanaged.add(new TargetStatus.ObjectStatus(o.kind(), o.uid(), o.title(),
                            TargetStatus.ObjectStatus.ERROR, null, null, "exists in the target and was not written by"
                            + " Dashplane; it is left alone (set adopt: true to take it over)", null));
                    errors++;
                    continue;
                }
                action = current.isPresent() ? SyncPlan.UPDATE : SyncPlan.CREATE;
            } else {
                boolean sourceChanged = !m.writtenHash().equals(o.hash());
                boolean targetChanged = current.isEmpty() || m.observedHash() == null
                        || !ContentSnapshot.sha256(current.get().toString()).equals(m.observedHash());
                if (!sourceChanged && !targetChanged) {
                    if (!TargetStatus.ObjectStatus.SYNCED.equals(m.state()) && !dryRun) {
                        save(env, target, o, m.observedHash(), m.observed(), TargetStatus.ObjectStatus.SYNCED, null, null);
                    }
                    continue;
                }
                if (!sourceChanged) {
                    JsonNode diff = JsonDiff.diff(m.observed() == null ? mapper.nullNode() : m.observed(),
                            current.isPresent() ? current.get() : mapper.nullNode());
                    if (SyncTarget.REPORT.equals(target.drift())) {
                        drifted++;
                        if (!dryRun && !(TargetStatus.ObjectStatus.DRIFTED.equals(m.state()) && diff.equals(m.drift()))) {
                            db.write(tx -> {
                                store.save(tx, env, target.name(), new Managed(m.kind(), m.uid(), o.title(),
                                        m.writtenHash(), m.observedHash(), m.observed(),
                                        TargetStatus.ObjectStatus.DRIFTED, m.syncedVersion(), m.lastSyncAt(), null, diff));
                                AuditRecorder.of(tx).recordEvent(env, DRIFT_KIND, target.name(), "drift-kept",
                                        driftDetail(o, diff));
                                return null;
                            });
                        }
                        continue;
                    }
                    drifted++;
                    action = SyncPlan.REVERT_DRIFT;
                    if (!dryRun) {
                        db.write(tx -> {
                            AuditRecorder.of(tx).recordEvent(env, DRIFT_KIND, target.name(), "drift-reverted",
                                    driftDetail(o, diff));
                            return null;
                        });
                    }
                } else {
                    action = current.isPresent() ? SyncPlan.UPDATE : SyncPlan.CREATE;
                }
            }
            changes.add(new SyncPlan.Change(o.kind(), o.uid(), o.title(), action,
                    JsonDiff.diff(current.isPresent() ? current.get() : mapper.nullNode(), want)));
            if (dryRun) {
                continue;
            }
            try {
                GrafanaKinds.write(client, o, current.isPresent());
                JsonNode observed = GrafanaKinds.read(client, o.kind(), o.uid(), o.payload()).orElse(null);
                save(env, target, o, observed == null ? null : ContentSnapshot.sha256(observed.toString()), observed,
                        TargetStatus.ObjectStatus.SYNCED, null, null);
                written++;
            } catch (GrafanaException e) {
                if (e.unreachable()) {
                    throw e;
                }
                errors++;
                // remembered with no written hash, so the next pass writes it again
                save(env, target, new DesiredObject(o.kind(), o.uid(), o.title(), o.payload(), o.sourceVersion(), ""),
                        null, null, TargetStatus.ObjectStatus.ERROR, e.getMessage(), null);
            }
        }
        List<Managed> gone = new ArrayList<>(managed.values().stream()
                .filter(m -> !wanted.containsKey(m.kind() + "|" + m.uid())).toList());
        gone.sort((a, b) -> Integer.compare(order(b.kind()), order(a.kind())));
        for (Managed m : gone) {
            changes.add(new SyncPlan.Change(m.kind(), m.uid(), m.title(), SyncPlan.DELETE, null));
            if (dryRun) {
                continue;
            }
            try {
                GrafanaKinds.delete(client, m.kind(), m.uid());
                db.write(tx -> {
                    store.forget(tx, env, target.name(), m.kind(), m.uid());
                    return null;
                });
                deleted++;
            } catch (GrafanaException e) {
                if (e.unreachable()) {
                    throw e;
                }
                errors++;
                db.write(tx -> {
                    store.save(tx, env, target.name(), new Managed(m.kind(), m.uid(), m.title(), m.writtenHash(),
                            m.observedHash(), m.observed(), TargetStatus.ObjectStatus.ERROR, m.syncedVersion(),
                            m.lastSyncAt(), "cannot delete: " + e.getMessage(), null));
                    return null;
                });
            }
        }
        return new Outcome(desired.sequence(), written, deleted, drifted, errors, changes, unmanaged);
    }

    private void save(String env, SyncTarget target, DesiredObject o, String observedHash, JsonNode observed,
                      String state, String error, JsonNode drift) {
        db.write(tx -> {
            store.save(tx, env, target.name(), new Managed(o.kind(), o.uid(), o.title(), o.hash(), observedHash,
                    observed, state, o.sourceVersion(), Timestamps.now(), error, drift));
            return null;
        });
    }

    /** The drifted object and the paths that differ (not their values: the audit log keeps no content). */
    private static Map<String, Object> driftDetail(DesiredObject o, JsonNode diff) {
        List<String> paths = new ArrayList<>();
        diff.forEach(op -> paths.add(op.path("path").asText()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", o.kind());
        detail.put("uid", o.uid());
        detail.put("paths", paths);
        return detail;
    }

    private static int order(String kind) {
        return DesiredObject.WRITE_ORDER.indexOf(kind);
    }
}
