package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alerting writes read typed bodies: Grafana's shapes and what a GET answers are accepted back unchanged;
 * unknown members, members of the wrong type and bodies that are no JSON object are 400 with a pointer.
 */
class AlertingRequestBodiesTest extends AlertingTestSupport {
    private static final String ROUTE = "{\"uid\":\"ml-route\",\"receiver\":\"ml-slack\",\"object_matchers\":[[\"team\",\"=\",\"ml\"]]}";
    private static final String TEMPLATE = "{\"template\":\"{{ define \\\"ml.title\\\" }}ML{{ end }}\"}";

    @BeforeEach
    void seedObjects() {
        seed(ENV);
        expect(201, api.put(RULES + "/drift", rule("drift", "Drift", "health", "")));
        expect(201, api.post(CONTACT_POINTS, SLACK));
        expect(201, api.put(POLICY, "{\"receiver\":\"ml-slack\",\"group_by\":[\"alertname\"]}"));
        expect(201, api.post(ROUTES, ROUTE));
        expect(201, api.post(MUTE_TIMINGS, MAINTENANCE));
        expect(201, api.put(TEMPLATES + "/ml", TEMPLATE));
    }

    /** Each write path with a valid body for it. */
    private static Map<String, String> writes() {
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("PUT " + GROUPS + "/ml/health", "{\"interval\":\"1m\"}");
        writes.put("PUT " + RULES + "/drift", rule("drift", "Drift", "health", ""));
        writes.put("POST " + RULES, rule("other", "Other", "health", ""));
        writes.put("POST " + CONTACT_POINTS, SLACK.replace("\"slack\"", "\"slack2\"").replace("ml-slack", "ml-slack-2"));
        writes.put("PUT " + CONTACT_POINTS + "/slack", SLACK);
        writes.put("PUT " + POLICY, "{\"receiver\":\"ml-slack\"}");
        writes.put("POST " + ROUTES, "{\"receiver\":\"ml-slack\"}");
        writes.put("PUT " + ROUTES + "/ml-route", ROUTE);
        writes.put("POST " + MUTE_TIMINGS, MAINTENANCE.replace("\"maint\"", "\"maint2\"").replace("weekly-", "other-"));
        writes.put("PUT " + MUTE_TIMINGS + "/maint", MAINTENANCE);
        writes.put("PUT " + MUTE_TIMINGS + "/name/weekly-maintenance", MAINTENANCE);
        writes.put("PUT " + TEMPLATES + "/ml", TEMPLATE);
        return writes;
    }

    private Api.Reply write(String methodAndPath, String body) {
        String[] parts = methodAndPath.split(" ", 2);
        return parts[0].equals("POST") ? api.post(parts[1], body) : api.put(parts[1], body);
    }

    @Test
    void whatAGetAnswersIsAcceptedBackByThePutUnchanged() {
        for (String path : List.of(GROUPS + "/ml/health", RULES + "/drift", CONTACT_POINTS + "/slack", ROUTES + "/ml-route",
                MUTE_TIMINGS + "/maint", MUTE_TIMINGS + "/name/weekly-maintenance", TEMPLATES + "/ml")) {
            var read = expect(200, api.get(path));
            var written = api.put(path, read.body(), read.header("ETag"));
            assertEquals(200, written.status(), path + ": " + written);
            assertEquals(read.json().get("version"), written.json().get("version"), path + " is unchanged: " + written);
        }
        var secrets = expect(200, api.get(CONTACT_POINTS + "/slack")).json().at("/integrations/0/secureFields");
        assertTrue(secrets.path("url").asBoolean(), "the omitted secret is kept: " + secrets);
    }

    @Test
    void grafanaMembersTheServerOwnsAreAcceptedAndDropped() {
        String grafanaRule = rule("drift", "Drift", "health",
                "\"id\":12,\"orgID\":1,\"updated\":\"2024-05-01T10:00:00Z\",\"provenance\":\"api\"");
        expect(200, api.put(RULES + "/drift", grafanaRule));
        expect(200, api.put(POLICY, "{\"receiver\":\"ml-slack\",\"group_by\":[\"alertname\"],\"provenance\":\"file\"}"));
        expect(200, api.put(TEMPLATES + "/ml", TEMPLATE.replace("{\"template\"", "{\"provenance\":\"api\",\"template\"")));
        expect(201, api.put(GROUPS + "/ml/grafana", "{\"title\":\"grafana\",\"interval\":60,\"rules\":[]}"));
        var receivers = expect(201, api.post(CONTACT_POINTS, "{\"name\":\"hook\",\"receivers\":[{\"type\":\"webhook\","
                + "\"settings\":{\"url\":\"https://example.com/hook\"}}]}"));
        assertEquals("webhook", receivers.json().at("/integrations/0/type").asText(), receivers.toString());
    }

