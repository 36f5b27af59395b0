package io.dashplane.schema.alerting;

import io.dashplane.schema.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.dashplane.schema.alerting.Findings.assertSingleError;
import static io.dashplane.schema.alerting.Findings.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleGroupValidatorTest {
    private final RuleGroupValidator validator = new RuleGroupValidator();

    @ParameterizedTest
    @ValueSource(strings = {"10s", "1m", "1m30s", "5m", "1h", "60", "120"})
    void positiveMultiplesOfTenSeconds(String interval) {
        assertValid(validator.validate(new RuleGroup("ml-alerts", "ml-serving", interval), ""));
    }

    @Test
    void intervalRule() {
        assertSingleError(validator.validate(new RuleGroup("ml-alerts", "g", "15s"), "/group"), "/group/interval",
                "multiple of 10s");
        assertSingleError(validator.validate(new RuleGroup("ml-alerts", "g", "0s"), ""), "/interval", "greater than zero");
        assertSingleError(validator.validate(new RuleGroup("ml-alerts", "g", "0"), ""), "/interval", "greater than zero");
        assertSingleError(validator.validate(new RuleGroup("ml-alerts", "g", "10 s"), ""), "/interval", "interval:");
        assertSingleError(validator.validate(new RuleGroup("ml-alerts", "g", "1500ms"), ""), "/interval", "multiple of 10s");
        assertSingleError(validator.validate(new RuleGroup("ml-alerts", "g", null), ""), "/interval", "required");
    }

    @Test
    void pendingPeriodShorterThanTheIntervalIsAWarningAtFor() {
        FindingCollector findings = new FindingCollector("/groups/0/rules/1");
        RuleGroupValidator.pendingPeriodAgainstInterval("30s", "1m", findings);
        RuleGroupValidator.pendingPeriodAgainstInterval("0s", "1m", findings);
        RuleGroupValidator.pendingPeriodAgainstInterval("1m", "60", findings);
        RuleGroupValidator.pendingPeriodAgainstInterval("5m", "1m", findings);
        RuleGroupValidator.pendingPeriodAgainstInterval(null, "1m", findings);
        RuleGroupValidator.pendingPeriodAgainstInterval("soon", "1m", findings);
        RuleGroupValidator.pendingPeriodAgainstInterval("30s", "15s", findings);
        var report = findings.report();
        assertEquals(0, report.errors().size(), report.toString());
        assertEquals(1, report.warnings().size(), report.toString());
        assertEquals("/groups/0/rules/1/for", report.warnings().get(0).pointer());
        assertTrue(report.warnings().get(0).message().contains("fires after 1m at the earliest"), report.toString());
    }

    @Test
    void folderAndName() {
        assertSingleError(validator.validate(new RuleGroup(null, "g", "1m"), ""), "/folderUid", "required");
        assertSingleError(validator.validate(new RuleGroup("bad folder", "g", "1m"), ""), "/folderUid", "letters, digits");
        assertSingleError(validator.validate(new RuleGroup("f", " ", "1m"), ""), "/name", "required");
        assertSingleError(validator.validate(new RuleGroup("f", "n".repeat(191), "1m"), ""), "/name", "190");
    }

    @Test
    void readsGrafanaApiFormWithTitleAndNumericInterval() throws Exception {
        RuleGroup group = Json.mapper().readValue("{\"folderUid\":\"ml\",\"title\":\"serving\",\"interval\":60}", RuleGroup.class);
        assertEquals(new RuleGroup("ml", "serving", "60"), group);
        assertEquals(Duration.ofMinutes(1), RuleGroupValidator.parseInterval(group.interval()));
        assertValid(validator.validate(group, ""));
        assertEquals("{\"folderUid\":\"ml\",\"name\":\"serving\",\"interval\":\"60\"}", Json.mapper().writeValueAsString(group));
    }
}
