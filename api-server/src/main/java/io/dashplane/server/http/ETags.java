package io.dashplane.server.http;

import io.dashplane.server.storage.ExpectedVersion;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** ETag / If-Match handling: the ETag is the quoted object version. */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static Response.ResponseBuilder tag(Response.ResponseBuilder builder, long version) {
        return builder.tag(of(version));
    }

    /**
     * The write precondition from If-Match (quotes optional, weak prefix tolerated, {@code *} = must exist),
     * else from a {@code version} field in the body, else none.
     */
    public static ExpectedVersion expected(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.trim();
            if (v.equals("*")) {
                return ExpectedVersion.ANY;
            }
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            try {
                return ExpectedVersion.exactly(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("If-Match",
                        "the If-Match header must be a version such as \"3\" or *");
            }
        }
        return bodyVersion == null ? ExpectedVersion.NONE : ExpectedVersion.exactly(bodyVersion);
    }
}
