package io.dashplane.server.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** RFC 6901 pointers. */
public final class JsonPointers {
    private JsonPointers() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of the field a Jackson mapping failure happened at. */
    public static String of(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            sb.append('/');
            if (ref.getFieldName() != null) {
                sb.append(escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append(ref.getIndex());
            } else {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
