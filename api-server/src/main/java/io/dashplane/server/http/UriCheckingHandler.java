package io.dashplane.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Sits in front of Jersey's Grizzly container and answers a request whose URI is not a valid URI
 * (e.g. a broken percent escape such as {@code /dashboards/%ZZ}) with a 400 problem. Jersey would
 * otherwise fail while building the request URI, before any exception mapper can run, and Grizzly
 * would answer with a 500 HTML page. It also hands the client's address to the filters behind it.
 */
public final class UriCheckingHandler extends HttpHandler {
    /** Request property: the client's address, which Jersey's filters cannot see otherwise (e.g. to throttle). */
    public static final String CLIENT_ADDRESS = "io.dashplane.clientAddress";

    private static final String BODY = "{\"type\":\"" + ProblemException.TYPE_BASE + "malformed\","
            + "\"title\":\"Malformed request\",\"status\":400,\"detail\":\"the request URI is not a valid URI\"}";

    private final HttpHandler delegate;

    public UriCheckingHandler(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String query = request.getQueryString();
        try {
            new URI(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (URISyntaxException e) {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            response.setStatus(400);
            response.setContentType(Problems.MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        request.setAttribute(CLIENT_ADDRESS, request.getRemoteAddr());
        delegate.service(request, response);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }
}
