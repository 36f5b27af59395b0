package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10 item 10: problem details name what was wrong and what is expected, never echo the submitted value. */
class ErrorTextsTest extends AlertingTestSupport {
    /**
     * Not a valid identifier, so it can only appear in an answer by being echoed. (Free-text names that address
     * an object, such as a rule group's or template's name, are named as given: docs/api.md.)
     */
    private static final String MARK = "q!echo<mark>";
    private static final String Q = URLEncoder.encode(MARK, StandardCharsets.UTF_8);

    @Test
    void problemDetailsNeverEchoSubmittedHeaderParameterOrPathValuesNorInternals() {
        seed(ENV);
        expect(201, api.post(ENV + "/dashboards", "{\"dashboard\":{\"uid\":\"d1\",\"title\":\"D1\"}}"));
        List<HttpRequest.Builder> requests = new ArrayList<>();
        requests.add(HttpRequest.newBuilder(api.uri(ENV + "/folders/ml")).header("If-Match", MARK).DELETE());
        requests.add(HttpRequest.newBuilder(api.uri(ENV + "/folders/ml?force=" + Q)).DELETE());
        requests.add(HttpRequest.newBuilder(api.uri("/api/v1/environments/" + Q + "/folders/f"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"F\"}")));
        requests.add(HttpRequest.newBuilder(api.uri(ENV + "/rule-groups/" + Q + "/g"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"interval\":\"1m\"}")));
        requests.add(HttpRequest.newBuilder(api.uri(ENV + "/folders/" + Q))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"F\"}")));
        requests.add(HttpRequest.newBuilder(api.uri(ENV + "/dashboards/d1")).header("If-Match", "\"" + MARK + "\"")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"dashboard\":{\"title\":\"D\"}}")));
        for (String path : List.of("/api/v1/environments?page=" + Q, "/api/v1/environments?perPage=" + Q,
                ENV + "/dashboards?page=" + Q, ENV + "/dashboards?page=-" + Q, "/api/v1/audit?since=" + Q,
                "/api/v1/audit?until=" + Q, ENV + "/export?format=" + Q, ENV + "/alerting/export?format=" + Q,
                ENV + "/alerting/export?decrypt=" + Q, ENV + "/dashboards/d1/versions?perPage=" + Q,
                ENV + "/dashboards/d1/versions/" + Q, ENV + "/alert-rules/r1/versions/" + Q,
                ENV + "/dashboards/" + Q, ENV + "/folders/" + Q, ENV + "/datasources/" + Q,
                "/api/v1/environments/" + Q, "/api/v1/environments/" + Q + "/dashboards",
                ENV + "/contact-points/" + Q, ENV + "/mute-timings/" + Q,
                ENV + "/notification-policy/routes/" + Q, "/api/v1/promotions/" + Q, "/api/v1/promotions/plans/" + Q,
                "/api/v1/service-accounts/" + Q, "/api/v1/nothing/" + Q)) {
            requests.add(HttpRequest.newBuilder(api.uri(path)).GET());
            requests.add(HttpRequest.newBuilder(api.uri(path)).DELETE());
        }
        List<String> echoes = new ArrayList<>();
        for (HttpRequest.Builder request : requests) {
            Api.Reply r = api.send(request);
            String uri = request.build().method() + " " + request.build().uri();
            if (r.status() < 400) {
                echoes.add(uri + " was accepted: " + r);
            } else if (r.body().contains("echo") || r.body().contains("mark")) {
                echoes.add(uri + " echoes: " + r);
            } else if (r.body().contains("io.dashplane") || r.body().contains("java.") || r.body().contains("Exception")) {
                echoes.add(uri + " leaks internals: " + r);
            }
        }
        assertEquals(List.of(), echoes);
    }

    @Test
    void malformedMediaTypeHeadersGetAProblemNamingTheHeaderNeverAnEmpty400OrA500() {
        List<String> failures = new ArrayList<>();
        String[][] cases = {{"Content-Type", "garbage//x"}, {"Content-Type", "application/json;q=abc"},
                {"Accept", "application/json;q=abc"}, {"Accept", "garbage//x"}, {"Accept", "application/json;q=2"}};
        for (String[] c : cases) {
            Api.Reply r = api.send(HttpRequest.newBuilder(api.uri(ENV + "/dashboards")).header(c[0], c[1])
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dashboard\": {\"title\": \"x\"}}")));
            if (r.status() != 400 || !"application/problem+json".equals(r.contentType())
                    || !r.json().path("detail").asText().contains("the " + c[0] + " header")
                    || r.body().contains(c[1])) {
                failures.add(c[0] + ": " + c[1] + " -> " + r);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(0, api.get(ENV + "/dashboards").json().get("total").asInt(), "nothing was written");
    }
}
