package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's import of a dashboard exported "for sharing externally": the values bound to its {@code __inputs}
 * (for a datasource input, a datasource uid) replace every {@code ${NAME}} in string values, and {@code __inputs}
 * is dropped. Used by the native dashboard write, the Grafana-compatible import and the Terraform provider (which
 * compares the stored dashboard with its configuration resolved the same way).
 */
public final class DashboardInputs {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private DashboardInputs() {
    }

    /** Names declared in {@code __inputs} that {@code values} has no non-empty value for, in declaration order. */
    public static List<String> unbound(JsonNode dashboard, Map<String, String> values) {
        return DashboardModel.inputNames(dashboard).stream()
                .filter(name -> values.get(name) == null || values.get(name).isEmpty())
                .toList();
    }

    /** A copy of {@code dashboard} without {@code __inputs}, each {@code ${NAME}} with a value replaced by it. */
    public static ObjectNode resolve(ObjectNode dashboard, Map<String, String> values) {
        ObjectNode copy = dashboard.deepCopy();
        copy.remove("__inputs");
        return (ObjectNode) replace(copy, values);
    }

    private static JsonNode replace(JsonNode node, Map<String, String> values) {
        if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.asText());
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String value = values.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
                changed |= value != null;
            }
            m.appendTail(out);
            return changed ? TextNode.valueOf(out.toString()) : node;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(replace(e.getValue(), values));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replace(array.get(i), values));
            }
        }
        return node;
    }
}
