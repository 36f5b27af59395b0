package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertingCanonicalizerTest {
    @Test
    void rulesEqualAcrossDurationSpellingDefaultsAndModelFormatting() throws Exception {
        AlertRule sent = AlertRuleValidatorTest.rule(r -> { });
        AlertRule stored = AlertRuleValidatorTest.rule(r -> {
            r.put("for", "300s");
            r.remove("keepFiringFor");
            r.put("execErrState", "Error");
            ObjectNode model = AlertRuleValidatorTest.model(r, 2);
            model.removeAll();
            model.put("refId", "C").put("expression", "B").put("type", "threshold");
            model.putArray("conditions").addObject().putObject("evaluator").put("type", "gt").putArray("params").add(new java.math.BigDecimal("0.50"));
            AlertRuleValidatorTest.query(r, 1).remove("relativeTimeRange");
        });
        assertTrue(AlertingCanonicalizer.equivalent(sent, stored));
        assertEquals("5m", AlertingCanonicalizer.canonical(stored).pendingPeriod());
        assertEquals("0s", AlertingCanonicalizer.canonical(stored).keepFiringFor());
    }

    @Test
    void grafanaDefaultsEqualAbsence() throws Exception {
        AlertRule explicit = AlertRuleValidatorTest.rule(r -> r.put("noDataState", "NoData").put("execErrState", "Alerting")
                .put("isPaused", false).put("for", "0s"));
        AlertRule implicit = AlertRuleValidatorTest.rule(r -> {
            r.remove("noDataState");
            r.remove("execErrState");
            r.remove("isPaused");
            r.remove("for");
        });
        assertTrue(AlertingCanonicalizer.equivalent(explicit, implicit));
    }

    @Test
    void realDifferencesRemain() throws Exception {
        AlertRule rule = AlertRuleValidatorTest.rule(r -> { });
        assertFalse(AlertingCanonicalizer.equivalent(rule, AlertRuleValidatorTest.rule(r -> r.put("for", "301s"))));
        assertFalse(AlertingCanonicalizer.equivalent(rule, AlertRuleValidatorTest.rule(r ->
                AlertRuleValidatorTest.model(r, 0).put("expr", "up"))));
        assertFalse(AlertingCanonicalizer.equivalent(rule, AlertRuleValidatorTest.rule(r -> r.with("labels").put("env", "prod"))));
        assertFalse(AlertingCanonicalizer.equivalent(rule, null));
        assertTrue(AlertingCanonicalizer.equivalent((AlertRule) null, null));
    }

    @Test
    void routes() throws Exception {
        Route a = Json.mapper().readValue("""
                {"receiver":"x","group_wait":"30s","repeat_interval":"4h","continue":false,"routes":[],"group_by":[]}""", Route.class);
        Route b = Json.mapper().readValue("{\"receiver\":\"x\",\"group_wait\":\"30000ms\",\"repeat_interval\":\"240m\"}", Route.class);
        assertTrue(AlertingCanonicalizer.equivalent(a, b));
        Route c = Json.mapper().readValue("{\"receiver\":\"x\",\"group_wait\":\"30s\",\"repeat_interval\":\"4h\",\"continue\":true}", Route.class);
        assertFalse(AlertingCanonicalizer.equivalent(a, c));
    }

    @Test
    void ruleGroupsMuteTimingsTemplatesContactPoints() throws Exception {
        assertTrue(AlertingCanonicalizer.equivalent(new RuleGroup("f", "g", "60"), new RuleGroup("f", "g", "1m")));
        assertFalse(AlertingCanonicalizer.equivalent(new RuleGroup("f", "g", "2m"), new RuleGroup("f", "g", "1m")));

        MuteTiming upper = new MuteTiming("m", List.of(new TimeInterval(null, List.of("Monday:Friday"), List.of(), null, null, "")));
        MuteTiming lower = new MuteTiming("m", List.of(new TimeInterval(List.of(), List.of("monday:friday"), null, null, null, null)));
        assertTrue(AlertingCanonicalizer.equivalent(upper, lower));

        assertTrue(AlertingCanonicalizer.equivalent(new MessageTemplate("t", "{{ define \"a\" }}{{ end }}\n"),
                new MessageTemplate("t", "  {{ define \"a\" }}{{ end }}")));
        assertFalse(AlertingCanonicalizer.equivalent(new MessageTemplate("t", "a"), new MessageTemplate("t", "b")));

        ContactPoint one = new ContactPoint(null, "cp", List.of(new Integration("i", "webhook",
                Json.mapper().readTree("{\"url\":\"https://h\",\"maxAlerts\":10}"), null)));
        ContactPoint two = new ContactPoint(null, "cp", List.of(new Integration("i", "webhook",
                Json.mapper().readTree("{\"maxAlerts\":10.0,\"url\":\"https://h\"}"), false)));
        assertTrue(AlertingCanonicalizer.equivalent(one, two));
    }
}
