package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every alerting validation rule answers 422 with a pointer to the offending member. */
class AlertingValidationTest extends AlertingTestSupport {
    @BeforeEach
    void seedDefault() {
        seed(ENV);
    }

    @Test
    void validRuleIsAccepted() {
        expect(201, api.put(RULES + "/ok", rule("ok", "OK", "health", "")));
    }

    @Test
    void conditionMustNameARefId() {
        expectInvalid("/condition", api.put(RULES + "/r", rule("r", "R", "health", "").replace("\"condition\":\"C\"", "\"condition\":\"Z\"")));
    }

    @Test
    void queryDatasourceMustExist() {
        var reply = expectInvalid("/data/0/datasourceUid", api.put(RULES + "/r",
                rule("r", "R", "health", "").replace("\"datasourceUid\":\"Prometheus\"", "\"datasourceUid\":\"nope\"")));
        assertTrue(reply.body().contains("does not exist"), reply.toString());
    }

    @Test
    void expressionReferencesMustExistAndHaveNoCycle() {
        String cycle = rule("r", "R", "health", "")
                .replace("\"type\":\"reduce\",\"expression\":\"A\"", "\"type\":\"reduce\",\"expression\":\"C\"");
        var reply = api.put(RULES + "/r", cycle);
        assertEquals(422, reply.status(), reply.toString());
        assertTrue(reply.body().contains("cycle"), reply.toString());
        assertTrue(pointers(reply).stream().anyMatch(p -> p.matches("/data/[12]/model")), reply.toString());

        String missing = rule("r", "R", "health", "").replace("\"expression\":\"A\"", "\"expression\":\"Q\"");
        expectInvalid("/data/1/model/expression", api.put(RULES + "/r", missing));
    }

    @Test
    void durationsMustParse() {
        expectInvalid("/for", api.put(RULES + "/r", rule("r", "R", "health", "").replace("\"for\":\"5m\"", "\"for\":\"5 minutes\"")));
        expectInvalid("/keepFiringFor", api.put(RULES + "/r", rule("r", "R", "health", "\"keepFiringFor\":\"-1m\"")));
    }

    @Test
    void labelNamesMustBeValid() {
        expectInvalid("/labels/bad-label", api.put(RULES + "/r",
                rule("r", "R", "health", "").replace("\"labels\":{\"team\":\"ml\"}", "\"labels\":{\"bad-label\":\"x\"}")));
    }

    @Test
    void groupIntervalIsAPositiveMultipleOfTenSeconds() {
        expectInvalid("/interval", api.put(GROUPS + "/ml/fast", "{\"interval\":\"15s\"}"));
        expectInvalid("/interval", api.put(GROUPS + "/ml/zero", "{\"interval\":\"0s\"}"));
        expectInvalid("/interval", api.put(GROUPS + "/ml/none", "{}"));
        expectInvalid("/folderUid", api.put(GROUPS + "/nofolder/g", "{\"interval\":\"1m\"}"));
        expect(201, api.put(GROUPS + "/ml/slow", "{\"interval\":\"90s\"}"));
        assertEquals("60", expect(201, api.put(GROUPS + "/ml/seconds", "{\"interval\":60}")).json().get("interval").asText());
        expectInvalid("/interval", api.put(GROUPS + "/ml/odd", "{\"interval\":61}"));
    }

    @Test
    void pendingPeriodShorterThanTheGroupIntervalIsAWarning() {
        var short_ = expect(201, api.put(RULES + "/short", rule("short", "Short", "health", "").replace("\"for\":\"5m\"", "\"for\":\"30s\"")));
        var warnings = short_.json().get("warnings");
        assertEquals(1, warnings.size(), short_.toString());
        assertEquals("/for", warnings.get(0).get("pointer").asText());
        assertTrue(warnings.get(0).get("message").asText().contains("shorter than the rule group's interval (1m)"), short_.toString());

        var zero = expect(201, api.put(RULES + "/zero", rule("zero", "Zero", "health", "").replace("\"for\":\"5m\"", "\"for\":\"0s\"")));
        assertEquals(0, zero.json().get("warnings").size(), zero.toString());
        assertEquals(0, expect(201, api.put(RULES + "/ok", rule("ok", "OK", "health", ""))).json().get("warnings").size());
    }

