package io.dashplane.schema.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds template variable references in text: {@code $var}, {@code ${var}}, {@code ${var:fmt}}, {@code ${var.field}}, {@code [[var]]}. */
public final class VariableReferences {
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$(\\w+)|\\[\\[(\\w+?)(?::\\w+)?]]|\\$\\{(\\w+)(?:\\.[^:^}]+)?(?::[^}]+)?}");

    private VariableReferences() {
    }

    /** Variable names referenced in {@code text}, in order; {@code $1}-style names (digits first) are not variables. */
    public static List<String> find(String text) {
        List<String> names = new ArrayList<>();
        if (text == null || text.indexOf('$') < 0 && !text.contains("[[")) {
            return names;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (!Character.isDigit(name.charAt(0))) {
                names.add(name);
            }
        }
        return names;
    }

    /** True when the whole text is a single variable reference, e.g. {@code ${datasource}}. */
    public static boolean isOnlyReference(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = REFERENCE.matcher(text.trim());
        return m.matches();
    }
}
