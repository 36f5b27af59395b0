package io.dashplane.schema.alerting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses and checks Prometheus/Alertmanager matcher strings such as {@code severity=~"warning|critical"}. */
public final class LabelMatchers {
    private static final Pattern MATCHER = Pattern.compile(
            "^\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s=!~\"]+)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*$", Pattern.DOTALL);

    private LabelMatchers() {
    }

    /** Parses one matcher; throws {@link IllegalArgumentException} with a specific message when malformed. */
    public static LabelMatcher parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("matcher must not be empty");
        }
        Matcher m = MATCHER.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a matcher like team=\"ml\", team!=\"ml\", "
                    + "team=~\"ml.*\" or team!~\"ml.*\"");
        }
        String rawName = m.group(1);
        String name;
        if (rawName.startsWith("\"")) {
            name = unquote(rawName, text);
        } else {
            if (!LabelNames.isValidMetricName(rawName)) {
                throw new IllegalArgumentException("label name '" + rawName + "' in '" + text
                        + "' must match [a-zA-Z_:][a-zA-Z0-9_:]* or be double-quoted");
            }
            name = rawName;
        }
        String rawValue = m.group(3);
        String value;
        if (rawValue.startsWith("\"")) {
            if (rawValue.length() < 2 || !rawValue.endsWith("\"") || endsWithEscapedQuote(rawValue)) {
                throw new IllegalArgumentException("value in '" + text + "' has an unterminated quote");
            }
            value = unquote(rawValue, text);
        } else {
            if (rawValue.startsWith("=") || rawValue.startsWith("~")) {
                throw new IllegalArgumentException("'" + text + "' has a doubled operator; quote the value if it starts with '"
                        + rawValue.charAt(0) + "'");
            }
            if (rawValue.contains("\"")) {
                throw new IllegalArgumentException("value in '" + text + "' contains a quote; quote the whole value");
            }
            value = rawValue;
        }
        return new LabelMatcher(name, m.group(2), value);
    }

    /** Explains why a regex matcher value does not compile, or returns null. Values are anchored like Alertmanager's. */
    public static String regexProblem(String value) {
        try {
            Pattern.compile("^(?:" + value + ")$");
            return null;
        } catch (PatternSyntaxException e) {
            return "regular expression '" + value + "' does not compile: " + e.getDescription();
        }
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean endsWithEscapedQuote(String quoted) {
        int backslashes = 0;
        for (int i = quoted.length() - 2; i > 0 && quoted.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String unquote(String quoted, String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (i + 1 >= quoted.length() - 1) {
                    throw new IllegalArgumentException("'" + text + "' ends with a lone backslash");
                }
                char next = quoted.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else if (c == '"') {
                throw new IllegalArgumentException("'" + text + "' has a quote inside a quoted string; escape it as \\\"");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
