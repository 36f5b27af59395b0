package io.dashplane.provider.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.DashplaneServer;
import io.dashplane.server.RunningServer;
import io.dashplane.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real config server on a real SQLite file in a temporary directory, plus a plain REST client for the
 * out-of-band changes a test makes behind the provider's back. Either started directly ({@link #start}) or,
 * in a test class, as {@code @RegisterExtension static final ConfigServer server = ConfigServer.perTestClass();}:
 * started before the class's first test in a fresh directory, stopped and deleted after its last.
 */
public final class ConfigServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private RunningServer server;
    private Path ownDirectory;
    private final HttpClient http = HttpClient.newHttpClient();

    private ConfigServer(RunningServer server) {
        this.server = server;
    }

    public static ConfigServer start(Path dataDir) {
        return new ConfigServer(DashplaneServer.start(ServerConfig.ephemeral(dataDir)));
    }

    /** A server of {@code config} (e.g. one of several replicas on one PostgreSQL database). */
    public static ConfigServer start(ServerConfig config) {
        return new ConfigServer(DashplaneServer.start(config));
    }

    /** A server for one test class, started and stopped by JUnit (register it as a static extension). */
    public static ConfigServer perTestClass() {
        return new ConfigServer(null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ownDirectory = Files.createTempDirectory("dashplane-it-");
        server = DashplaneServer.start(ServerConfig.ephemeral(ownDirectory));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> paths = Files.walk(ownDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** e.g. {@code http://127.0.0.1:41234}, the provider's {@code url}. */
    public String url() {
        String base = server.baseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The server-admin API token every ephemeral test server is bootstrapped with. */
    public String token() {
        return ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN;
    }

    /** The provider block pointing at this server. */
    public Map<String, Object> providerConfig() {
        return Map.of("url", url(), "token", token());
    }

    public record Response(int status, JsonNode body) {
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The object at an environment-relative path such as {@code folders/ml}; null when absent. */
    public JsonNode object(String path) {
        return object("default", path);
    }

    public JsonNode object(String environment, String path) {
        Response r = get("/api/v1/environments/" + environment + "/" + path);
        if (r.status() == 404) {
            return null;
        }
        if (r.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    public Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** A write in the default environment that must succeed. */
    public JsonNode write(String method, String path, Object body) {
        String full = "/api/v1/environments/default/" + path;
        Response r = switch (method) {
            case "PUT" -> put(full, body);
            case "POST" -> post(full, body);
            case "DELETE" -> delete(full);
            default -> throw new IllegalArgumentException(method);
        };
        if (r.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + full + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    /** Creates an environment and returns the provider block for it. */
    public Map<String, Object> newEnvironment(String name) {
        Response r = post("/api/v1/environments", Map.of("name", name));
        if (r.status() != 201) {
            throw new IllegalStateException("creating environment " + name + " answered " + r.status() + ": " + r.body());
        }
        return Map.of("url", url(), "token", token(), "environment", name);
    }

    /**
     * Requests the server has answered for one method and route template (such as
     * {@code /api/v1/environments/{env}/dashboards/{uid}}), over all statuses, from its {@code /metrics}.
     */
    public long requests(String method, String route) {
        String metrics;
        try {
            metrics = http.send(HttpRequest.newBuilder(uri("/metrics")).header("Authorization", "Bearer " + token())
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long sum = 0;
        for (String line : metrics.lines().map(String::strip).toList()) {
            if (line.startsWith("dashplane_http_requests_total{") && line.contains("method=\"" + method + "\"")
                    && line.contains("route=\"" + route + "\"")) {
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private URI uri(String path) {
        return URI.create(url() + path);
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? null : MAPPER.readTree(r.body());
            return new Response(r.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
