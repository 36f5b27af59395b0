package io.dashplane.schema.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.provisioning.ProvisioningFile;
import io.dashplane.schema.alerting.provisioning.ProvisioningFiles;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.support.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasourceRewriterTest {
    private static final List<DatasourceIdentity> STAGING = List.of(
            new DatasourceIdentity("Prometheus", "Prometheus", "prometheus"),
            new DatasourceIdentity("loki-stg", "Loki", "loki"));
    private static final List<DatasourceIdentity> PROD = List.of(
            new DatasourceIdentity("prom-b", "Prometheus", "prometheus"),
            new DatasourceIdentity("loki-prod", "Loki", "loki"));

    private static JsonNode seed() throws IOException {
        return Json.mapper().readTree(Files.readString(Corpus.dashboardsDir().resolve("seed-ml-model-monitoring.json")));
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static JsonNode json(String text) throws IOException {
        return Json.mapper().readTree(text);
    }

    @Test
    void rewritesEveryPrometheusReferenceOfTheSeedDashboardAndNothingElse() throws IOException {
        JsonNode seed = seed();
        String before = Json.mapper().writeValueAsString(seed);
        int uses = count(before, "\"uid\":\"Prometheus\"");
        assertTrue(uses >= 6, "seed has panel, target and variable references");

        Rewritten<JsonNode> result = DatasourceRewriter.rewriteDashboard("ml", seed, DatasourceMapping.byName(STAGING, PROD));

        String after = Json.mapper().writeValueAsString(result.value());
        assertEquals(0, count(after, "\"uid\":\"Prometheus\""));
        assertEquals(uses, count(after, "\"uid\":\"prom-b\""));
        assertEquals(uses, result.rewrites().size());
        for (DatasourceRewrite rewrite : result.rewrites()) {
            assertEquals("Prometheus", rewrite.from());
            assertEquals("prom-b", rewrite.to());
            assertEquals("prom-b", result.value().at(rewrite.pointer()).asText());
            assertEquals("Prometheus", seed.at(rewrite.pointer()).asText(), "input left unchanged");
        }
        assertEquals(before.replace("\"uid\":\"Prometheus\"", "\"uid\":\"prom-b\""), after, "only uid positions change");
        assertTrue(result.rewrites().stream().anyMatch(r -> r.pointer().startsWith("/templating/list/0/datasource")));
    }

    @Test
    void leavesVariableBuiltInAndDefaultReferencesAloneAndKeepsLegacyNameForm() throws IOException {
        JsonNode dashboard = json("""
                {"uid":"d","title":"t","panels":[
                  {"id":1,"datasource":"Loki","targets":[{"refId":"A","datasource":{"uid":"${ds}"}}]},
                  {"id":2,"datasource":{"uid":"-- Grafana --"}},
                  {"id":3,"datasource":null,"targets":[{"refId":"A","datasource":"loki-stg"}]}],
                 "templating":{"list":[{"name":"ds","type":"datasource","query":"prometheus"}]}}
                """);
        Rewritten<JsonNode> result = DatasourceRewriter.rewriteDashboard("d", dashboard, DatasourceMapping.byName(STAGING, PROD));
        // the legacy name "Loki" maps to the target's name "Loki": nothing to rewrite there
        assertEquals(List.of(new DatasourceRewrite("/panels/2/targets/0/datasource", "loki-stg", "loki-prod")),
                result.rewrites());
        assertEquals("${ds}", result.value().at("/panels/0/targets/0/datasource/uid").asText());
        assertEquals("-- Grafana --", result.value().at("/panels/1/datasource/uid").asText());
        assertEquals("Loki", result.value().at("/panels/0/datasource").asText());
    }

    @Test
    void explicitMapsWinOverEqualNames() throws IOException {
        List<DatasourceIdentity> target = List.of(new DatasourceIdentity("prom-b", "Prometheus", "prometheus"),
                new DatasourceIdentity("prom-c", "Prom Central", "prometheus"));
        JsonNode dashboard = json("{\"uid\":\"d\",\"title\":\"t\",\"panels\":[{\"id\":1,\"datasource\":{\"uid\":\"Prometheus\"}}]}");
        DatasourceMapping byUid = DatasourceMapping.build(STAGING, target, Map.of("Prometheus", "prom-c"), Map.of());
        DatasourceMapping byName = DatasourceMapping.build(STAGING, target, Map.of(), Map.of("Prometheus", "Prom Central"));
        assertEquals("prom-c", DatasourceRewriter.rewriteDashboard("d", dashboard, byUid).value().at("/panels/0/datasource/uid").asText());
        assertEquals("prom-c", DatasourceRewriter.rewriteDashboard("d", dashboard, byName).value().at("/panels/0/datasource/uid").asText());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DatasourceMapping.build(STAGING, target, Map.of("Prometheus", "nope"), Map.of()));
        assertTrue(bad.getMessage().contains("'nope'"), bad.getMessage());
    }

    @Test
    void unmappableReferenceNamesTheDatasourceAndEveryPlace() throws IOException {
        JsonNode seed = seed();
        List<DatasourceIdentity> target = List.of(new DatasourceIdentity("loki-prod", "Loki", "loki"));
        List<ReferenceSite> sites = DatasourceUsages.ofDashboard("ml", seed);
        UnmappableDatasourceException e = assertThrows(UnmappableDatasourceException.class,
                () -> DatasourceRewriter.rewriteDashboard("ml", seed, DatasourceMapping.byName(STAGING, target)));
        assertEquals(1, e.unmappable().size());
        UnmappableDatasource u = e.unmappable().get(0);
        assertEquals("Prometheus", u.source().name());
        assertEquals(sites, u.sites());
        for (ReferenceSite site : sites) {
            assertTrue(e.getMessage().contains("dashboard ml at " + site.pointer()), site.pointer());
        }
        assertTrue(e.getMessage().startsWith("datasource 'Prometheus' (uid Prometheus, type prometheus) has no counterpart"));
    }

    @Test
    void unmappableAcrossDashboardsAndRulesIsReportedTogether() throws IOException {
        JsonNode dashboard = json("{\"uid\":\"d\",\"title\":\"t\",\"panels\":[{\"id\":1,\"datasource\":{\"uid\":\"ghost\"}}]}");
        AlertRule rule = rules().get(0);
        DatasourceMapping mapping = DatasourceMapping.byName(
                List.of(new DatasourceIdentity("prometheus", "Prometheus", "prometheus")), List.of());
        List<ReferenceSite> all = new java.util.ArrayList<>(DatasourceUsages.ofDashboard("d", dashboard));
        all.addAll(DatasourceUsages.ofAlertRule(rule));
        UnmappableDatasourceException e = assertThrows(UnmappableDatasourceException.class,
                () -> DatasourceRewriter.requireMappable(mapping, all));
        assertEquals(2, e.unmappable().size());
        assertEquals("ghost", e.unmappable().get(0).reference());
        assertEquals(null, e.unmappable().get(0).source());
        assertTrue(e.getMessage().contains("datasource 'ghost' matches no datasource"), e.getMessage());
        assertTrue(e.getMessage().contains("alertRule ml-p99-latency at /data/0/datasourceUid"), e.getMessage());
    }

    @Test
    void rewritesAlertRuleQueriesButNotExpressions() throws IOException {
        AlertRule rule = rules().get(0);
        DatasourceMapping mapping = DatasourceMapping.byName(
                List.of(new DatasourceIdentity("prometheus", "Prometheus", "prometheus")), PROD);
        Rewritten<AlertRule> result = DatasourceRewriter.rewriteAlertRule(rule, mapping);
        assertEquals(List.of(new DatasourceRewrite("/data/0/datasourceUid", "prometheus", "prom-b")), result.rewrites());
        assertEquals("prom-b", result.value().data().get(0).datasourceUid());
        assertEquals("__expr__", result.value().data().get(1).datasourceUid());
        assertEquals("prometheus", rule.data().get(0).datasourceUid(), "input left unchanged");
        assertEquals(rule.data().get(0).model(), result.value().data().get(0).model());
    }

    private static List<AlertRule> rules() throws IOException {
        try (var in = DatasourceRewriterTest.class.getResourceAsStream("/alerting/ml-monitoring.yaml")) {
            ProvisioningFile file = ProvisioningFiles.readYaml(new String(in.readAllBytes()));
            var group = file.groups().get(0);
            return group.rules().stream().map(r -> r.toAlertRule("ml", group.name())).toList();
        }
    }

    @Test
    void rewritesTheModelsCopyOfTheUidToo() throws IOException {
        AlertRule rule = rules().get(0);
        var q = rule.data().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) q.model()).set("datasource", json("{\"type\":\"prometheus\",\"uid\":\"prometheus\"}"));
        DatasourceMapping mapping = DatasourceMapping.byName(
                List.of(new DatasourceIdentity("prometheus", "Prometheus", "prometheus")), PROD);
        Rewritten<AlertRule> result = DatasourceRewriter.rewriteAlertRule(rule, mapping);
        assertEquals(List.of(new DatasourceRewrite("/data/0/datasourceUid", "prometheus", "prom-b"),
                new DatasourceRewrite("/data/0/model/datasource/uid", "prometheus", "prom-b")), result.rewrites());
        assertEquals("prom-b", result.value().data().get(0).model().at("/datasource/uid").asText());
        assertEquals("prometheus", q.model().at("/datasource/uid").asText());
    }

    @Test
    void sameNameOfAnotherTypeIsNoCounterpart() throws IOException {
        JsonNode dashboard = json("{\"uid\":\"d\",\"title\":\"t\",\"panels\":[{\"id\":1,\"datasource\":{\"uid\":\"loki-stg\"}}]}");
        DatasourceMapping mapping = DatasourceMapping.byName(STAGING, List.of(new DatasourceIdentity("x", "Loki", "elasticsearch")));
        UnmappableDatasourceException e = assertThrows(UnmappableDatasourceException.class,
                () -> DatasourceRewriter.rewriteDashboard("d", dashboard, mapping));
        assertEquals("datasource 'Loki' (uid loki-stg, type loki) has no counterpart in the target environment; "
                + "used by dashboard d at /panels/0/datasource/uid", e.getMessage());
    }

    @Test
    void mappingDoesNotTouchUnrelatedObjects() throws IOException {
        JsonNode dashboard = json("{\"uid\":\"d\",\"title\":\"t\",\"panels\":[{\"id\":1,\"options\":{\"uid\":\"Prometheus\"}}]}");
        Rewritten<JsonNode> result = DatasourceRewriter.rewriteDashboard("d", dashboard, DatasourceMapping.byName(STAGING, PROD));
        assertTrue(result.rewrites().isEmpty());
        assertFalse(result.value().at("/panels/0/options/uid").asText().equals("prom-b"));
    }
}
