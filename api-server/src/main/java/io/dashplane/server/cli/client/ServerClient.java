package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dashplane.schema.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP side of the client commands: JSON requests to one server with its token; errors as {@link ProblemException}. */
final class ServerClient {
    static final String JSON = "application/json";
    static final String YAML = "application/yaml";
    private static final int PAGE = 1000;

    private final URI server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ServerClient(Connection connection) {
        this.server = connection.server();
        this.token = connection.token();
    }

    /** A path segment, percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The base path of an environment's objects. */
    static String envPath(String environment) {
        return "/api/v1/environments/" + segment(environment);
    }

    record Reply(int status, String body) {
        JsonNode json() throws ClientException {
            return parse(body);
        }
    }

    JsonNode get(String path) throws ClientException {
        return send("GET", path, null, null).json();
    }

    /** The object at path, or null when the server answers 404. */
    JsonNode find(String path) throws ClientException {
        Reply reply = exchange("GET", path, null, null, JSON);
        if (reply.status() == 404) {
            return null;
        }
        check("GET " + path, reply);
        return reply.json();
    }

    String getText(String path, String accept) throws ClientException {
        Reply reply = exchange("GET", path, null, null, accept);
        check("GET " + path, reply);
        return reply.body();
    }

    /** Every item of a paged list ({@code items}, {@code total}), or a plain JSON array. */
    ArrayNode list(String path) throws ClientException {
        ArrayNode all = Json.mapper().createArrayNode();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            JsonNode reply = get(path + separator + "page=" + page + "&perPage=" + PAGE);
            if (reply.isArray()) {
                all.addAll((ArrayNode) reply);
                return all;
            }
            JsonNode items = reply.path("items");
            items.forEach(all::add);
            if (items.size() < PAGE || all.size() >= reply.path("total").asLong()) {
                return all;
            }
        }
    }

    Reply send(String method, String path, String contentType, String body) throws ClientException {
        Reply reply = exchange(method, path, contentType, body, JSON);
        check(method + " " + path, reply);
        return reply;
    }

    Reply exchange(String method, String path, String contentType, String body, String accept) throws ClientException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .timeout(Duration.ofMinutes(10)).header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new ClientException("cannot connect to " + server + " (is the server running?)");
        } catch (IOException e) {
            throw new ClientException(method + " " + server + path + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
    }

    private static void check(String request, Reply reply) throws ClientException {
        if (reply.status() >= 400) {
            JsonNode problem;
            try {
                problem = parse(reply.body());
            } catch (ClientException e) {
                problem = null;
            }
            throw ProblemException.of(request, reply.status(), reply.body(), problem);
        }
    }

    static JsonNode parse(String body) throws ClientException {
        if (body == null || body.isBlank()) {
            return Json.mapper().nullNode();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ClientException("the server's answer is not JSON: " + e.getOriginalMessage());
        }
    }
}
