package io.dashplane.schema.json;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;

/**
 * The JSON configuration shared by server and provider. Content is kept as written: numbers keep their
 * spelling ({@link SpelledNumber}; floats are otherwise exact BigDecimals with trailing zeros), and text that
 * is not valid Unicode is refused rather than altered ({@link JsonReadFailure}, which also says where any
 * read failure is).
 */
public final class Json {
    /** Deeper documents are rejected while parsing; real dashboards nest about 10 levels. */
    public static final int MAX_NESTING_DEPTH = 128;

    private static final ObjectMapper MAPPER = newMapper();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper newMapper() {
        JsonFactoryBuilder factory = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build());
        return JsonMapper.builder(new CheckedJsonFactory(factory))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .addModule(contentModule())
                .findAndAddModules()
                .build();
    }

    /** For mappers of other formats (YAML): JSON trees keep the spelling of numbers written as JSON numbers. */
    public static SimpleModule contentModule() {
        SimpleModule module = new SimpleModule("dashplane-content");
        addTreeDeserializer(module, JsonNode.class);
        addTreeDeserializer(module, ObjectNode.class);
        addTreeDeserializer(module, ArrayNode.class);
        return module;
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> void addTreeDeserializer(SimpleModule module, Class<T> type) {
        module.addDeserializer(type, (JsonDeserializer<T>) (JsonDeserializer<?>) new SpellingTreeDeserializer(type));
    }

    /**
     * {@code tree} read as a {@code type}, keeping number spellings in the tree's {@link JsonNode} members
     * (Jackson's own tree-to-value conversion reads numbers by value).
     */
    public static <T> T treeToValue(ObjectMapper mapper, JsonNode tree, Class<T> type) throws IOException {
        TokenBuffer buffer = new TokenBuffer(mapper, false);
        mapper.writeTree(buffer, tree);
        try (JsonParser parser = buffer.asParser(mapper)) {
            return mapper.readerFor(type).readValue(parser);
        }
    }
}
