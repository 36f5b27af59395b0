package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export, import into an empty environment, export again: the same bytes. */
class BundleApiTest extends ServerTestSupport {
    static final String A = "/api/v1/environments/source";
    static final String B = "/api/v1/environments/copy";

    @BeforeEach
    void content() throws IOException {
        PromotionApiTest.created(api.post("/api/v1/environments", "{\"name\":\"source\"}"));
        PromotionApiTest.created(api.post("/api/v1/environments", "{\"name\":\"copy\"}"));
        PromotionApiTest.created(api.post(A + "/datasources", """
                {"uid":"Prometheus","name":"Prometheus","type":"prometheus","url":"http://prometheus:9090","isDefault":true,
                 "basicAuth":true,"basicAuthUser":"grafana","jsonData":{"httpMethod":"POST","timeInterval":"15s"},
                 "secureJsonData":{"basicAuthPassword":"s3cret","httpHeaderValue1":"Bearer x"}}"""));
        PromotionApiTest.created(api.post(A + "/datasources", """
                {"uid":"pg","name":"Postgres","type":"postgres","url":"db:5432","user":"grafana","database":"metrics",
                 "secureJsonData":{"password":"pw"}}"""));
        PromotionApiTest.created(api.post(A + "/folders", "{\"uid\":\"team\",\"title\":\"Team\"}"));
        PromotionApiTest.created(api.post(A + "/folders", "{\"uid\":\"team-ml\",\"title\":\"ML\",\"parentUid\":\"team\"}"));
        PromotionApiTest.created(api.post(A + "/folders", "{\"uid\":\"team-ml-deep\",\"title\":\"Deep\",\"parentUid\":\"team-ml\"}"));
        List<Path> files;
        try (Stream<Path> s = Files.list(corpusDir())) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 9);
        String alerting = Files.readString(ProvisioningApiTest.examplesDir().resolve("alerting/ml-alerting.yaml"));
        var alerts = api.send(HttpRequest.newBuilder(api.uri(A + "/alerting/import"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(alerting)));
        assertEquals(200, alerts.status(), alerts.toString());
        String[] folders = {null, "team", "team-ml", "team-ml-deep"};
        for (int i = 0; i < files.size(); i++) {
            String folder = folders[i % folders.length];
            var r = api.post(A + "/dashboards", "{" + (folder == null ? "" : "\"folderUid\":\"" + folder + "\",")
                    + "\"dashboard\":" + read(files.get(i)) + "}");
            assertEquals(201, r.status(), files.get(i) + ": " + r);
        }
    }

    @Test
    void jsonRoundTripIsByteIdentical() throws IOException {
        String exported = export(A, "json");
        JsonNode bundle = Api.JSON.readTree(exported);
        assertEquals(2, bundle.get("datasources").size());
        assertFalse(exported.contains("s3cret") || exported.contains("Bearer x") || exported.contains("\"pw\""),
                "no secret values in an export");
        assertEquals(5, bundle.get("secretInputs").size(), bundle.get("secretInputs").toString());
        assertEquals("basicAuthPassword", bundle.at("/secretInputs/0/key").asText());
        assertEquals("ml-pagerduty", bundle.at("/secretInputs/3/contactPoint").asText(), bundle.get("secretInputs").toString());
        assertFalse(exported.contains("hooks.slack.com/services/T0"), "contact point secrets left out");
        assertEquals(4, bundle.get("folders").size());
        assertEquals(1, bundle.get("ruleGroups").size());
        assertEquals(2, bundle.get("contactPoints").size());
        assertTrue(bundle.has("policies") && bundle.has("muteTimings") && bundle.has("templates"), exported);
        assertTrue(bundle.get("dashboards").size() >= 9);
        assertFalse(bundle.at("/dashboards/0/dashboard").has("id"), "instance-specific ids are left out");
        assertEquals(exported, export(A, "json"), "stable");

        // The exported text as it is: a client re-serializing the tree could respell numbers (1e-9 as 1E-9).
        String envelope = "{\"bundle\":" + exported + ",\"secrets\":"
                + "{\"Prometheus\":{\"basicAuthPassword\":\"s3cret\",\"httpHeaderValue1\":\"Bearer x\"},\"pg\":{\"password\":\"pw\"}},"
                + "\"contactPointSecrets\":" + contactPointSecrets(bundle) + "}";
        var plan = api.post(B + "/import?dryRun=true", envelope);
        assertEquals(200, plan.status(), plan.toString());
        int objects = 2 + 4 + bundle.get("dashboards").size() + 1 + 2 + 1 + 1 + 1;
        assertEquals(objects, plan.json().at("/plan/summary/create").asInt(), plan.toString());
        assertEquals(5, plan.json().at("/plan/secretInputs").size());
        assertEquals(0, api.get(B + "/datasources").json().get("total").asLong());

        var imported = api.post(B + "/import", envelope);
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(objects, imported.json().at("/promotion/objects").size());
        assertEquals(exported, export(B, "json"), "export, import, export: byte-identical");
        assertTrue(api.get(B + "/datasources/Prometheus").json().at("/secureJsonFields/basicAuthPassword").asBoolean());

        var again = api.post(B + "/import?dryRun=true", exported);
        assertEquals(objects, again.json().at("/plan/summary/unchanged").asInt(), again.toString());
    }

