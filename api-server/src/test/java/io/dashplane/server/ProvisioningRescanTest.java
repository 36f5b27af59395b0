package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ProvisioningSettings;
import io.dashplane.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Periodic rescans of dashboard providers ({@code updateIntervalSeconds}), with the provider path absolute, outside
 * the provisioning directory, in an allowed root, as Grafana files have it. Polls the REST API with a deadline;
 * no assertion is about how long anything took.
 */
class ProvisioningRescanTest extends ServerTestSupport {
    static final String ENV_PATH = "/api/v1/environments/rescan";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    Path provisioning;
    Path grafanaDashboards;

    private void start(boolean periodicRescan, boolean disableDeletion) throws IOException {
        start(periodicRescan, disableDeletion, false);
    }

    private void start(boolean periodicRescan, boolean disableDeletion, boolean allowUiUpdates) throws IOException {
        provisioning = Files.createDirectories(tmp.resolve("provisioning/dashboards")).getParent();
        grafanaDashboards = Files.createDirectories(tmp.resolve("var/lib/grafana/dashboards"));
        Files.writeString(provisioning.resolve("dashboards/grafana.yaml"), """
                apiVersion: 1
                environment: rescan
                providers:
                  - name: grafana
                    type: file
                    disableDeletion: %s
                    allowUiUpdates: %s
                    updateIntervalSeconds: 1
                    options:
                      path: %s
                      foldersFromFilesStructure: true
                """.formatted(disableDeletion, allowUiUpdates, grafanaDashboards));
        Files.writeString(grafanaDashboards.resolve("first.json"), dashboard("first", "First"));
        server.close();
        server = DashplaneServer.start(io.dashplane.server.testdb.TestBackend.ephemeral(dataDir).withProvisioningDir(provisioning)
                .withProvisioning(new ProvisioningSettings(List.of(tmp.resolve("var/lib/grafana")), periodicRescan)),
                Map.of());
        api = new Api(server.baseUri());
    }

    static String dashboard(String uid, String title) {
        return "{\"uid\":\"" + uid + "\",\"title\":\"" + title + "\",\"schemaVersion\":39,\"panels\":[]}";
    }

