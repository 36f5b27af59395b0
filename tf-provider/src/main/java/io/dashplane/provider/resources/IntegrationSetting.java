package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.Validator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One typed attribute of a contact point integration block and the Grafana setting it stands for,
 * e.g. attribute {@code integration_key} for setting {@code integrationKey}. Secret settings are
 * sensitive attributes; for a map setting, {@code secret} means that some of its keys are secrets.
 */
record IntegrationSetting(String attribute, String key, Kind kind, boolean required, boolean secret,
                          Validator validator, String description) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How the attribute's value is written as the setting's JSON and read back. */
    enum Kind {
        STRING(CtyType.STRING),
        BOOL(CtyType.BOOL),
        NUMBER(CtyType.NUMBER),
        /** A list of strings sent as one text joined by ";" (Grafana's email addresses). */
        JOINED_LIST(CtyType.list(CtyType.STRING)),
        /** A map of strings sent as a JSON object; "true"/"false" and JSON text become JSON values. */
        STRING_MAP(CtyType.map(CtyType.STRING));

        private final CtyType type;

        Kind(CtyType type) {
            this.type = type;
        }

        CtyType type() {
            return type;
        }
    }

    static IntegrationSetting string(String attribute, String key, String description) {
        return new IntegrationSetting(attribute, key, Kind.STRING, false, false, null, description);
    }

    IntegrationSetting asRequired() {
        return new IntegrationSetting(attribute, key, kind, true, secret, validator, description);
    }

    IntegrationSetting asSecret() {
        return new IntegrationSetting(attribute, key, kind, required, true, validator, description);
    }

    IntegrationSetting kind(Kind newKind) {
        return new IntegrationSetting(attribute, key, newKind, required, secret, validator, description);
    }

    IntegrationSetting validate(Validator check) {
        return new IntegrationSetting(attribute, key, kind, required, secret, check, description);
    }

    Attr toAttr() {
        Attr attr = Attr.of(attribute, kind.type()).description(description
                + (secret ? "; secret: never read back from the server" : ""));
        if (required) {
            attr.required();
        } else {
            attr.optional();
        }
        if (secret) {
            attr.sensitive();
        }
        if (validator != null) {
            attr.validate(validator);
        }
        return attr;
    }

    /** The setting's JSON for a known, non-null attribute value. */
    JsonNode toJson(CtyValue value) {
        return switch (kind) {
            case STRING -> NODES.textNode(value.asString());
            case BOOL -> NODES.booleanNode(value.asBoolean());
            case NUMBER -> {
                BigDecimal number = value.asBigDecimal();
                yield number.stripTrailingZeros().scale() <= 0 ? NODES.numberNode(number.toBigInteger()) : NODES.numberNode(number);
            }
            case JOINED_LIST -> NODES.textNode(String.join(";", value.elements().stream()
                    .filter(CtyValue::isPresent).map(CtyValue::asString).toList()));
            case STRING_MAP -> {
                ObjectNode object = NODES.objectNode();
                value.asMap().forEach((k, v) -> {
                    if (v.isPresent()) {
                        object.set(k, AlertingSupport.settingJson(v.asString()));
                    }
                });
                yield object;
            }
        };
    }

    /** The attribute value for the setting's JSON, or null when the JSON does not fit the attribute's type. */
    CtyValue fromJson(JsonNode node) {
        return switch (kind) {
            case STRING -> node.isValueNode() ? CtyValue.string(node.asText()) : null;
            case BOOL -> node.isBoolean() ? CtyValue.bool(node.booleanValue())
                    : node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))
                    ? CtyValue.bool(Boolean.parseBoolean(node.asText())) : null;
            case NUMBER -> node.isNumber() ? CtyValue.number(node.decimalValue()) : numberText(node);
            case JOINED_LIST -> joinedList(node);
            case STRING_MAP -> node.isObject() ? stringMap(node) : null;
        };
    }

    private static CtyValue numberText(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return CtyValue.number(new BigDecimal(node.asText().strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CtyValue joinedList(JsonNode node) {
        List<CtyValue> items = new ArrayList<>();
        if (node.isTextual()) {
            for (String item : node.asText().split("[;,\\n]")) {
                if (!item.isBlank()) {
                    items.add(CtyValue.string(item.strip()));
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    return null;
                }
                items.add(CtyValue.string(item.asText()));
            }
        } else {
            return null;
        }
        return CtyValue.list(CtyType.STRING, items);
    }

    static CtyValue stringMap(JsonNode object) {
        Map<String, CtyValue> entries = new TreeMap<>();
        object.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                entries.put(e.getKey(), CtyValue.string(AlertingSupport.settingText(e.getValue())));
            }
        });
        return CtyValue.map(CtyType.STRING, entries);
    }
}