    @Test
    void yamlRoundTripIsByteIdenticalAndSelectionsWork() {
        String exported = export(A, "yaml");
        assertTrue(exported.startsWith("---") || exported.startsWith("apiVersion"), exported.substring(0, 40));
        var missingSecrets = api.send(HttpRequest.newBuilder(api.uri(B + "/import"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(exported)));
        assertEquals(422, missingSecrets.status(), missingSecrets.toString());
        assertEquals("/secrets/Prometheus/basicAuthPassword", missingSecrets.json().at("/errors/0/pointer").asText());

        ObjectNode envelope = Api.JSON.createObjectNode();
        envelope.put("bundle", exported);
        envelope.set("secrets", Api.JSON.createObjectNode());
        try {
            envelope.set("contactPointSecrets", contactPointSecrets(Api.JSON.readTree(export(A, "json"))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ((ObjectNode) envelope.get("secrets")).putObject("Prometheus").put("basicAuthPassword", "a").put("httpHeaderValue1", "b");
        ((ObjectNode) envelope.get("secrets")).putObject("pg").put("password", "c");
        var imported = api.post(B + "/import", envelope.toString());
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(exported, export(B, "yaml"));

        var selected = api.get(A + "/export?dashboard=ml-model-monitoring-v1");
        assertEquals(200, selected.status(), selected.toString());
        JsonNode one = selected.json();
        assertEquals(1, one.get("dashboards").size());
        assertFalse(one.has("datasources"));
        assertEquals(400, api.get(A + "/export?format=xml").status());
        assertEquals(404, api.get("/api/v1/environments/nowhere/export").status());
    }

    @Test
    void badBundlesAreSpecific() {
        var malformed = api.send(HttpRequest.newBuilder(api.uri(B + "/import"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("apiVersion: 1\nfolders:\n  - uid: a\n   title: x\n")));
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.json().get("detail").asText().startsWith("line "), malformed.toString());
        var unknown = api.post(B + "/import", "{\"apiVersion\":1,\"folderz\":[]}");
        assertEquals(400, unknown.status(), unknown.toString());
        var invalid = api.post(B + "/import", "{\"apiVersion\":1,\"dashboards\":[{\"uid\":\"x\",\"folderUid\":\"missing\",\"dashboard\":{\"title\":\"x\"}}]}");
        assertEquals(422, invalid.status(), invalid.toString());
        assertEquals("/dashboards/0/folderUid", invalid.json().at("/errors/0/pointer").asText());
    }

    /** A value for every contact point secret input of the bundle: name -> {"index/key": value}. */
    private static ObjectNode contactPointSecrets(JsonNode bundle) {
        ObjectNode out = Api.JSON.createObjectNode();
        for (JsonNode input : bundle.get("secretInputs")) {
            if (input.has("contactPoint")) {
                ObjectNode point = out.has(input.get("contactPoint").asText())
                        ? (ObjectNode) out.get(input.get("contactPoint").asText())
                        : out.putObject(input.get("contactPoint").asText());
                point.put(input.get("integration").asInt() + "/" + input.get("key").asText(),
                        input.get("key").asText().equals("url") ? "https://hooks.slack.com/services/T1/B1/y" : "0123456789abcdef0123456789abcdef");
            }
        }
        return out;
    }

    private String export(String env, String format) {
        var r = api.get(env + "/export?format=" + format);
        assertEquals(200, r.status(), r.toString());
        return r.body();
    }
}
