package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;

/** Splits secret settings out of an integration's settings for encrypted storage, and merges them back. */
public final class SecretSettings {
    private SecretSettings() {
    }

    /** Removes every non-empty secret string of {@code type} from a copy of {@code settings}. */
    public static SplitSettings split(String type, JsonNode settings) {
        ObjectNode plain = settings != null && settings.isObject()
                ? ((ObjectNode) settings).deepCopy() : JsonNodeFactory.instance.objectNode();
        Map<String, String> secrets = new TreeMap<>();
        for (String path : IntegrationTypes.secretSettings(type)) {
            String[] parts = path.split("\\.");
            ObjectNode parent = parentOf(plain, parts, false);
            if (parent == null) {
                continue;
            }
            JsonNode value = parent.get(parts[parts.length - 1]);
            if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                secrets.put(path, value.asText());
                parent.remove(parts[parts.length - 1]);
            }
        }
        return new SplitSettings(plain, secrets);
    }

    /** A copy of {@code settings} with {@code secrets} (dotted paths) put back in place. */
    public static ObjectNode merge(JsonNode settings, Map<String, String> secrets) {
        ObjectNode merged = settings != null && settings.isObject()
                ? ((ObjectNode) settings).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            String[] parts = secret.getKey().split("\\.");
            parentOf(merged, parts, true).put(parts[parts.length - 1], secret.getValue());
        }
        return merged;
    }

    private static ObjectNode parentOf(ObjectNode root, String[] parts, boolean create) {
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                if (!create) {
                    return null;
                }
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        return node;
    }
}
