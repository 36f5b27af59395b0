package io.dashplane.provider.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.framework.JsonSyntax;
import io.dashplane.provider.framework.ProviderException;

/** JSON text attributes: parsing configuration text and writing server JSON back as text. */
final class JsonText {
    private JsonText() {
    }

    static JsonNode parse(ObjectMapper mapper, String text, String attribute) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null) {
                throw new ProviderException(AttributePath.of(attribute), "Invalid JSON", attribute + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProviderException(AttributePath.of(attribute), "Invalid JSON",
                    attribute + " is not valid JSON " + JsonSyntax.describe(e));
        }
    }

    /** Like {@link #parse} for a sensitive attribute: the error never quotes the text. */
    static JsonNode parseSecret(ObjectMapper mapper, String text, String attribute) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node != null) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below without the parser's message, which quotes the input
        }
        throw new ProviderException(AttributePath.of(attribute), "Invalid JSON",
                attribute + " is not valid JSON; the value is sensitive and not shown");
    }

    static String write(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
