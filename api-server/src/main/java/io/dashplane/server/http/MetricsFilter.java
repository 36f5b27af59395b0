package io.dashplane.server.http;

import static net.logstash.logback.argument.StructuredArguments.value;

import io.dashplane.server.metrics.HttpMetrics;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request, records it by route template and status, and writes one access log line
 * (method, route template, status, duration; never bodies, query strings or headers).
 */
@PreMatching
@Priority(0)
public final class MetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.dashplane.server.access");
    private static final String START = MetricsFilter.class.getName() + ".start";

    private final HttpMetrics metrics;

    public MetricsFilter(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        long nanos = start instanceof Long s ? System.nanoTime() - s : 0L;
        String route = route(request);
        int status = response.getStatus();
        metrics.record(request.getMethod(), route, status, nanos / 1e9);
        if (ACCESS.isInfoEnabled()) {
            ACCESS.info("{} {} {} {}ms", value("method", request.getMethod()), value("route", route),
                    value("status", status), value("durationMs", nanos / 1_000_000));
        }
    }

    private static String route(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo info)) {
            return "unmatched";
        }
        List<UriTemplate> templates = new ArrayList<>(info.getMatchedTemplates());
        if (templates.isEmpty()) {
            return "unmatched";
        }
        Collections.reverse(templates);
        StringBuilder sb = new StringBuilder();
        for (UriTemplate t : templates) {
            String s = t.getTemplate();
            if (!s.startsWith("/") && (sb.length() == 0 || sb.charAt(sb.length() - 1) != '/')) {
                sb.append('/');
            }
            sb.append(s);
        }
        return sb.toString().replace("//", "/");
    }
}
