package io.dashplane.provider.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.SemanticEquality;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertingSupportTest {
    private static boolean equal(SemanticEquality equality, String a, String b) {
        return equality.equal(CtyValue.string(a), CtyValue.string(b));
    }

    @Test
    void durationsCompareByValue() {
        SemanticEquality durations = AlertingSupport.durationEquality();
        assertTrue(equal(durations, "5m", "300s"));
        assertTrue(equal(durations, "1h30m", "90m"));
        assertFalse(equal(durations, "5m", "6m"));
        assertFalse(equal(durations, "5m", "five minutes"));
    }

    @Test
    void templatesCompareTrimmed() {
        assertTrue(equal(AlertingSupport.trimmedText(), "{{ define \"a\" }}x{{ end }}\n", "  {{ define \"a\" }}x{{ end }}"));
        assertFalse(equal(AlertingSupport.trimmedText(), "{{ define \"a\" }}x{{ end }}", "{{ define \"a\" }}y{{ end }}"));
    }

    @Test
    void alertDataComparesCanonicalQueries() {
        String compact = "[{\"refId\":\"A\",\"relativeTimeRange\":{\"from\":600,\"to\":0},\"datasourceUid\":\"P\","
                + "\"model\":{\"refId\":\"A\",\"expr\":\"up\"}},{\"refId\":\"B\",\"datasourceUid\":\"__expr__\","
                + "\"model\":{\"refId\":\"B\",\"type\":\"threshold\",\"expression\":\"A\","
                + "\"conditions\":[{\"evaluator\":{\"type\":\"gt\",\"params\":[0.5]}}]}}]";
        String reordered = "[{\"model\":{\"expr\":\"up\",\"refId\":\"A\"},\"datasourceUid\":\"P\",\"refId\":\"A\","
                + "\"relativeTimeRange\":{\"to\":0,\"from\":600.0}},{\"datasourceUid\":\"__expr__\",\"refId\":\"B\","
                + "\"relativeTimeRange\":{\"from\":0,\"to\":0},"
                + "\"model\":{\"conditions\":[{\"evaluator\":{\"params\":[0.50],\"type\":\"gt\"}}],\"expression\":\"A\","
                + "\"type\":\"threshold\",\"refId\":\"B\"}}]";
        assertTrue(equal(AlertingSupport.alertData(), compact, reordered));
        assertFalse(equal(AlertingSupport.alertData(), compact, compact.replace("0.5", "0.6")));
        assertFalse(equal(AlertingSupport.alertData(), compact, "not json"));
    }

    @Test
    void settingValuesRoundTrip() {
        assertTrue(AlertingSupport.settingJson("true").isBoolean());
        assertTrue(AlertingSupport.settingJson("{\"a\":1}").isObject());
        assertTrue(AlertingSupport.settingJson("{not json").isTextual());
        assertEquals("#ml", AlertingSupport.settingJson("#ml").asText());
        assertEquals("true", AlertingSupport.settingText(AlertingSupport.settingJson("true")));
        assertEquals("{\"a\":1}", AlertingSupport.settingText(AlertingSupport.settingJson("{\"a\":1}")));
    }

    @Test
    void importIds() {
        assertEquals(List.of("default", "ml", "group"), AlertingSupport.importParts("ml/group", 2, "default", "x"));
        assertEquals(List.of("staging", "ml", "group"), AlertingSupport.importParts("staging/ml/group", 2, "default", "x"));
        assertThrows(ProviderException.class, () -> AlertingSupport.importParts("a/b/c/d", 2, "default", "x"));
        assertThrows(ProviderException.class, () -> AlertingSupport.importParts("ml/", 2, "default", "x"));
    }
}
