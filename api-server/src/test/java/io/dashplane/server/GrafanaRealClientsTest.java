package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.config.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real third-party Grafana client against the Grafana door: Ansible's community.grafana collection (Debian's
 * ansible package, installed by ensure-ansible.sh when missing) runs a playbook twice.
 */
class GrafanaRealClientsTest extends ServerTestSupport {
    private static final Pattern RECAP = Pattern.compile("localhost\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)");

    @Test
    void aPlaybookCreatesFolderDatasourceAndDashboardsThenChangesNothingOnTheSecondRun() throws Exception {
        Path resources = Path.of("src/test/resources/ansible").toAbsolutePath();
        run(List.of("sh", resources.resolve("ensure-ansible.sh").toString()), Map.of());
        Path files = Files.createDirectories(dataDir.resolve("files"));
        for (String name : List.of("seed-ml-model-monitoring.json", "dotdc-k8s-system-coredns.json")) {
            Files.copy(corpusDir().resolve(name), files.resolve(name));
        }
        Map<String, String> env = Map.of(
                "DASHPLANE_GRAFANA_URL", server.baseUri().resolve("grafana/default").toString(),
                "DASHPLANE_TOKEN", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN,
                "DASHBOARD_FILES", files.toString());
        List<String> playbook = List.of("ansible-playbook", "-i", "localhost,", "-e",
                "ansible_python_interpreter=/usr/bin/python3", ProvisioningApiTest.examplesDir().resolve("grafana-api/ansible-playbook.yml").toString());

        String first = run(playbook, env);
        int[] firstRecap = recap(first);
        assertEquals(0, firstRecap[3], first);
        assertEquals(4, firstRecap[1], "folder, datasource and two dashboards created:\n" + first);

        String second = run(playbook, env);
        int[] secondRecap = recap(second);
        assertEquals(0, secondRecap[3], second);
        assertEquals(0, secondRecap[1], "the second run changes nothing:\n" + second);

        JsonNode folder = api.get(ENV + "/folders").json().at("/items/0");
        assertEquals("ML Platform", folder.get("title").asText());
        JsonNode seed = api.get(ENV + "/dashboards/ml-model-monitoring-v1").json();
        assertEquals(folder.get("uid").asText(), seed.at("/meta/folderUid").asText());
        assertEquals(Api.JSON.readTree(corpusDir().resolve("seed-ml-model-monitoring.json").toFile()),
                seed.get("dashboard"), "read back through the native API as the playbook's file");
        assertEquals(Api.JSON.readTree(corpusDir().resolve("dotdc-k8s-system-coredns.json").toFile()),
                api.get(ENV + "/dashboards/k8s_system_coredns").json().get("dashboard"));
        JsonNode ds = api.get(ENV + "/datasources/Prometheus").json();
        assertEquals("http://prometheus.example:9090", ds.get("url").asText());
        assertTrue(ds.at("/secureJsonFields/httpHeaderValue1").asBoolean(), ds.toString());
        assertFalse(first.contains("not-a-real-secret") || second.contains("not-a-real-secret"));
        assertEquals(1, api.get(ENV + "/dashboards/ml-model-monitoring-v1/versions").json().get("total").asInt(),
                "no write on the second run");
    }

    @Test
    void grafanasDocumentedCurlRecipesAnswerAsDocumented() throws Exception {
        String out = run(List.of("sh", ProvisioningApiTest.examplesDir().resolve("grafana-api/curl-recipes.sh").toString()),
                Map.of("GRAFANA_URL", server.baseUri().resolve("grafana/default").toString().replaceAll("/$", ""),
                        "TOKEN", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN));
        assertTrue(out.contains("all recipes answered as Grafana documents"), out);
    }

    private static int[] recap(String output) {
        Matcher m = RECAP.matcher(output);
        assertTrue(m.find(), "no play recap in:\n" + output);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))};
    }

    private String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dataDir.toFile());
        pb.environment().putAll(env);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dataDir.resolve("ansible-tmp").toString());
        pb.environment().put("ANSIBLE_HOME", dataDir.resolve("ansible-home").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "timed out: " + command);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + " failed:\n" + text);
        return text;
    }
}
