package io.dashplane.provider.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds request URLs below a server base URL with properly escaped path segments and query. */
public final class ApiUrl {
    private final String base;
    private final List<String> segments = new ArrayList<>();
    private final List<String[]> query = new ArrayList<>();

    private ApiUrl(String base) {
        this.base = base;
    }

    /** Starts at {@code <server url>/api/v1}. A path prefix of the server URL is kept. */
    public static ApiUrl api(URI serverUrl) {
        return root(serverUrl).path("api", "v1");
    }

    /** Starts at the server URL itself (for /healthz, /readyz). */
    public static ApiUrl root(URI serverUrl) {
        String text = serverUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return new ApiUrl(text);
    }

    /** Appends path segments, each escaped (a "/" inside a segment becomes %2F). */
    public ApiUrl path(String... segments) {
        for (String segment : segments) {
            if (segment == null || segment.isEmpty()) {
                throw new IllegalArgumentException("empty path segment");
            }
            this.segments.add(segment);
        }
        return this;
    }

    /** Adds a query parameter unless the value is null. */
    public ApiUrl query(String name, Object value) {
        if (value != null) {
            query.add(new String[] {name, value.toString()});
        }
        return this;
    }

    public URI toUri() {
        return URI.create(toString());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(base);
        for (String segment : segments) {
            out.append('/');
            if (segment.equals(".") || segment.equals("..")) {
                out.append(segment.replace(".", "%2E")); // keep dot segments from being resolved
            } else {
                escape(segment, out, false);
            }
        }
        char separator = '?';
        for (String[] parameter : query) {
            out.append(separator);
            escape(parameter[0], out, true);
            out.append('=');
            escape(parameter[1], out, true);
            separator = '&';
        }
        return out.toString();
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters. */
    private static void escape(String text, StringBuilder out, boolean inQuery) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else if (!inQuery && (c == ':' || c == '@')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
    }
}