    @Test
    void ruleNeedsAnExistingGroupAndFolder() {
        expectInvalid("/ruleGroup", api.put(RULES + "/r", rule("r", "R", "missing", "")));
        expectInvalid("/folderUID", api.put(RULES + "/r", rule("r", "R", "health", "").replace("\"folderUID\":\"ml\"", "\"folderUID\":\"gone\"")));
    }

    @Test
    void templatesMustBeBalanced() {
        expectInvalid("/annotations/summary", api.put(RULES + "/r", rule("r", "R", "health", "")
                .replace("drift of {{ $labels.model_name }}", "drift of {{ $labels.model_name")));
        expectInvalid("/template", api.put(TEMPLATES + "/t", "{\"template\":\"{{ define \\\"x\\\" }}no end\"}"));
        expect(201, api.put(TEMPLATES + "/t", "{\"template\":\"{{ define \\\"x\\\" }}ok{{ end }}\"}"));
    }

    @Test
    void integrationsNeedTheirRequiredSettings() {
        expectInvalid("/integrations/0/settings/integrationKey", api.post(CONTACT_POINTS,
                "{\"name\":\"pd\",\"integrations\":[{\"type\":\"pagerduty\",\"settings\":{}}]}"));
        expectInvalid("/integrations/0/settings/addresses", api.post(CONTACT_POINTS,
                "{\"name\":\"mail\",\"integrations\":[{\"type\":\"email\",\"settings\":{}}]}"));
        expectInvalid("/integrations/0/settings/url", api.post(CONTACT_POINTS,
                "{\"name\":\"hook\",\"integrations\":[{\"type\":\"webhook\",\"settings\":{\"url\":\"not a url\"}}]}"));
        expectInvalid("/integrations/0/type", api.post(CONTACT_POINTS,
                "{\"name\":\"x\",\"integrations\":[{\"type\":\"carrier-pigeon\",\"settings\":{}}]}"));
        expectInvalid("/integrations", api.post(CONTACT_POINTS, "{\"name\":\"empty\",\"integrations\":[]}"));
        for (String type : new String[] {"teams", "opsgenie", "telegram", "discord", "googlechat"}) {
            var reply = api.post(CONTACT_POINTS, "{\"name\":\"" + type + "\",\"integrations\":[{\"type\":\"" + type + "\",\"settings\":{}}]}");
            assertEquals(422, reply.status(), reply.toString());
            assertTrue(pointers(reply).stream().allMatch(p -> p.startsWith("/integrations/0/settings/")), reply.toString());
        }
    }

    @Test
    void matchersMustBeValid() {
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expectInvalid("/object_matchers/0/2", api.post(ROUTES, "{\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"=~\",\"((\"]]}"));
        var operator = api.post(ROUTES, "{\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"==\",\"ml\"]]}");
        assertEquals(422, operator.status(), operator.toString());
        assertTrue(pointers(operator).stream().allMatch(p -> p.startsWith("/object_matchers/0")), operator.toString());
        var shape = api.post(ROUTES, "{\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"=\"]]}");
        assertEquals(400, shape.status(), shape.toString());
        assertTrue(pointers(shape).get(0).startsWith("/object_matchers/0"), shape.toString());
        expect(201, api.post(ROUTES, "{\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"=~\",\"ml|data\"]]}"));
    }

