package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dashplane.schema.json.Json;

import java.io.IOException;

/**
 * Reads and writes {@link ProvisioningFile}s as YAML or JSON. Writing orders map entries (labels,
 * annotations, settings written from maps) by key; query models are written as stored.
 * Parse errors are Jackson exceptions whose path names the offending field.
 */
public final class ProvisioningFiles {
    private static final ObjectMapper YAML = yamlMapper();
    private static final ObjectMapper JSON = Json.newMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ProvisioningFiles() {
    }

    public static ProvisioningFile readYaml(String text) throws IOException {
        return YAML.readValue(text, ProvisioningFile.class);
    }

    public static ProvisioningFile readJson(String text) throws IOException {
        return Json.mapper().readValue(text, ProvisioningFile.class);
    }

    /** Reads JSON when the text starts with '{', YAML otherwise (YAML is a superset, but JSON errors read better). */
    public static ProvisioningFile read(String text) throws IOException {
        return text.stripLeading().startsWith("{") ? readJson(text) : readYaml(text);
    }

    public static String writeYaml(ProvisioningFile file) {
        try {
            return YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provisioning file could not be written as YAML", e);
        }
    }

    public static String writeJson(ProvisioningFile file) {
        try {
            return JSON.writeValueAsString(file) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provisioning file could not be written as JSON", e);
        }
    }

    public static ObjectMapper yamlMapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Json.MAX_NESTING_DEPTH)
                        .build())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build();
        return YAMLMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .addModule(Json.contentModule())
                .build();
    }
}
