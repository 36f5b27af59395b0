package io.dashplane.provider.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Set;

/** Sends requests with authentication, timeouts and retries; maps failures to exceptions. */
final class ApiTransport {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
    private static final String USER_AGENT = "terraform-provider-dashplane/0.1.0";

    private final ClientConfig config;
    private final ObjectMapper mapper;
    private final Backoff backoff;
    private final HttpClient http;

    ApiTransport(ClientConfig config, ObjectMapper mapper, Backoff backoff) {
        this.config = config;
        this.mapper = mapper;
        this.backoff = backoff;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!config.tls().isDefault()) {
            builder.sslContext(TlsContexts.create(config.tls()));
        }
        this.http = builder.build();
    }

    /**
     * Sends the request, retrying connection failures (always when nothing was sent, otherwise only
     * for idempotent methods) and 429/502/503/504 for idempotent methods. Returns every answer
     * the server gave last, error statuses included.
     */
    ApiResponse send(String method, URI uri, JsonNode body, String ifMatch) {
        HttpRequest request = buildRequest(method, uri, body, ifMatch);
        boolean idempotent = IDEMPOTENT.contains(method);
        for (int attempt = 0; ; attempt++) {
            boolean mayRetry = attempt < config.retries();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (mayRetry && idempotent && RETRYABLE_STATUS.contains(response.statusCode())) {
                    pause(attempt, retryAfter(response));
                    continue;
                }
                return toApiResponse(method, uri, response);
            } catch (HttpConnectTimeoutException | ConnectException e) {
                if (!mayRetry) {
                    throw unreachable(uri, e);
                }
            } catch (SSLException e) {
                throw new DashplaneUnreachableException("TLS connection to the Dashplane server at "
                        + config.url() + " failed: " + reason(e), e);
            } catch (HttpTimeoutException e) {
                if (!mayRetry || !idempotent) {
                    throw new DashplaneUnreachableException("the Dashplane server at " + config.url()
                            + " did not answer " + method + " " + uri.getRawPath() + " within " + config.timeout(), e);
                }
            } catch (IOException e) {
                if (hasCause(e, SSLException.class)) {
                    throw new DashplaneUnreachableException("TLS connection to the Dashplane server at "
                            + config.url() + " failed: " + reason(e), e);
                }
                if (!mayRetry || !idempotent) {
                    throw unreachable(uri, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DashplaneException("interrupted while calling the Dashplane server", e);
            }
            pause(attempt, OptionalLong.empty());
        }
    }

    private HttpRequest buildRequest(String method, URI uri, JsonNode body, String ifMatch) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT);
        if (config.token() != null) {
            builder.header("Authorization", "Bearer " + config.token());
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (body != null) {
            try {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                throw new DashplaneException("cannot serialize the request body: " + e.getOriginalMessage(), e);
            }
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private ApiResponse toApiResponse(String method, URI uri, HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        JsonNode json = null;
        if (bytes != null && bytes.length > 0) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try {
                json = mapper.readTree(bytes);
            } catch (IOException e) {
                if (response.statusCode() < 300 || contentType.contains("json")) {
                    throw new DashplaneException(method + " " + uri + ": the server answered HTTP "
                            + response.statusCode() + " with a body that is not JSON: " + preview(bytes), e);
                }
                // an error page of a proxy or load balancer: keep its text for the message
                json = mapper.createObjectNode().put("detail", preview(bytes));
            }
        }
        return new ApiResponse(method, uri.toString(), response.statusCode(), json, response.headers());
    }

    /** The exception for an error response: auth failures apart, the rest with their problem. */
    static DashplaneApiException errorOf(ApiResponse response) {
        Problem problem = Problem.fromJson(response.body(), response.status());
        if (response.status() == 401 || response.status() == 403) {
            return new DashplaneAuthException(response.method(), response.url(), problem);
        }
        return new DashplaneApiException(response.method(), response.url(), problem);
    }

    private DashplaneUnreachableException unreachable(URI uri, Exception e) {
        return new DashplaneUnreachableException("cannot reach the Dashplane server at " + config.url() + ": "
                + reason(e) + " (" + uri.getRawPath() + ")", e);
    }

    /** The most specific message in a cause chain, e.g. "Connection refused". */
    static String reason(Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return reason != null ? reason : e.getClass().getSimpleName();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void pause(int attempt, OptionalLong retryAfterSeconds) {
        try {
            Thread.sleep(backoff.delay(attempt, retryAfterSeconds).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DashplaneException("interrupted while waiting to retry a call to the Dashplane server", e);
        }
    }

    private static OptionalLong retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,6}"))
                .map(value -> OptionalLong.of(Long.parseLong(value.trim())))
                .orElse(OptionalLong.empty());
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 500), StandardCharsets.UTF_8).strip();
        return bytes.length > 500 ? text + "..." : text;
    }
}