    @Test
    void muteTimingsMustBeValid() {
        expectInvalid("/time_intervals/0/times/0/start_time", api.post(MUTE_TIMINGS,
                "{\"name\":\"m\",\"time_intervals\":[{\"times\":[{\"start_time\":\"25:00\",\"end_time\":\"26:00\"}]}]}"));
        var weekday = api.post(MUTE_TIMINGS, "{\"name\":\"m\",\"time_intervals\":[{\"weekdays\":[\"funday\"]}]}");
        assertEquals(422, weekday.status(), weekday.toString());
        assertTrue(pointers(weekday).get(0).startsWith("/time_intervals/0/weekdays"), weekday.toString());
        var location = api.post(MUTE_TIMINGS, "{\"name\":\"m\",\"time_intervals\":[{\"location\":\"Mars/Olympus\"}]}");
        assertEquals(422, location.status(), location.toString());
        expectInvalid("/name", api.post(MUTE_TIMINGS, "{\"time_intervals\":[]}"));
        expect(201, api.post(MUTE_TIMINGS, MAINTENANCE));
    }

    @Test
    void referencedContactPointsAndMuteTimingsMustExist() {
        expectInvalid("/receiver", api.put(POLICY, "{\"receiver\":\"nobody\"}"));
        expectInvalid("/receiver", api.post(ROUTES, "{\"receiver\":\"nobody\"}"));
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expectInvalid("/mute_time_intervals/0", api.post(ROUTES, "{\"receiver\":\"ml-slack\",\"mute_time_intervals\":[\"never\"]}"));
        expectInvalid("/notification_settings/receiver", api.put(RULES + "/r",
                rule("r", "R", "health", "\"notification_settings\":{\"receiver\":\"nobody\"}")));
        expectInvalid("/parentUid", api.post(ROUTES, "{\"receiver\":\"ml-slack\",\"parentUid\":\"missing\"}"));
        expectInvalid("/routes", api.post(ROUTES, "{\"receiver\":\"ml-slack\",\"routes\":[{\"receiver\":\"ml-slack\"}]}"));
        expectInvalid("/object_matchers", api.put(POLICY, "{\"receiver\":\"ml-slack\",\"object_matchers\":[[\"a\",\"=\",\"b\"]]}"));
    }

    @Test
    void recordingRulesAreValidatedToo() {
        String recording = """
                {"uid":"rec","title":"Recorded drift","folderUID":"ml","ruleGroup":"health",
                 "data":[{"refId":"A","relativeTimeRange":{"from":600,"to":0},"datasourceUid":"Prometheus",
                          "model":{"refId":"A","expr":"max(ml_data_drift_score)"}}],
                 "record":{"metric":"%s","from":"%s"}}""";
        var ok = expect(201, api.put(RULES + "/rec", recording.formatted("ml:drift:max", "A"))).json();
        assertEquals("ml:drift:max", ok.get("record").get("metric").asText());
        assertFalse(ok.has("condition"));
        expectInvalid("/record/metric", api.put(RULES + "/rec", recording.formatted("not a metric", "A")));
        expectInvalid("/record/from", api.put(RULES + "/rec", recording.formatted("ml:drift:max", "Z")));
    }

    @Test
    void malformedBodiesAre400WithPointers() {
        var wrongType = api.put(RULES + "/r", rule("r", "R", "health", "").replace("\"for\":\"5m\"", "\"for\":5"));
        assertEquals(400, wrongType.status(), wrongType.toString());
        assertEquals("/for", pointers(wrongType).get(0));
        var unknown = api.put(RULES + "/r", rule("r", "R", "health", "\"colour\":\"red\""));
        assertEquals(400, unknown.status(), unknown.toString());
        var version = api.put(RULES + "/r", rule("r", "R", "health", "\"version\":\"one\""));
        assertEquals(400, version.status(), version.toString());
        assertEquals("/version", pointers(version).get(0));
        assertEquals(400, api.put(RULES + "/r", "[1,2]").status());
        assertEquals(404, api.get("/api/v1/environments/nope/alert-rules").status());
    }
}
