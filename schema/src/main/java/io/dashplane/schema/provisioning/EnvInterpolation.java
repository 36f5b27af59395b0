package io.dashplane.schema.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Environment-variable lookups in provisioning files, applied to the file text before parsing: {@code $NAME}
 * (letters, digits, underscore) and {@code ${NAME}} are replaced by the variable's value; an unset variable is an
 * error naming it and its line, unless written {@code ${NAME:-default}} (then the default replaces it when the
 * variable is unset or empty). {@code $$} is a literal {@code $}. A {@code $} followed by anything else, or a
 * {@code ${} without a closing brace, is kept as written. Full-line YAML comments are left alone, so a comment
 * may mention {@code $NAME}.
 */
public final class EnvInterpolation {
    private static final String DEFAULT_SEPARATOR = ":-";

    private EnvInterpolation() {
    }

    /** Expands {@code text} of {@code file}; throws naming the first unset variable (and any others). */
    public static String expand(String file, String text, Map<String, String> env) throws ProvisioningParseException {
        List<Unset> unset = new ArrayList<>();
        String expanded = expand(text, env, unset);
        if (!unset.isEmpty()) {
            Unset first = unset.get(0);
            StringBuilder message = new StringBuilder("environment variable " + first.name() + " is not set; set it or write ${"
                    + first.name() + ":-default}");
            List<String> others = unset.stream().skip(1).map(Unset::name).distinct()
                    .filter(n -> !n.equals(first.name())).toList();
            if (!others.isEmpty()) {
                message.append(" (also unset: ").append(String.join(", ", others)).append(')');
            }
            throw new ProvisioningParseException(FileFinding.atLine(file, first.line(), message.toString()));
        }
        return expanded;
    }

    private record Unset(String name, int line) {
    }

    private static String expand(String text, Map<String, String> env, List<Unset> unset) {
        StringBuilder out = new StringBuilder(text.length());
        int line = 1;
        int i = 0;
        boolean lineStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (lineStart) {
                int firstNonBlank = i;
                while (firstNonBlank < text.length() && (text.charAt(firstNonBlank) == ' ' || text.charAt(firstNonBlank) == '\t')) {
                    firstNonBlank++;
                }
                lineStart = false;
                if (firstNonBlank < text.length() && text.charAt(firstNonBlank) == '#') {
                    int end = text.indexOf('\n', firstNonBlank);
                    end = end < 0 ? text.length() : end;
                    out.append(text, i, end);
                    i = end;
                    continue;
                }
            }
            if (c == '\n') {
                out.append(c);
                line++;
                lineStart = true;
                i++;
                continue;
            }
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
                    out.append(braced(text.substring(i + 2, close), env, line, unset));
                    i = close + 1;
                }
            } else if (isNameChar(next)) {
                int end = i + 1;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                out.append(lookup(text.substring(i + 1, end), env, line, unset));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String braced(String inside, Map<String, String> env, int line, List<Unset> unset) {
        int separator = inside.indexOf(DEFAULT_SEPARATOR);
        if (separator < 0) {
            return lookup(inside, env, line, unset);
        }
        String value = env.get(inside.substring(0, separator));
        return value == null || value.isEmpty() ? inside.substring(separator + DEFAULT_SEPARATOR.length()) : value;
    }

    private static String lookup(String name, Map<String, String> env, int line, List<Unset> unset) {
        String value = env.get(name);
        if (value == null) {
            unset.add(new Unset(name, line));
            return "";
        }
        return value;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
