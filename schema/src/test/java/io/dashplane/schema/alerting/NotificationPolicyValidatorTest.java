package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import io.dashplane.schema.validation.ValidationReport;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static io.dashplane.schema.alerting.Findings.assertSingleError;
import static io.dashplane.schema.alerting.Findings.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NotificationPolicyValidatorTest {
    static final NotificationLookup LOOKUP = new NotificationLookup() {
        @Override
        public boolean contactPointExists(String name) {
            return name.equals("ml-slack") || name.equals("ml-pagerduty") || name.equals("default-email");
        }

        @Override
        public boolean timeIntervalExists(String name) {
            return name.equals("weekly-maintenance") || name.equals("business-hours");
        }
    };

    static final String TREE = """
            {
              "receiver": "default-email",
              "group_by": ["grafana_folder", "alertname"],
              "group_wait": "30s", "group_interval": "5m", "repeat_interval": "4h",
              "provenance": "api",
              "routes": [
                {
                  "receiver": "ml-slack",
                  "object_matchers": [["team", "=", "ml"]],
                  "group_by": ["..."],
                  "mute_time_intervals": ["weekly-maintenance"],
                  "continue": true,
                  "routes": [
                    {"receiver": "ml-pagerduty", "matchers": ["severity=~\\"critical|page\\""], "repeat_interval": "1h",
                     "active_time_intervals": ["business-hours"]}
                  ]
                },
                {"receiver": "ml-slack", "match": {"service": "feature-store"}, "match_re": {"env": "prod|staging"}}
              ]
            }
            """;

    private final NotificationPolicyValidator validator = new NotificationPolicyValidator();

    ValidationReport validate(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode node = (ObjectNode) Json.mapper().readTree(TREE);
        edit.accept(node);
        return validator.validateTree(Json.mapper().treeToValue(node, Route.class), "", LOOKUP);
    }

    static ObjectNode child(ObjectNode root, int... path) {
        ObjectNode node = root;
        for (int index : path) {
            node = (ObjectNode) node.get("routes").get(index);
        }
        return node;
    }

    @Test
    void realisticTreeIsValid() throws Exception {
        assertValid(validate(r -> { }));
    }

    @Test
    void jsonRoundTrip() throws Exception {
        Route route = Json.mapper().readValue(TREE, Route.class);
        String written = Json.mapper().writeValueAsString(route);
        assertEquals(route, Json.mapper().readValue(written, Route.class));
        ObjectNode expected = (ObjectNode) Json.mapper().readTree(TREE);
        expected.remove("provenance");
        assertEquals(expected, Json.mapper().readTree(written));
        assertEquals(new LabelMatcher("team", "=", "ml"), route.routes().get(0).objectMatchers().get(0));
        assertNull(route.routes().get(0).withoutRoutes().routes());
    }

    @Test
    void rootRules() throws Exception {
        assertSingleError(validate(r -> r.remove("receiver")), "/receiver", "root policy needs a receiver");
        assertSingleError(validate(r -> r.putArray("object_matchers").addArray().add("a").add("=").add("b")),
                "/object_matchers", "must not have matchers");
        assertSingleError(validate(r -> r.putArray("mute_time_intervals").add("weekly-maintenance")),
                "/mute_time_intervals", "root policy cannot have mute timings");
        assertSingleError(validate(r -> r.putArray("active_time_intervals").add("business-hours")),
                "/active_time_intervals", "active time intervals");
        assertSingleError(validate(r -> r.put("continue", true)), "/continue", "continue");
    }

    @Test
    void receiversMustExist() throws Exception {
        assertSingleError(validate(r -> child(r, 0, 0).put("receiver", "ml-opsgenie")), "/routes/0/routes/0/receiver",
                "contact point 'ml-opsgenie' does not exist");
        assertSingleError(validate(r -> r.put("receiver", "nobody")), "/receiver", "'nobody'");
        assertValid(validate(r -> child(r, 1).remove("receiver")));
    }

    @Test
    void durations() throws Exception {
        assertSingleError(validate(r -> r.put("group_wait", "30 s")), "/group_wait", "group_wait:");
        assertSingleError(validate(r -> child(r, 0).put("group_interval", "0s")), "/routes/0/group_interval", "greater than zero");
        assertSingleError(validate(r -> child(r, 0, 0).put("repeat_interval", "forever")), "/routes/0/routes/0/repeat_interval",
                "repeat_interval:");
        assertValid(validate(r -> r.put("group_wait", "0s")));
    }

    @Test
    void groupBy() throws Exception {
        assertSingleError(validate(r -> ((ArrayNode) r.get("group_by")).add("team-name")), "/group_by/2", "label name");
        assertSingleError(validate(r -> ((ArrayNode) r.get("group_by")).add("...")), "/group_by/2", "only entry");
        assertSingleError(validate(r -> ((ArrayNode) r.get("group_by")).add("alertname")), "/group_by/2", "more than once");
    }

    @Test
    void objectMatchers() throws Exception {
        assertSingleError(validate(r -> ((ArrayNode) child(r, 0).get("object_matchers")).addArray().add("team").add("==").add("x")),
                "/routes/0/object_matchers/1/1", "one of =, !=, =~, !~");
        assertSingleError(validate(r -> ((ArrayNode) child(r, 0).get("object_matchers")).addArray().add("team").add("=~").add("ml(")),
                "/routes/0/object_matchers/1/2", "does not compile");
        assertSingleError(validate(r -> ((ArrayNode) child(r, 0).get("object_matchers")).addArray().add("").add("=").add("x")),
                "/routes/0/object_matchers/1/0", "must not be empty");
        assertValid(validate(r -> ((ArrayNode) child(r, 0).get("object_matchers")).addArray().add("service_id-X").add("!~").add("a|b")));
    }

    @Test
    void stringMatchers() throws Exception {
        assertSingleError(validate(r -> ((ArrayNode) child(r, 0, 0).get("matchers")).add("severity critical")),
                "/routes/0/routes/0/matchers/1", "is not a matcher");
        assertSingleError(validate(r -> ((ArrayNode) child(r, 0, 0).get("matchers")).add("severity=~\"[\"")),
                "/routes/0/routes/0/matchers/1", "does not compile");
    }

    @Test
    void legacyMatch() throws Exception {
        assertSingleError(validate(r -> ((ObjectNode) child(r, 1).get("match_re")).put("env", "prod(")),
                "/routes/1/match_re/env", "does not compile");
        assertSingleError(validate(r -> ((ObjectNode) child(r, 1).get("match")).put("bad-name", "x")),
                "/routes/1/match/bad-name", "label name");
    }

    @Test
    void timeIntervalsMustExist() throws Exception {
        assertSingleError(validate(r -> ((ArrayNode) child(r, 0).get("mute_time_intervals")).add("holidays")),
                "/routes/0/mute_time_intervals/1", "'holidays' does not exist");
        assertSingleError(validate(r -> ((ArrayNode) child(r, 0, 0).get("active_time_intervals")).add("nights")),
                "/routes/0/routes/0/active_time_intervals/1", "'nights'");
    }

    @Test
    void singleRouteMayHaveMatchersAndMuteTimings() throws Exception {
        Route route = Json.mapper().treeToValue(child((ObjectNode) Json.mapper().readTree(TREE), 0), Route.class);
        assertValid(validator.validateRoute(route, "", LOOKUP));
        assertSingleError(validator.validateRoute(route.withRoutes(java.util.List.of(new Route("nobody", null, null, null,
                null, null, null, null, null, null, null, null, null))), "/route", LOOKUP), "/route/routes/0/receiver", "'nobody'");
    }
}
