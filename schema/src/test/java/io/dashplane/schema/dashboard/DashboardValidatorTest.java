package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.support.Corpus;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardValidatorTest {
    private static final DatasourceLookup ONLY_PROMETHEUS = new DatasourceLookup() {
        @Override
        public boolean existsByUid(String uid) {
            return uid.equals("Prometheus");
        }

        @Override
        public boolean existsByName(String name) {
            return name.equals("Prometheus");
        }
    };

    private final DashboardValidator validator = new DashboardValidator();

    static List<Path> corpus() {
        return Corpus.dashboards();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusDashboardIsValid(Path file) throws Exception {
        JsonNode dashboard = Json.mapper().readTree(file.toFile());
        ValidationReport report = validator.validate(dashboard, "/dashboard", ONLY_PROMETHEUS);
        assertEquals(List.of(), report.errors(), file.getFileName().toString());
    }

    @Test
    void missingTitleAndBadUid() throws Exception {
        ValidationReport report = validate("{\"uid\":\"no spaces allowed\",\"panels\":[]}", DatasourceLookup.ANY);
        assertEquals(Set.of("/dashboard/title", "/dashboard/uid"), pointers(report.errors()));
    }

    @Test
    void tooLongUid() throws Exception {
        ValidationReport report = validate("{\"title\":\"t\",\"uid\":\"" + "a".repeat(41) + "\"}", DatasourceLookup.ANY);
        assertEquals(Set.of("/dashboard/uid"), pointers(report.errors()));
        assertTrue(report.errors().get(0).message().contains("40"));
    }

    @Test
    void gridOutsideTheTwentyFourColumns() throws Exception {
        ValidationReport report = validate("""
                {"title":"t","panels":[
                  {"id":1,"gridPos":{"x":20,"y":0,"w":12,"h":8}},
                  {"id":2,"gridPos":{"x":-1,"y":0,"w":0,"h":0}}]}""", DatasourceLookup.ANY);
        assertEquals(Set.of("/dashboard/panels/0/gridPos/w", "/dashboard/panels/1/gridPos/x",
                "/dashboard/panels/1/gridPos/w", "/dashboard/panels/1/gridPos/h"), pointers(report.errors()));
    }

    @Test
    void duplicatePanelIdsIncludingRowChildren() throws Exception {
        ValidationReport report = validate("""
                {"title":"t","panels":[
                  {"id":1,"type":"row","panels":[{"id":2}]},
                  {"id":2.0}]}""", DatasourceLookup.ANY);
        assertEquals(Set.of("/dashboard/panels/1/id"), pointers(report.errors()));
    }

    @Test
    void danglingDatasourceReferencesEverywhere() throws Exception {
        ValidationReport report = validate("""
                {"title":"t",
                 "panels":[{"id":1,"datasource":{"type":"prometheus","uid":"nope"},
                            "targets":[{"refId":"A","datasource":{"uid":"gone"}},{"refId":"B","datasource":{"uid":"Prometheus"}}]},
                           {"id":2,"datasource":"legacy-name"},
                           {"id":3,"datasource":{"uid":"-- Grafana --"}},
                           {"id":4,"datasource":{"uid":"${ds}"}}],
                 "templating":{"list":[{"name":"ds","type":"datasource","query":"prometheus"},
                                       {"name":"v","type":"query","datasource":{"uid":"missing"},"query":"up"}]},
                 "annotations":{"list":[{"name":"a","datasource":{"uid":"also-missing"}}]}}""", ONLY_PROMETHEUS);
        assertEquals(Set.of("/dashboard/panels/0/datasource/uid", "/dashboard/panels/0/targets/0/datasource/uid",
                "/dashboard/panels/1/datasource", "/dashboard/templating/list/1/datasource/uid",
                "/dashboard/annotations/list/0/datasource/uid"), pointers(report.errors()));
    }

    @Test
    void undefinedVariablesInEveryForm() throws Exception {
        ValidationReport report = validate("""
                {"title":"t","templating":{"list":[{"name":"job","type":"query","query":"label_values(up{x=\\"$nope1\\"}, job)"}]},
                 "panels":[{"id":1,"title":"$job ${nope2:csv}","repeat":"nope3",
                   "targets":[{"refId":"A","expr":"rate(x{job=~\\"$job\\",a=\\"[[nope4]]\\",b=\\"${nope5.text}\\"}[$__rate_interval]) + label_replace(y, \\"a\\", \\"$1\\", \\"b\\", \\"(.*)\\")"}]}]}""",
                DatasourceLookup.ANY);
        assertEquals(Set.of("/dashboard/templating/list/0/query", "/dashboard/panels/0/title",
                "/dashboard/panels/0/repeat", "/dashboard/panels/0/targets/0/expr"), pointers(report.errors()));
        assertEquals(5, report.errors().size(), report.errors().toString());
    }

    @Test
    void inputsPlaceholdersAreWarnings() throws Exception {
        ValidationReport report = validate("""
                {"title":"t","schemaVersion":39,"__inputs":[{"name":"DS_PROM","type":"datasource","pluginId":"prometheus"}],
                 "panels":[{"id":1,"datasource":{"uid":"${DS_PROM}"},"targets":[{"refId":"A","expr":"up"}]}]}""",
                ONLY_PROMETHEUS);
        assertFalse(report.hasErrors(), report.errors().toString());
        assertEquals(Set.of("/dashboard/panels/0/datasource/uid"), pointers(report.warnings()));
    }

    @Test
    void unknownPanelTypesAndFieldsAreAccepted() throws Exception {
        ValidationReport report = validate("""
                {"title":"t","schemaVersion":39,"x-custom":{"deep":[1,2]},
                 "panels":[{"id":1,"type":"acme-unknown-panel","gridPos":{"x":0,"y":0,"w":24,"h":3},"pluginField":true}]}""",
                DatasourceLookup.ANY);
        assertFalse(report.hasErrors());
        assertEquals(List.of(), report.warnings());
    }

    private ValidationReport validate(String json, DatasourceLookup lookup) throws Exception {
        ObjectNode dashboard = (ObjectNode) Json.mapper().readTree(json);
        return validator.validate(dashboard, "/dashboard", lookup);
    }

    private static Set<String> pointers(List<Finding> findings) {
        return Set.copyOf(findings.stream().map(Finding::pointer).toList());
    }
}
