package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.json.Json;
import io.dashplane.server.http.ProblemException;
import io.dashplane.server.http.RequestBodies;
import java.io.IOException;

/**
 * Request bodies of the alerting API: Grafana's JSON shape of the object, plus server-owned members
 * ({@code version}, {@code createdAt}, ...) that a client may send back from a GET and that are taken out
 * before the rest is read strictly.
 */
final class AlertingBodies {
    private static final String[] SERVER_OWNED = {"createdAt", "updatedAt", "warnings"};

    private final ObjectMapper mapper;

    AlertingBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A mutable copy of the body, which must be a JSON object, without the server-owned members. */
    ObjectNode object(JsonNode body) {
        RequestBodies.require(body);
        if (!body.isObject()) {
            throw ProblemException.malformed("", "the body must be a JSON object");
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        for (String member : SERVER_OWNED) {
            copy.remove(member);
        }
        return copy;
    }

    /** Removes and returns {@code version} (a whole number) from the body. */
    Long takeVersion(ObjectNode body) {
        JsonNode version = body.remove("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.canConvertToExactIntegral() || !version.isNumber()) {
            throw ProblemException.malformed("/version", "version must be a whole number");
        }
        return version.asLong();
    }

    /** Removes and returns a string member (null when absent or null). */
    String takeText(ObjectNode body, String member) {
        JsonNode value = body.remove(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.malformed("/" + member, "wrong type: expected a string");
        }
        return value.asText();
    }

    /** Removes and returns a whole-number member (null when absent or null). */
    Long takeLong(ObjectNode body, String member) {
        JsonNode value = body.remove(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ProblemException.malformed("/" + member, "wrong type: expected a whole number");
        }
        return value.asLong();
    }

    <T> T read(ObjectNode body, Class<T> type) throws IOException {
        return Json.treeToValue(mapper, body, type);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
