package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Alerting API tests: a Prometheus datasource, a folder and a rule group to put rules in, plus request helpers. */
abstract class AlertingTestSupport extends ServerTestSupport {
    static final String RULES = ENV + "/alert-rules";
    static final String GROUPS = ENV + "/rule-groups";
    static final String CONTACT_POINTS = ENV + "/contact-points";
    static final String POLICY = ENV + "/notification-policy";
    static final String ROUTES = POLICY + "/routes";
    static final String MUTE_TIMINGS = ENV + "/mute-timings";
    static final String TEMPLATES = ENV + "/templates";

    /** Datasource "Prometheus", folder "ml" and rule group ml/health (1m) in {@code envPath}. */
    void seed(String envPath) {
        expect(201, api.post(envPath + "/datasources",
                "{\"uid\":\"Prometheus\",\"name\":\"Prometheus\",\"type\":\"prometheus\",\"url\":\"http://prometheus:9090\"}"));
        expect(201, api.post(envPath + "/folders", "{\"uid\":\"ml\",\"title\":\"Machine learning\"}"));
        expect(201, api.put(envPath + "/rule-groups/ml/health", "{\"interval\":\"1m\"}"));
    }

    /** A threshold alert rule on a Prometheus query: A (query) -> B (reduce) -> C (threshold). */
    static String rule(String uid, String title, String group, String extra) {
        return """
                {"uid":"%s","title":"%s","folderUID":"ml","ruleGroup":"%s","condition":"C",
                 "data":[
                   {"refId":"A","relativeTimeRange":{"from":600,"to":0},"datasourceUid":"Prometheus",
                    "model":{"refId":"A","expr":"max(ml_data_drift_score) by (model_name)","instant":true}},
                   {"refId":"B","datasourceUid":"__expr__","model":{"refId":"B","type":"reduce","expression":"A","reducer":"last"}},
                   {"refId":"C","datasourceUid":"__expr__","model":{"refId":"C","type":"threshold","expression":"B",
                    "conditions":[{"evaluator":{"type":"gt","params":[0.25]}}]}}],
                 "for":"5m","labels":{"team":"ml"},"annotations":{"summary":"drift of {{ $labels.model_name }}"}%s}"""
                .formatted(uid, title, group, extra.isEmpty() ? "" : "," + extra);
    }

    static final String SLACK = """
            {"uid":"slack","name":"ml-slack","integrations":[{"uid":"slack-1","type":"slack",
             "settings":{"url":"https://hooks.slack.com/services/T0/B0/SECRETSLACKTOKEN","recipient":"#ml"}}]}""";

    static final String MAINTENANCE = """
            {"uid":"maint","name":"weekly-maintenance","time_intervals":[{"times":[{"start_time":"02:00","end_time":"04:00"}],
             "weekdays":["sunday"],"location":"UTC"}]}""";

    Api.Reply post(String path, String body, String contentType) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Api.Reply deleteIfMatch(String path, String ifMatch) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("If-Match", ifMatch).DELETE());
    }

    static Api.Reply expect(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        return reply;
    }

    /** Asserts a 422 whose findings include {@code pointer}; returns the reply. */
    static Api.Reply expectInvalid(String pointer, Api.Reply reply) {
        assertEquals(422, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.contentType(), reply.toString());
        assertTrue(pointers(reply).contains(pointer), "expected pointer " + pointer + " in " + reply);
        return reply;
    }

    static List<String> pointers(Api.Reply reply) {
        List<String> pointers = new ArrayList<>();
        JsonNode errors = reply.json().path("errors");
        errors.forEach(e -> pointers.add(e.path("pointer").asText()));
        return pointers;
    }

    static String readExample(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("examples/alerting").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return read(candidate);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("examples/alerting/" + name + " not found");
    }
}
