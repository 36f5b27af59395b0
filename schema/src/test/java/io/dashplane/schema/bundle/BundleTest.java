package io.dashplane.schema.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.alerting.provisioning.ProvisioningFile;
import io.dashplane.schema.alerting.provisioning.ProvisioningFiles;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.support.Corpus;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleTest {
    private static JsonNode json(String text) throws IOException {
        return Json.mapper().readTree(text);
    }

    /** A bundle as an exporter might build it: lists and object members in arbitrary order. */
    static Bundle sample() throws IOException {
        JsonNode seed = Json.mapper().readTree(Files.readString(Corpus.dashboardsDir().resolve("seed-ml-model-monitoring.json")));
        ProvisioningFile alerting;
        try (var in = BundleTest.class.getResourceAsStream("/alerting/ml-monitoring.yaml")) {
            alerting = ProvisioningFiles.readYaml(new String(in.readAllBytes()));
        }
        var group = alerting.groups().get(0);
        List<AlertRule> rules = group.rules().stream().map(r -> r.toAlertRule("ml", group.name()))
                .map(r -> rewriteDatasource(r, "prometheus", "Prometheus")).toList();
        Bundles.StrippedContactPoint slack = Bundles.stripSecrets(new ContactPoint("cp1", "ml-oncall", List.of(
                new Integration(null, "slack", json("{\"url\":\"https://hooks.example/secret\",\"recipient\":\"#ml\"}"), null))));
        List<SecretInput> inputs = new ArrayList<>(slack.secretInputs());
        inputs.add(SecretInput.ofDatasource("Prometheus", "basicAuthPassword"));
        return new Bundle(1, "staging",
                List.of(new BundleDatasource("loki", "Loki", "loki", "proxy", "http://loki:3100", null, null, null, null, null,
                                false, null, json("{\"maxLines\":1000,\"derivedFields\":[]}")),
                        new BundleDatasource("Prometheus", "Prometheus", "prometheus", "proxy", "http://prom:9090", null, null,
                                true, "admin", null, true, null, json("{\"timeInterval\":\"15s\",\"httpMethod\":\"POST\"}"))),
                inputs,
                List.of(new BundleFolder("ml-sub", "Serving", "ml"), new BundleFolder("ml", "ML", null)),
                List.of(new BundleDashboard("ml-model-monitoring-v1", "ml", seed.deepCopy()),
                        new BundleDashboard("a-first", null, json("{\"uid\":\"a-first\",\"title\":\"A\",\"panels\":[],\"schemaVersion\":39}"))),
                List.of(new BundleRuleGroup("ml", group.name(), group.interval(), rules)),
                List.of(slack.contactPoint()),
                new Route("ml-oncall", List.of("alertname"), null, null, null, null, null, null, null, null, null, null, null),
                List.of(),
                List.of(new MessageTemplate("ml", "{{ define \"ml.title\" }}ML{{ end }}")));
    }

    private static AlertRule rewriteDatasource(AlertRule rule, String from, String to) {
        var data = rule.data().stream().map(q -> from.equals(q.datasourceUid())
                ? new io.dashplane.schema.alerting.AlertQuery(q.refId(), q.queryType(), q.relativeTimeRange(), to, q.model())
                : q).toList();
        return new AlertRule(rule.uid(), rule.title(), rule.folderUID(), rule.ruleGroup(), rule.condition(), data,
                rule.noDataState(), rule.execErrState(), rule.pendingPeriod(), rule.keepFiringFor(),
                rule.missingSeriesEvalsToResolve(), rule.annotations(), rule.labels(), rule.isPaused(),
                rule.notificationSettings(), rule.record());
    }

    @Test
    void jsonExportImportExportIsByteIdentical() throws IOException {
        String first = Bundles.writeJson(sample());
        String second = Bundles.writeJson(Bundles.readJson(first));
        assertEquals(first, second);
        assertEquals(second, Bundles.writeJson(Bundles.read(second)));
    }

    @Test
    void yamlExportImportExportIsByteIdenticalAndMatchesJson() throws IOException {
        String yaml = Bundles.writeYaml(sample());
        assertEquals(yaml, Bundles.writeYaml(Bundles.readYaml(yaml)));
        assertEquals(Bundles.writeJson(sample()), Bundles.writeJson(Bundles.read(yaml)));
    }

    @Test
    void outputIsSortedRegardlessOfInputOrder() throws IOException {
        Bundle sample = sample();
        Bundle reversed = new Bundle(sample.apiVersion(), sample.environment(),
                List.of(sample.datasources().get(1), sample.datasources().get(0)),
                reversed(sample.secretInputs()), reversed(sample.folders()), reversed(sample.dashboards()),
                sample.ruleGroups(), sample.contactPoints(), sample.policies(), sample.muteTimings(), sample.templates());
        ObjectNode dashboard = (ObjectNode) reversed.dashboards().get(1).dashboard();
        assertEquals("a-first", reversed.dashboards().get(0).uid());
        String text = Bundles.writeJson(sample);
        assertEquals(text, Bundles.writeJson(reversed));
        JsonNode tree = json(text);
        assertEquals("Prometheus", tree.at("/datasources/0/uid").asText());
        assertEquals("a-first", tree.at("/dashboards/0/uid").asText());
        assertEquals("ml", tree.at("/folders/0/uid").asText());
        List<String> keys = new ArrayList<>();
        tree.at("/dashboards/1/dashboard").fieldNames().forEachRemaining(keys::add);
        assertEquals(keys.stream().sorted().toList(), keys);
        assertFalse(dashboard.isEmpty());
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void contactPointSecretsAreOmittedAndListed() throws IOException {
        String text = Bundles.writeJson(sample());
        assertFalse(text.contains("hooks.example"), "the slack url is a secret");
        Bundle read = Bundles.readJson(text);
        assertTrue(read.secretInputs().contains(SecretInput.ofContactPoint("ml-oncall", 0, "url")));
        assertTrue(read.secretInputs().contains(SecretInput.ofDatasource("Prometheus", "basicAuthPassword")));
        assertEquals("#ml", read.contactPoints().get(0).integrations().get(0).settings().get("recipient").asText());
    }

    @Test
    void unknownAndDuplicateKeysAreRejected() {
        assertThrows(JsonProcessingException.class, () -> Bundles.readJson("{\"apiVersion\":1,\"dashbords\":[]}"));
        assertThrows(JsonProcessingException.class, () -> Bundles.readYaml("apiVersion: 1\nenvironment: a\nenvironment: b\n"));
    }

    @Test
    void sampleIsValid() throws IOException {
        ValidationReport report = new BundleValidator().validate(Bundles.readJson(Bundles.writeJson(sample())));
        assertEquals(List.of(), report.errors());
    }

    @Test
    void validatorReportsDuplicatesDanglingFoldersAndUnknownDatasources() throws IOException {
        Bundle sample = sample();
        Bundle broken = new Bundle(1, "staging",
                List.of(sample.datasources().get(0), sample.datasources().get(0)),
                List.of(SecretInput.ofDatasource("nope", "password")),
                List.of(new BundleFolder("f", "F", "missing")),
                List.of(new BundleDashboard("d", "gone", json("{\"uid\":\"d\",\"title\":\"D\",\"panels\":[{\"id\":1,\"type\":\"timeseries\",\"datasource\":{\"uid\":\"ghost\"}}]}")),
                        new BundleDashboard("d", null, json("{\"title\":\"D2\"}"))),
                null, null, null, null, null);
        List<Finding> errors = new BundleValidator().validate(broken).errors();
        List<String> pointers = errors.stream().map(Finding::pointer).toList();
        assertTrue(pointers.contains("/datasources/1/uid"), errors.toString());
        assertTrue(pointers.contains("/datasources/1/name"), errors.toString());
        assertTrue(pointers.contains("/secretInputs/0/datasourceUid"), errors.toString());
        assertTrue(pointers.contains("/folders/0/parentUid"), errors.toString());
        assertTrue(pointers.contains("/dashboards/0/folderUid"), errors.toString());
        assertTrue(pointers.contains("/dashboards/0/dashboard/panels/0/datasource/uid"), errors.toString());
        assertTrue(pointers.contains("/dashboards/1/uid"), errors.toString());
        assertNotEquals(0, errors.stream().filter(f -> f.message().contains("duplicate uid 'd'")).count());
    }

    @Test
    void wrongApiVersionIsAnError() {
        List<Finding> errors = new BundleValidator().validate(new Bundle(2, "x", null, null, null, null, null, null, null, null, null)).errors();
        assertEquals(List.of(new Finding("/apiVersion", "apiVersion must be 1")), errors);
    }
}
