package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.provider.harness.ConfigServer;
import io.dashplane.provider.harness.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/delivery/staging-prod with the real Terraform CLI (skipped without a {@code terraform} on PATH): a
 * Dashplane server whose staging and prod environments are pushed to two Grafanas, here two more Dashplane
 * servers on loopback answering Grafana's HTTP API. Applying the example reaches staging's Grafana; posting the
 * example's promote.json makes the dashboard arrive in prod's Grafana, querying prod's Prometheus.
 */
class StagingProdDeliveryIT {
    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();
    @RegisterExtension
    static final ConfigServer grafanaStaging = ConfigServer.perTestClass();
    @RegisterExtension
    static final ConfigServer grafanaProd = ConfigServer.perTestClass();

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a push may take before the test gives up; the sync is event-driven, so it normally takes far less. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theExampleWiresStagingAndProdToTheirGrafanasAndAPromotionArrivesInProdsGrafana(@TempDir Path work)
            throws Exception {
        RealTerraform cli = RealTerraform.in(work, server, "default", server.token());
        Path example = Fixtures.examples("delivery/staging-prod");
        for (String file : new String[] {"main.tf", "model-latency.json"}) {
            Files.copy(example.resolve(file), cli.dir().resolve(file));
        }
        cli.env().put("TF_VAR_grafana_staging_url", grafanaStaging.url());
        cli.env().put("TF_VAR_grafana_staging_token", grafanaStaging.token());
        cli.env().put("TF_VAR_grafana_prod_url", grafanaProd.url());
        cli.env().put("TF_VAR_grafana_prod_token", grafanaProd.token());
        cli.ok("init", "-input=false");
        TerraformCliIT.Result applied = cli.ok("apply", "-auto-approve", "-input=false");
        assertTrue(applied.output().contains("8 added"), applied.output());
        String stagingUrl = JSON.readTree(cli.ok("output", "-json", "model_latency_in_staging_grafana").output()).asText();
        assertTrue(stagingUrl.startsWith(grafanaStaging.url() + "/d/model-latency"), stagingUrl);

        JsonNode inStaging = awaitDashboard(grafanaStaging, "model-latency", "staging", "grafana-staging");
        assertEquals("ml", inStaging.at("/meta/folderUid").asText(), inStaging.toString());
        assertEquals("prometheus-staging", inStaging.at("/dashboard/panels/0/datasource/uid").asText());
        assertEquals(404, grafana(grafanaProd, "/api/dashboards/uid/model-latency").statusCode(),
                "prod's Grafana has nothing of staging before the promotion");

        ConfigServer.Response promoted = server.post("/api/v1/promotions", Files.readString(example.resolve("promote.json")));
        assertEquals(200, promoted.status(), String.valueOf(promoted.body()));

        JsonNode inProd = awaitDashboard(grafanaProd, "model-latency", "prod", "grafana-prod");
        assertEquals("ml", inProd.at("/meta/folderUid").asText(), inProd.toString());
        assertEquals("Model latency", inProd.at("/dashboard/title").asText());
        assertEquals("prometheus-prod", inProd.at("/dashboard/panels/0/datasource/uid").asText(),
                "the promoted dashboard queries prod's Prometheus");
        assertEquals(200, grafana(grafanaProd, "/api/datasources/uid/prometheus-prod").statusCode(),
                "prod's datasource is in prod's Grafana too");
        cli.planFindsNothing("promoting staging to prod (prod's content comes from the promotion, not Terraform)");
    }

    /** Polls a Grafana until the dashboard is there; a timeout fails with the target's sync status. */
    private JsonNode awaitDashboard(ConfigServer grafana, String uid, String environment, String target) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        HttpResponse<String> last = grafana(grafana, "/api/dashboards/uid/" + uid);
        while (last.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = grafana(grafana, "/api/dashboards/uid/" + uid);
        }
        assertEquals(200, last.statusCode(), "dashboard " + uid + " did not arrive in " + target + " within " + DEADLINE
                + ": " + last.body() + "; target status: "
                + server.get("/api/v1/environments/" + environment + "/targets/" + target + "/status").body());
        return JSON.readTree(last.body());
    }

    /** A GET on the Grafana-compatible API of a server playing Grafana (org 1). */
    private HttpResponse<String> grafana(ConfigServer grafana, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(grafana.url() + path))
                .header("Authorization", "Bearer " + grafana.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
