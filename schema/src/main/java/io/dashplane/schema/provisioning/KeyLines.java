package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the line of a key or array element by its path. Jackson reports errors of record binding where the
 * enclosing object ends; re-reading the text as tokens gives the line where the offending key is written.
 */
final class KeyLines {
    private KeyLines() {
    }

    /** The 1-based line of the first token at {@code path}, or -1 when it is not found. */
    static int lineOf(JsonFactory factory, String text, List<JsonMappingException.Reference> path) {
        List<Object> target = new ArrayList<>();
        for (JsonMappingException.Reference ref : path) {
            target.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                if (target.equals(pathOf(parser, token))) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** The 1-based line of the value or key at the RFC 6901 {@code pointer}, or -1; digit segments are indexes. */
    static int lineOfPointer(JsonFactory factory, String text, String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return -1;
        }
        List<Object> target = new ArrayList<>();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            target.add(name.matches("\\d+") ? (Object) Integer.parseInt(name) : name);
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                if (target.equals(pathOf(parser, token))) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static List<Object> pathOf(JsonParser parser, JsonToken token) {
        List<Object> path = new ArrayList<>();
        JsonStreamContext context = parser.getParsingContext();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            context = context.getParent(); // the new container's own context holds nothing yet
        }
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inObject()) {
                if (context.getCurrentName() == null) {
                    return List.of();
                }
                path.add(context.getCurrentName());
            } else {
                path.add(context.getCurrentIndex());
            }
        }
        Collections.reverse(path);
        return path;
    }
}
