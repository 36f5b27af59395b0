package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.http.ETags;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Status, Location and ETag of alerting responses. */
final class WriteResponses {
    private WriteResponses() {
    }

    static Response read(ObjectNode body, long version) {
        return ETags.tag(Response.ok(body), version).build();
    }

    static Response write(ObjectNode body, long version, boolean created, String location) {
        Response.ResponseBuilder b = created ? Response.created(URI.create(location)) : Response.ok();
        return ETags.tag(b, version).entity(body).build();
    }

    static String base(String env) {
        return "/api/v1/environments/" + env;
    }

    static String segment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
