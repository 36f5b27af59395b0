package io.dashplane.provider.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.harness.ConfigServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Terraform CLI (skipped without a {@code terraform} on PATH): the refresh reads dashboards with bulk reads
 * ({@code POST .../dashboards/_read}) and still sees what changed on the server.
 */
class BatchedRefreshCliIT {
    private static final String READ = "/api/v1/environments/{env}/dashboards/_read";
    private static final String GET = "/api/v1/environments/{env}/dashboards/{uid}";

    @RegisterExtension
    static final ConfigServer server = ConfigServer.perTestClass();

    @Test
    void aPlanAfterOneDashboardWasDeletedAndOneChangedOnTheServerPlansItsRecreationAndTheUpdate(@TempDir Path work) throws Exception {
        server.newEnvironment("bulk-refresh");
        RealTerraform tf = RealTerraform.in(work, server, "bulk-refresh", server.token());
        Files.writeString(tf.dir().resolve("main.tf"), RealTerraform.PROVIDER + """
                resource "dashplane_dashboard" "d" {
                  count = 20
                  config_json = jsonencode({
                    uid           = "bulk-${count.index}"
                    title         = "Dashboard ${count.index}"
                    schemaVersion = 39
                    panels        = []
                  })
                }
                """);
        tf.ok("init", "-input=false");
        tf.ok("apply", "-auto-approve", "-input=false");
        TerraformCliIT.Result unchanged = tf.run("plan", "-detailed-exitcode", "-input=false");
        assertEquals(0, unchanged.exit(), "no change after the apply:\n" + unchanged.transcript());

        assertEquals(204, server.delete("/api/v1/environments/bulk-refresh/dashboards/bulk-3").status());
        assertEquals(200, server.put("/api/v1/environments/bulk-refresh/dashboards/bulk-5", Map.of("dashboard",
                Map.of("uid", "bulk-5", "title", "Changed on the server", "schemaVersion", 39, "panels", new Object[0]))).status());
        long readsBefore = server.requests("POST", READ);
        long getsBefore = server.requests("GET", GET);

        TerraformCliIT.Result plan = tf.run("plan", "-detailed-exitcode", "-input=false", "-no-color");

        assertEquals(2, plan.exit(), plan.transcript());
        String output = plan.output();
        assertTrue(output.contains("dashplane_dashboard.d[3] will be created"), plan.transcript());
        assertTrue(output.contains("dashplane_dashboard.d[5] will be updated in-place"), plan.transcript());
        assertTrue(output.contains("Plan: 1 to add, 1 to change, 0 to destroy."), plan.transcript());
        long reads = server.requests("POST", READ) - readsBefore;
        assertTrue(reads >= 1 && reads < 20, "20 refreshed dashboards took " + reads + " bulk reads");
        assertEquals(getsBefore, server.requests("GET", GET), "the refresh reads no dashboard by uid");
    }
}