    @Test
    void anUnknownMemberIsA400NamingItOnEveryWrite() {
        writes().forEach((write, body) -> {
            var reply = write(write, body.replaceFirst("\\{", "{\"colour\":\"red\","));
            assertMalformed(write, reply, "/colour", "unknown field 'colour'");
        });
        assertMalformed("root", api.put(POLICY, "{\"receiver\":\"ml-slack\",\"position\":1}"), "/position",
                "unknown field 'position'");
        assertMalformed("integration", api.put(CONTACT_POINTS + "/slack",
                SLACK.replace("\"type\":\"slack\"", "\"type\":\"slack\",\"colour\":\"red\"")),
                "/integrations/0/colour", "unknown field 'colour'");
    }

    @Test
    void aMemberOfTheWrongTypeIsA400AtThatMember() {
        assertMalformed("version", api.put(RULES + "/drift", rule("drift", "Drift", "health", "\"version\":\"one\"")),
                "/version", "wrong type: expected a whole number");
        assertMalformed("position", api.put(ROUTES + "/ml-route", ROUTE.replace("{", "{\"position\":1.5,")),
                "/position", "wrong type: expected a whole number");
        assertMalformed("interval", api.put(GROUPS + "/ml/health", "{\"interval\":true}"), "/interval",
                "wrong type: expected a string");
        assertMalformed("integrations", api.post(CONTACT_POINTS, "{\"name\":\"x\",\"integrations\":{}}"),
                "/integrations", "wrong type: expected an array");
        assertMalformed("template", api.put(TEMPLATES + "/ml", "{\"template\":5}"), "/template",
                "wrong type: expected a string");
        assertMalformed("mute timing uid", api.post(MUTE_TIMINGS, "{\"uid\":5,\"name\":\"n\",\"time_intervals\":[]}"),
                "/uid", "wrong type: expected a string");
    }

    @Test
    void aBodyThatIsNoJsonObjectIsA400() {
        writes().keySet().forEach(write -> {
            assertMalformed(write, write(write, "[1,2]"), "", "wrong type: expected an object");
            var empty = write(write, "");
            assertEquals(400, empty.status(), write + ": " + empty);
            assertTrue(empty.contentType().startsWith("application/problem+json"), write + ": " + empty);
        });
    }

    @Test
    void aMuteTimingCreatedWithAnInvalidUidIsA422SayingWhatIsWrongWithIt() {
        var reply = expectInvalid("/uid", api.post(MUTE_TIMINGS, MAINTENANCE.replace("\"maint\"", "\"main tenance\"")));
        assertEquals("uid may contain only letters, digits, '-' and '_'", reply.json().at("/errors/0/message").asText(),
                reply.toString());
        expectInvalid("/uid", api.post(MUTE_TIMINGS, MAINTENANCE.replace("\"maint\"", "\"" + "m".repeat(41) + "\"")));
    }

    @Test
    void theOpenApiDescriptionShowsTheMembersOfEachAlertingWriteBody() {
        var openapi = expect(200, api.get("/openapi.json")).json();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("post /alert-rules", List.of("uid", "title", "folderUID", "data", "for", "notification_settings", "version"));
        expected.put("put /contact-points/{uid}", List.of("name", "integrations", "version"));
        expected.put("put /notification-policy", List.of("receiver", "group_by", "object_matchers", "version"));
        expected.put("post /notification-policy/routes", List.of("uid", "parentUid", "position", "receiver", "version"));
        expected.put("post /mute-timings", List.of("uid", "name", "time_intervals", "version"));
        expected.put("put /templates/{name}", List.of("template", "version"));
        expected.put("put /rule-groups/{folderUid}/{name}", List.of("interval", "version"));
        expected.forEach((operation, members) -> {
            String[] parts = operation.split(" ", 2);
            var body = openapi.path("paths").path("/api/v1/environments/{env}" + parts[1]).path(parts[0])
                    .path("requestBody").path("content").path("application/json").path("schema");
            String ref = body.path("$ref").asText();
            assertTrue(ref.startsWith("#/components/schemas/"), operation + ": " + body);
            var properties = openapi.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1))
                    .path("properties");
            members.forEach(member -> assertTrue(properties.has(member), operation + " lists " + member + ": " + properties));
        });
    }

    private static void assertMalformed(String what, Api.Reply reply, String pointer, String message) {
        assertEquals(400, reply.status(), what + ": " + reply);
        assertTrue(reply.contentType().startsWith("application/problem+json"), what + ": " + reply);
        ObjectNode error = (ObjectNode) reply.json().get("errors").get(0);
        assertEquals(pointer, error.get("pointer").asText(), what + ": " + reply);
        assertEquals(message, error.get("message").asText(), what + ": " + reply);
    }
}
