package io.dashplane.server.grafana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Grafana answers a dashboard with its server-owned {@code id}, {@code uid} and {@code version} inside the JSON
 * model. Dashplane stores the model as written, so the door sets those three on the way out: a streaming copy of
 * the stored text that keeps every other member, and every number's spelling, as stored.
 */
final class DashboardJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DashboardJson() {
    }

    /** The stored object with {@code first} written first and replacing members of the same names. */
    static String withMembers(String storedObject, Map<String, Object> first) {
        StringWriter out = new StringWriter(storedObject.length() + 64);
        try (JsonParser p = FACTORY.createParser(storedObject); JsonGenerator g = FACTORY.createGenerator(out)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a stored dashboard is a JSON object");
            }
            g.writeStartObject();
            for (Map.Entry<String, Object> e : first.entrySet()) {
                g.writeFieldName(e.getKey());
                writeScalar(g, e.getValue());
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (first.containsKey(name)) {
                    p.skipChildren();
                    continue;
                }
                g.writeFieldName(name);
                copy(p, g);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeScalar(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Number n) {
            g.writeNumber(n.toString());
        } else {
            g.writeString(value.toString());
        }
    }

    /** Copies the value at the parser's current token; numbers keep their text. */
    private static void copy(JsonParser p, JsonGenerator g) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                g.writeStartObject();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    g.writeFieldName(p.currentName());
                    p.nextToken();
                    copy(p, g);
                }
                g.writeEndObject();
            }
            case START_ARRAY -> {
                g.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    copy(p, g);
                }
                g.writeEndArray();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
            default -> g.copyCurrentEvent(p);
        }
    }
}
