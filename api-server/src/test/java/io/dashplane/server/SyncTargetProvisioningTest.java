package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync targets declared in a provisioning directory ({@code targets/*.yaml}). */
class SyncTargetProvisioningTest {
    @TempDir
    Path sourceDir;
    @TempDir
    Path targetDir;

    static Path example() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("examples/delivery/targets/provisioning");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/delivery/targets/provisioning not found");
    }

    @Test
    void theDeliveryTargetsExamplePushesItsDashboardToTheTarget() throws Exception {
        try (RunningServer target = DashplaneServer.start(ServerConfig.ephemeral(targetDir))) {
            Api targetApi = new Api(target.baseUri());
            String token = Accounts.create(targetApi, "dashplane-sync", Map.of("default", "Admin")).token();
            Map<String, String> variables = Map.of("GRAFANA_URL", target.baseUri() + "grafana/default",
                    "GRAFANA_TOKEN", token);
            ServerConfig config = ServerConfig.ephemeral(sourceDir).withProvisioningDir(example());
            try (RunningServer source = DashplaneServer.start(config, variables)) {
                Api api = new Api(source.baseUri());
                Api.Reply created = api.get("/api/v1/environments/default/targets/grafana-ops");
                assertEquals(200, created.status(), created.toString());
                assertTrue(created.json().get("hasToken").asBoolean());
                assertEquals(1, created.json().get("version").asLong());
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                Api.Reply board = targetApi.get("/grafana/default/api/dashboards/uid/service-health");
                while (board.status() != 200 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                    board = targetApi.get("/grafana/default/api/dashboards/uid/service-health");
                }
                assertEquals(200, board.status(), board.toString());
                assertEquals("ops", board.json().at("/meta/folderUid").asText());
                assertEquals("Operations", targetApi.get("/grafana/default/api/folders/ops").json().get("title").asText());
            }
            // a restart over the same files leaves the unchanged target as it is
            try (RunningServer again = DashplaneServer.start(config, variables)) {
                assertEquals(1, new Api(again.baseUri()).get("/api/v1/environments/default/targets/grafana-ops").json()
                        .get("version").asLong());
            }
        }
    }

    @Test
    void anInvalidTargetFileStopsTheStartNamingFileAndField() throws Exception {
        Path provisioning = sourceDir.resolve("provisioning");
        Files.createDirectories(provisioning.resolve("targets"));
        Files.writeString(provisioning.resolve("targets/bad.yaml"),
                "apiVersion: 1\ntargets:\n  - name: ok\n    url: ftp://nope\n");
        Path data = sourceDir.resolve("data");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DashplaneServer.start(
                ServerConfig.ephemeral(data).withProvisioningDir(provisioning), Map.of()));
        assertTrue(e.getMessage().contains("targets/bad.yaml: /targets/0/url: must be an absolute http(s) URL"),
                e.getMessage());

        Files.writeString(provisioning.resolve("targets/bad.yaml"),
                "apiVersion: 1\ntargets:\n  - name: ok\n    url: http://h\n    tokne: x\n");
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> DashplaneServer.start(
                ServerConfig.ephemeral(data).withProvisioningDir(provisioning), Map.of()));
        assertTrue(unknown.getMessage().contains("targets/bad.yaml: /targets/0/tokne: unknown key 'tokne'"), unknown.getMessage());
    }
}
