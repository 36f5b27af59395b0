package io.dashplane.server.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * JSON kept as text in columns (tags, pointers, jsonData, dashboards). Our own values always
 * serialize, and what we stored always parses, so a failure here is a bug or a corrupt database,
 * not bad input: it is an {@link IllegalStateException}.
 */
public final class JsonText {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final ObjectMapper mapper;

    public JsonText(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored JSON", e);
        }
    }

    public List<String> readStrings(String json) {
        return read(json, STRINGS);
    }

    public JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt stored JSON", e);
        }
    }
}
