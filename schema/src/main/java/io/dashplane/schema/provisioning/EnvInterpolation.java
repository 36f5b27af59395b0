package io.dashplane.schema.provisioning;

import java.util.Map;

/**
 * Environment-variable lookups in provisioning files, as Grafana applies them to the file text before parsing:
 * {@code $NAME} (letters, digits, underscore) and {@code ${NAME}} are replaced by the variable's value, or
 * by nothing when it is unset; {@code $$} is a literal {@code $}. A {@code $} followed by anything else, or a
 * {@code ${} without a closing brace, is kept as written.
 */
public final class EnvInterpolation {
    private EnvInterpolation() {
    }

    public static String expand(String text, Map<String, String> env) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                } else {
                    out.append(env.getOrDefault(text.substring(i + 2, close), ""));
                    i = close + 1;
                }
            } else if (isNameChar(next)) {
                int end = i + 1;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                out.append(env.getOrDefault(text.substring(i + 1, end), ""));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
