package io.dashplane.server.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.Uid;
import io.dashplane.schema.dashboard.DashboardInputs;
import io.dashplane.server.dashboard.DashboardHit;
import io.dashplane.server.dashboard.DashboardInput;
import io.dashplane.server.dashboard.DashboardQuery;
import io.dashplane.server.dashboard.DashboardService;
import io.dashplane.server.dashboard.DashboardWrite;
import io.dashplane.server.dashboard.DashboardWriteResult;
import io.dashplane.server.dashboard.StoredDashboard;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.storage.ExpectedVersion;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grafana's dashboard-saving rules on top of {@link DashboardService}: {@code overwrite}, the 412 refusals
 * ({@code version-mismatch}, {@code name-exists}), legacy numeric folder and dashboard ids, and the import of
 * dashboards with {@code __inputs}. The dashboard JSON is stored as the client sent it.
 */
final class GrafanaDashboards {
    private final DashboardService dashboards;
    private final FolderService folders;

    GrafanaDashboards(DashboardService dashboards, FolderService folders) {
        this.dashboards = dashboards;
        this.folders = folders;
    }

    /** {@code POST /api/dashboards/db}. */
    DashboardWriteResult save(String env, GrafanaDashboardSave request) {
        return save(env, request.dashboard(), request.folderUid(), request.folderId(),
                Boolean.TRUE.equals(request.overwrite()), request.message());
    }

    /** {@code POST /api/dashboards/import}: placeholders of {@code __inputs} replaced, then saved. */
    DashboardWriteResult importDashboard(String env, GrafanaDashboardImport request) {
        JsonNode resolved = resolveInputs(request.dashboard(), request);
        return save(env, resolved, request.folderUid(), request.folderId(), Boolean.TRUE.equals(request.overwrite()),
                "Imported");
    }

    private DashboardWriteResult save(String env, JsonNode dashboard, String folderUidField, Long folderId,
                                      boolean overwrite, String message) {
        if (dashboard == null || !dashboard.isObject()) {
            throw new GrafanaRefusal(GrafanaRefusal.Kind.BAD_REQUEST, "dashboard must be a JSON object");
        }
        String folderUid = folder(env, folderUidField, folderId);
        String uid = uid(env, dashboard);
        Optional<StoredDashboard> existing = uid == null ? Optional.empty() : find(env, uid);
        ExpectedVersion expected = ExpectedVersion.NONE;
        if (existing.isPresent() && !overwrite) {
            JsonNode sent = dashboard.get("version");
            long sentVersion = sent != null && sent.canConvertToLong() ? sent.asLong() : 0;
            if (sentVersion != existing.get().version()) {
                throw versionMismatch();
            }
            expected = ExpectedVersion.exactly(existing.get().version());
        }
        if (existing.isEmpty() && !overwrite && sameTitleInFolder(env, dashboard, folderUid, uid)) {
            throw new GrafanaRefusal(GrafanaRefusal.Kind.NAME_EXISTS,
                    "A dashboard with the same name in the folder already exists");
        }
        String target = uid != null ? uid : Uid.generate();
        try {
            return dashboards.put(env, target, new DashboardWrite(dashboard, folderUid, message, expected), false);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.VERSION_CONFLICT) {
                throw versionMismatch();
            }
            throw e;
        }
    }

    private static GrafanaRefusal versionMismatch() {
        return new GrafanaRefusal(GrafanaRefusal.Kind.VERSION_MISMATCH,
                "The dashboard has been changed by someone else");
    }

    private Optional<StoredDashboard> find(String env, String uid) {
        try {
            return Optional.of(dashboards.get(env, uid));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code dashboard.uid}, else the uid of {@code dashboard.id} (Grafana's legacy update by id), else null. */
    private String uid(String env, JsonNode dashboard) {
        JsonNode uid = dashboard.get("uid");
        if (uid != null && uid.isTextual() && !uid.asText().isEmpty()) {
            return uid.asText();
        }
        JsonNode id = dashboard.get("id");
        if (id != null && id.canConvertToLong() && id.asLong() > 0) {
            return dashboards.uidById(env, id.asLong()).orElseThrow(() ->
                    new GrafanaRefusal(GrafanaRefusal.Kind.NOT_FOUND, "Dashboard not found"));
        }
        return null;
    }

    /** folderUid first (empty means the root, "General"), else the legacy numeric folderId (0: the root). */
    String folder(String env, String folderUid, Long folderId) {
        if (folderUid != null && !folderUid.isEmpty()) {
            return folderUid;
        }
        if (folderId == null || folderId == 0) {
            return null;
        }
        return folders.uidById(env, folderId).orElseThrow(() ->
                new GrafanaRefusal(GrafanaRefusal.Kind.BAD_REQUEST, "folder with id " + folderId + " not found"));
    }

    private boolean sameTitleInFolder(String env, JsonNode dashboard, String folderUid, String uid) {
        JsonNode title = dashboard.get("title");
        if (title == null || !title.isTextual() || title.asText().isBlank()) {
            return false;
        }
        Page<DashboardHit> hits = dashboards.search(env, new DashboardQuery(title.asText(), null, folderUid),
                new PageRequest(1, PageRequest.MAX_PER_PAGE));
        return hits.items().stream().anyMatch(h -> h.title().equals(title.asText())
                && java.util.Objects.equals(h.folderUid(), folderUid) && !h.uid().equals(uid));
    }

    /** Grafana's import: every {@code ${NAME}} of an input in string values replaced; {@code __inputs} dropped. */
    private static JsonNode resolveInputs(JsonNode dashboard, GrafanaDashboardImport request) {
        if (dashboard == null || !dashboard.isObject()) {
            throw new GrafanaRefusal(GrafanaRefusal.Kind.BAD_REQUEST, "dashboard must be a JSON object");
        }
        Map<String, String> values = DashboardInput.values(request.inputs());
        List<String> unbound = DashboardInputs.unbound(dashboard, values);
        if (!unbound.isEmpty()) {
            throw new GrafanaRefusal(GrafanaRefusal.Kind.BAD_REQUEST,
                    "no value for the dashboard input '" + unbound.get(0) + "': send it in inputs");
        }
        return DashboardInputs.resolve((ObjectNode) dashboard, values);
    }
}