    @Test
    void addedChangedAndRemovedFilesAreAppliedByTheRescan() throws IOException {
        start(true, false);
        assertEquals(1, api.get(ENV_PATH + "/dashboards/first").json().at("/meta/version").asLong());

        Files.createDirectories(grafanaDashboards.resolve("Team"));
        Files.writeString(grafanaDashboards.resolve("Team/second.json"), dashboard("second", "Second"));
        JsonNode second = poll(() -> api.get(ENV_PATH + "/dashboards/second"), r -> r.status() == 200).json();
        String folder = second.at("/meta/folderUid").asText();
        assertEquals("Team", api.get(ENV_PATH + "/folders/" + folder).json().get("title").asText(),
                "foldersFromFilesStructure below an absolute path");
        assertEquals("file", second.at("/meta/provenance").asText());

        Files.writeString(grafanaDashboards.resolve("first.json"), dashboard("first", "First, changed"));
        JsonNode changed = poll(() -> api.get(ENV_PATH + "/dashboards/first"),
                r -> r.json().at("/dashboard/title").asText().equals("First, changed")).json();
        assertEquals(2, changed.at("/meta/version").asLong());

        Files.delete(grafanaDashboards.resolve("Team/second.json"));
        poll(() -> api.get(ENV_PATH + "/dashboards/second"), r -> r.status() == 404);

        var refused = api.delete(ENV_PATH + "/dashboards/first");
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains(grafanaDashboards.toRealPath().resolve("first.json").toString()),
                "names the absolute file: " + refused);
    }

    @Test
    void anUnchangedTreeWritesNoVersionsAndNoAuditEntries() throws IOException {
        start(true, false);
        long audit = api.get("/api/v1/audit?env=rescan").json().get("total").asLong();
        long rescansBefore = rescans();
        poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/rescans").asLong() >= rescansBefore + 3);
        JsonNode status = api.get("/api/v1/admin/provisioning/status").json();
        assertEquals(0, status.at("/providers/0/failures").asLong(), status.toString());
        assertEquals(1, status.at("/providers/0/intervalSeconds").asInt(), status.toString());
        assertEquals(1, api.get(ENV_PATH + "/dashboards/first").json().at("/meta/version").asLong());
        assertEquals(audit, api.get("/api/v1/audit?env=rescan").json().get("total").asLong(),
                "rescans of unchanged files leave no audit entries");
        assertTrue(status.at("/providers/0/writeTransactions").isNumber(), status.toString());
        assertEquals(0, status.at("/providers/0/writeTransactions").asLong(), status.toString());
        assertTrue(status.at("/providers/0/lastRescanChanged").isBoolean(), status.toString());
        assertFalse(status.at("/providers/0/lastRescanChanged").asBoolean(), status.toString());
        // a file read within the racy window of its modification is read once more; after that, nothing is read
        poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/filesRead").asInt(-1) == 0);
    }

    @Test
    void aDashboardDeletedThroughTheApiIsPutBackFromItsUnchangedFile() throws IOException {
        start(true, false, true);
        poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/filesRead").asInt(-1) == 0);
        var deleted = api.delete(ENV_PATH + "/dashboards/first");
        assertTrue(deleted.status() == 200 || deleted.status() == 204, deleted.toString());
        JsonNode back = poll(() -> api.get(ENV_PATH + "/dashboards/first"), r -> r.status() == 200).json();
        assertEquals("First", back.at("/dashboard/title").asText(), back.toString());
        JsonNode status = api.get("/api/v1/admin/provisioning/status").json();
        assertEquals(0, status.at("/providers/0/failures").asLong(), status.toString());
        assertTrue(status.at("/providers/0/writeTransactions").asLong() >= 1, status.toString());
    }

    @Test
    void aTouchedFileIsReadAgainButWritesNothing() throws IOException {
        start(true, false);
        Path first = grafanaDashboards.resolve("first.json");
        // counted once a rescan has run, before the touch: a rescan between touch and count would hide the read
        poll(() -> api.get("/api/v1/admin/provisioning/status"), r -> r.json().at("/providers/0/rescans").asLong() >= 1);
        double read = filesReadTotal();
        Files.setLastModifiedTime(first, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        poll(() -> api.get("/metrics"), r -> filesReadTotal() > read);
        long rescansBefore = rescans();
        poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/rescans").asLong() >= rescansBefore + 1);
        JsonNode status = api.get("/api/v1/admin/provisioning/status").json();
        assertEquals(0, status.at("/providers/0/writeTransactions").asLong(), status.toString());
        assertEquals(0, status.at("/providers/0/failures").asLong(), status.toString());
        assertEquals(1, api.get(ENV_PATH + "/dashboards/first").json().at("/meta/version").asLong());
        assertEquals(1, api.get(ENV_PATH + "/dashboards/first/versions").json().get("items").size());
    }

    @Test
    void aChangedFileOfTheSameSizeIsPickedUp() throws IOException {
        start(true, false);
        Path first = grafanaDashboards.resolve("first.json");
        long size = Files.size(first);
        FileTime before = Files.getLastModifiedTime(first);
        Files.writeString(first, dashboard("first", "Fir5t"));
        assertEquals(size, Files.size(first));
        // the same size and the modification time set back (as rsync -t or tar would): seen by its ctime (or,
        // within the racy window of the first read, because the stamp was not trusted yet)
        Files.setLastModifiedTime(first, before);
        JsonNode changed = poll(() -> api.get(ENV_PATH + "/dashboards/first"),
                r -> r.json().at("/dashboard/title").asText().equals("Fir5t")).json();
        assertEquals(2, changed.at("/meta/version").asLong());
        JsonNode status = poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/writeTransactions").asLong() >= 1).json();
        assertEquals(0, status.at("/providers/0/failures").asLong(), status.toString());
    }

    @Test
    void aSymbolicLinkSwappedToPointOutsideTheAllowedRootsIsRefusedOnTheNextRescan() throws IOException {
        start(true, false);
        Path inside = Files.createDirectories(tmp.resolve("var/lib/grafana/shared")).resolve("linked.json");
        Files.writeString(inside, dashboard("linked", "Linked"));
        Path link = Files.createSymbolicLink(grafanaDashboards.resolve("linked.json"), inside);
        poll(() -> api.get(ENV_PATH + "/dashboards/linked"), r -> r.status() == 200);
        long rescansBefore = rescans();
        poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/rescans").asLong() >= rescansBefore + 2);

        Path outside = Files.createDirectories(tmp.resolve("elsewhere")).resolve("linked.json");
        Files.copy(inside, outside);
        Files.setLastModifiedTime(outside, Files.getLastModifiedTime(inside));
        Files.delete(link);
        Files.createSymbolicLink(link, outside);
        JsonNode failing = poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/failures").asLong() > 0).json();
        assertTrue(failing.at("/providers/0/lastError").asText().contains("outside the allowed roots"), failing.toString());
        assertEquals(200, api.get(ENV_PATH + "/dashboards/linked").status(), "a failed rescan changes nothing");
    }

    private double filesReadTotal() {
        return api.get("/metrics").body().lines().filter(l -> l.startsWith("dashplane_provisioning_rescan_files_read_total "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElseThrow();
    }

    @Test
    void aBrokenFileFailsTheRescanWithoutChangingAnything() throws IOException {
        start(true, false);
        Files.writeString(grafanaDashboards.resolve("broken.json"), "{\"uid\": \"broken\",\n  \"title\": }\n");
        Files.delete(grafanaDashboards.resolve("first.json"));
        JsonNode failing = poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/failures").asLong() > 0).json();
        assertTrue(failing.at("/providers/0/lastError").asText().contains("broken.json:2:"), failing.toString());
        assertTrue(api.get("/metrics").body().contains(
                "dashplane_provisioning_rescan_failing{environment=\"rescan\",provider=\"grafana\"} 1.0"));
        assertEquals(200, api.get(ENV_PATH + "/dashboards/first").status(),
                "a failed rescan deletes nothing, although first.json is gone");

        Files.writeString(grafanaDashboards.resolve("broken.json"), dashboard("broken", "Fixed"));
        poll(() -> api.get(ENV_PATH + "/dashboards/broken"), r -> r.status() == 200);
        poll(() -> api.get(ENV_PATH + "/dashboards/first"), r -> r.status() == 404);
        JsonNode recovered = api.get("/api/v1/admin/provisioning/status").json();
        assertTrue(recovered.at("/providers/0/lastError").isNull(), recovered.toString());
    }

    @Test
    void disableDeletionKeepsADashboardWhoseFileWasRemoved() throws IOException {
        start(true, true);
        Files.delete(grafanaDashboards.resolve("first.json"));
        long rescansBefore = rescans();
        poll(() -> api.get("/api/v1/admin/provisioning/status"),
                r -> r.json().at("/providers/0/rescans").asLong() >= rescansBefore + 2);
        JsonNode first = api.get(ENV_PATH + "/dashboards/first").json();
        assertEquals("First", first.at("/dashboard/title").asText(), first.toString());
        String body = "{\"dashboard\":" + first.get("dashboard").toString().replace("\"First\"", "\"Mine now\"") + "}";
        assertEquals(200, api.put(ENV_PATH + "/dashboards/first", body).status(),
                "no longer provisioned: an ordinary API-managed dashboard");
    }

    @Test
    void theSwitchTurnsRescansOff() throws IOException {
        start(false, false);
        JsonNode status = api.get("/api/v1/admin/provisioning/status").json();
        assertFalse(status.get("periodicRescan").asBoolean(), status.toString());
        assertEquals(0, status.get("providers").size(), status.toString());
        Files.writeString(grafanaDashboards.resolve("first.json"), dashboard("first", "Changed on disk"));
        var reload = api.post("/api/v1/admin/provisioning/reload", "");
        assertEquals(200, reload.status(), reload.toString());
        assertEquals("Changed on disk", api.get(ENV_PATH + "/dashboards/first").json().at("/dashboard/title").asText(),
                "without rescans a reload still applies the change");
    }

    private long rescans() {
        return api.get("/api/v1/admin/provisioning/status").json().at("/providers/0/rescans").asLong();
    }

    /** Calls {@code request} until {@code done} holds; fails after {@link #DEADLINE}. */
    static Api.Reply poll(Supplier<Api.Reply> request, Predicate<Api.Reply> done) {
        Instant deadline = Instant.now().plus(DEADLINE);
        Api.Reply last = request.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + DEADLINE + "; last answer: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = request.get();
        }
        return last;
    }
}
