package io.dashplane.server.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.schema.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** GETs on one environment of a Dashplane server's native API, with a bearer token. */
public final class DashplaneClient {
    private static final ObjectMapper JSON = Json.mapper();
    private static final int PER_PAGE = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String env;
    private final String token;

    public DashplaneClient(URI server, String env, String token) {
        String s = server.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.env = env;
        this.token = token;
    }

    public String environment() {
        return env;
    }

    /** {@code GET /api/v1/environments/{env}/<path>} as JSON (numbers keep their spelling). */
    public JsonNode get(String path, Duration timeout) throws IOException, InterruptedException {
        URI uri = base.resolve("api/v1/environments/" + encode(env) + "/" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + problemDetail(response.body()));
        }
        return JSON.readTree(response.body());
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return get(path, Duration.ofSeconds(60));
    }

    /** Every item of a paged list ({@code {"items", "total", ...}}). */
    public List<JsonNode> all(String collection) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode answer = get(collection + "?perPage=" + PER_PAGE + "&page=" + page);
            answer.path("items").forEach(items::add);
            if (answer.path("items").size() < PER_PAGE || items.size() >= answer.path("total").asLong()) {
                return items;
            }
        }
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String problemDetail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String detail = problem.path("detail").asText(problem.path("title").asText(""));
            return detail.isEmpty() ? "" : ": " + detail;
        } catch (IOException e) {
            return "";
        }
    }
}
