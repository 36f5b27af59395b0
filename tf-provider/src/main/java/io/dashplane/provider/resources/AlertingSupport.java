package io.dashplane.provider.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.AlertingClient;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyJava;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.JsonSyntax;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.SemanticEquality;
import io.dashplane.provider.framework.Validator;
import io.dashplane.provider.framework.Values;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.AlertingCanonicalizer;
import io.dashplane.schema.alerting.Durations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Attribute kinds, value conversions and semantic equalities the alerting resources share. */
final class AlertingSupport {
    static final CtyType STRING_MAP = CtyType.map(CtyType.STRING);
    static final CtyType STRING_LIST = CtyType.list(CtyType.STRING);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertingSupport() {
    }

    static AlertingClient alerting(ResourceContext<ProviderData> context) {
        return new AlertingClient(context.provider().client());
    }

    // ------------------------------------------------------------------ attribute kinds

    /** An optional duration such as {@code 5m}; {@code 5m} and {@code 300s} are the same value. */
    static Attr duration(String name, String description) {
        return Attr.string(name).optional().semanticEquality(durationEquality())
                .validate(durationValidator()).description(description);
    }

    static SemanticEquality durationEquality() {
        return (a, b) -> Durations.equivalent(a.asString(), b.asString());
    }

    static Validator durationValidator() {
        return (path, value, diagnostics) -> {
            if (value.isPresent()) {
                String problem = Durations.problem(value.asString());
                if (problem != null) {
                    diagnostics.error(path, "Invalid duration", problem);
                }
            }
        };
    }

    /** Template text: leading and trailing whitespace does not count. */
    static SemanticEquality trimmedText() {
        return (a, b) -> a.asString().strip().equals(b.asString().strip());
    }

    /** A rule's {@code data} array compared through the server's canonical form of alert queries. */
    static SemanticEquality alertData() {
        return (a, b) -> {
            try {
                JsonNode left = JSON.readTree(a.asString());
                JsonNode right = JSON.readTree(b.asString());
                return canonicalData(left).equals(canonicalData(right));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return false;
            }
        };
    }

    private static JsonNode canonicalData(JsonNode data) {
        ObjectNode rule = JSON.createObjectNode();
        rule.set("data", data);
        AlertRule parsed = JSON.convertValue(rule, AlertRule.class);
        return AlertingCanonicalizer.tree(AlertingCanonicalizer.canonical(parsed)).path("data");
    }

    // ------------------------------------------------------------------ values

    static Map<String, String> stringMap(Values values, String attribute) {
        CtyValue value = values.get(attribute);
        if (value.isNull()) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        CtyJava.toJavaMap(value).forEach((k, v) -> {
            if (v != null) {
                out.put(k, v.toString());
            }
        });
        return out;
    }

    /** A map attribute from a JSON object of strings; absent or empty when the prior value was null: null. */
    static CtyValue stringMapValue(JsonNode object, Values prior, String attribute) {
        if (object == null || object.isNull() || (object.isEmpty() && priorNull(prior, attribute))) {
            return CtyValue.nullOf(STRING_MAP);
        }
        Map<String, CtyValue> entries = new TreeMap<>();
        object.fields().forEachRemaining(e -> entries.put(e.getKey(), CtyValue.string(settingText(e.getValue()))));
        return CtyValue.map(CtyType.STRING, entries);
    }

    static CtyValue stringListValue(JsonNode array, Values prior, String attribute) {
        if (array == null || array.isNull() || (array.isEmpty() && priorNull(prior, attribute))) {
            return CtyValue.nullOf(STRING_LIST);
        }
        List<CtyValue> elements = new ArrayList<>();
        array.forEach(e -> elements.add(CtyValue.string(e.asText())));
        return CtyValue.list(CtyType.STRING, elements);
    }

    static boolean priorNull(Values prior, String attribute) {
        return prior == null || !prior.isKnown(attribute) || prior.isNull(attribute);
    }

    /**
     * A string the server may fill with its default: null when the prior value was null and the server
     * reports nothing or the default, so an unset optional attribute does not show as a change.
     */
    static String unlessDefault(JsonNode object, String field, Values prior, String attribute, String defaultValue) {
        String server = Common.text(object, field);
        if (priorNull(prior, attribute) && (server == null || server.isEmpty() || server.equals(defaultValue))) {
            return null;
        }
        return server;
    }

    /** A boolean member; null when absent. */
    static Boolean bool(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    static Boolean unlessDefault(JsonNode object, String field, Values prior, String attribute, boolean defaultValue) {
        JsonNode value = object.get(field);
        boolean server = value != null && !value.isNull() ? value.asBoolean() : defaultValue;
        if (priorNull(prior, attribute) && server == defaultValue) {
            return null;
        }
        return server;
    }

    /** The JSON text attribute for a server member: the prior text when equal as JSON, else compact JSON. */
    static String jsonText(JsonNode member, Values prior, String attribute) {
        if (member == null || member.isNull() || (member.isEmpty() && priorNull(prior, attribute))) {
            return null;
        }
        String text = member.toString();
        if (!priorNull(prior, attribute)) {
            String priorText = prior.getString(attribute);
            if (priorText != null && SemanticEquality.json().equal(CtyValue.string(priorText), CtyValue.string(text))) {
                return priorText;
            }
        }
        return text;
    }

    static JsonNode parseJson(String text, String attribute) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProviderException(AttributePath.of(attribute), "Invalid JSON in " + attribute,
                    attribute + " is not valid JSON " + JsonSyntax.describe(e));
        }
    }

    /** A setting value as Terraform's map(string) holds it: text as is, other JSON as compact JSON. */
    static String settingText(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** The JSON a map(string) setting value stands for: booleans, JSON objects/arrays, else the text. */
    static JsonNode settingJson(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                // not JSON after all: sent as text
            }
        }
        return JSON.getNodeFactory().textNode(text);
    }

    static void putStrings(ObjectNode body, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = body.putArray(field);
            values.forEach(array::add);
        }
    }

    static void putMap(ObjectNode body, String field, Map<String, String> values) {
        if (values != null) {
            ObjectNode object = body.putObject(field);
            values.forEach(object::put);
        }
    }

    static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** Splits an import id of {@code parts} segments separated by "/", the environment optional in front. */
    static List<String> importParts(String id, int parts, String defaultEnvironment, String expected) {
        String[] split = Objects.requireNonNullElse(id, "").trim().split("/", -1);
        List<String> out = new ArrayList<>();
        if (split.length == parts) {
            out.add(defaultEnvironment);
        } else if (split.length != parts + 1) {
            throw new ProviderException("Invalid import id", "expected " + expected + ", got \"" + id + "\"");
        }
        for (String part : split) {
            if (part.isEmpty()) {
                throw new ProviderException("Invalid import id", "expected " + expected + ", got \"" + id + "\"");
            }
            out.add(part);
        }
        return out;
    }
}
