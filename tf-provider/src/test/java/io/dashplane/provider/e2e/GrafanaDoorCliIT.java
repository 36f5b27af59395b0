package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two doors, one room: what Terraform writes through the native API reads back through the Grafana-compatible
 * API, and what a Grafana client writes back through that door leaves Terraform with nothing to change, with the
 * real Terraform CLI.
 */
class GrafanaDoorCliIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    private static final String ENVIRONMENT = "doors";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String MAIN_TF = RealTerraform.PROVIDER + """
            resource "dashplane_folder" "ml" {
              uid   = "ml"
              title = "ML"
            }

            resource "dashplane_datasource" "prometheus" {
              uid  = "Prometheus"
              name = "Prometheus"
              type = "prometheus"
              url  = "http://prometheus:9090"
            }

            resource "dashplane_dashboard" "ml" {
              folder      = dashplane_folder.ml.uid
              config_json = file("${path.module}/ml-model-monitoring.json")
              depends_on  = [dashplane_datasource.prometheus]
            }

            resource "dashplane_dashboard" "from_grafana" {
              config_json = jsonencode({
                uid    = "written-by-grafana"
                title  = "Written by a Grafana client"
                tags   = ["door"]
                panels = []
              })
            }
            """;

    @Test
    void aDashboardTerraformWritesReadsBackThroughTheGrafanaDoorAndAGrafanaClientsRewriteChangesNothingForTerraform(
            @TempDir Path work) throws Exception {
        server.newEnvironment(ENVIRONMENT);
        String door = "/grafana/" + ENVIRONMENT + "/api";
        // Written first by a Grafana client: Terraform imports it and must find it identical to its configuration.
        ServerResponse created = grafanaPost(door + "/dashboards/db", "{\"dashboard\": {\"id\": null,"
                + " \"uid\": \"written-by-grafana\", \"title\": \"Written by a Grafana client\", \"tags\": [\"door\"],"
                + " \"panels\": []}, \"overwrite\": false}");
        assertEquals(200, created.status(), created.toString());

        RealTerraform cli = RealTerraform.in(work, server, ENVIRONMENT, server.token());
        Files.writeString(cli.dir().resolve("main.tf"), MAIN_TF);
        Files.copy(Fixtures.example("ml-monitoring").resolve("ml-model-monitoring.json"),
                cli.dir().resolve("ml-model-monitoring.json"));
        cli.ok("init", "-input=false");
        cli.ok("import", "-input=false", "dashplane_dashboard.from_grafana", "written-by-grafana");
        cli.ok("apply", "-auto-approve", "-input=false");
        cli.planFindsNothing("importing a dashboard written through the Grafana door");
        assertEquals(1, version("written-by-grafana"), "the import and apply wrote nothing");

        // Terraform's dashboard through the Grafana door: the same JSON, in its folder.
        String uid = JSON.readTree(Fixtures.example("ml-monitoring").resolve("ml-model-monitoring.json").toFile())
                .get("uid").asText();
        JsonNode read = server.get(door + "/dashboards/uid/" + uid).body();
        assertEquals("ml", read.at("/meta/folderUid").asText(), read.toString());
        JsonNode asWritten = server.object(ENVIRONMENT, "dashboards/" + uid).get("dashboard");
        ObjectNode expected = ((ObjectNode) asWritten.deepCopy());
        ObjectNode seen = ((ObjectNode) read.get("dashboard").deepCopy());
        for (String serverOwned : new String[] {"id", "version"}) {
            expected.remove(serverOwned);
            seen.remove(serverOwned);
        }
        assertEquals(expected, seen, "the Grafana door shows what Terraform wrote");
        JsonNode hits = server.get(door + "/search?query=" + java.net.URLEncoder.encode(read.at("/dashboard/title")
                .asText(), java.nio.charset.StandardCharsets.UTF_8)).body();
        assertEquals(uid, hits.get(0).get("uid").asText(), hits.toString());

        // A Grafana client saves the dashboard back as it read it (Ansible, a generator): Terraform sees no change.
        ObjectNode save = JSON.createObjectNode();
        save.set("dashboard", read.get("dashboard"));
        save.put("folderUid", "ml");
        save.put("message", "saved back by a Grafana client");
        ServerResponse saved = grafanaPost(door + "/dashboards/db", JSON.writeValueAsString(save));
        assertEquals(200, saved.status(), saved.toString());
        assertTrue(version(uid) > 1, "the Grafana client's save is a new version");
        cli.planFindsNothing("a Grafana client saved the dashboard back unchanged");
    }

    private record ServerResponse(int status, JsonNode body) {
    }

    private static ServerResponse grafanaPost(String path, String body) {
        ConfigServer.Response r = server.post(path, body);
        return new ServerResponse(r.status(), r.body());
    }

    private static long version(String uid) {
        return server.object(ENVIRONMENT, "dashboards/" + uid).at("/meta/version").asLong();
    }

}
