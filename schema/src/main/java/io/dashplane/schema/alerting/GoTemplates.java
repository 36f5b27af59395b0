package io.dashplane.schema.alerting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A structural check of Go text/template text as used in alert labels, annotations and notification
 * templates: every {@code {{} is closed, quoted strings and comments inside actions end, block actions
 * (if, range, with, define, block) are closed by {@code end}, {@code else} only appears inside if/range/with,
 * {@code break}/{@code continue} only inside range, and {@code define} only at the top level.
 * It does not type-check pipelines; Grafana does that when it renders.
 */
public final class GoTemplates {
    private static final Set<String> BLOCK_KEYWORDS = Set.of("if", "range", "with", "define", "block");

    private GoTemplates() {
    }

    public static GoTemplateCheck check(String text) {
        return new Scan(text == null ? "" : text).run();
    }

    /** True when {@code text} contains at least one action, i.e. is a template rather than plain text. */
    public static boolean hasActions(String text) {
        return text != null && text.contains("{{");
    }

    private record Open(String keyword, int offset) {
    }

    private static final class Scan {
        final String text;
        final List<String> problems = new ArrayList<>();
        final Set<String> defined = new LinkedHashSet<>();
        final Set<String> invoked = new LinkedHashSet<>();
        final Deque<Open> open = new ArrayDeque<>();

        Scan(String text) {
            this.text = text;
        }

        GoTemplateCheck run() {
            int position = 0;
            while (true) {
                int start = text.indexOf("{{", position);
                if (start < 0) {
                    break;
                }
                int end = action(start);
                if (end < 0) {
                    break;
                }
                position = end;
            }
            while (!open.isEmpty()) {
                Open block = open.removeLast();
                problems.add("{{" + block.keyword() + "}} at " + where(block.offset()) + " is never closed with {{end}}");
            }
            return new GoTemplateCheck(problems, List.copyOf(defined), List.copyOf(invoked));
        }

        /** Checks the action starting at {@code start}; returns the offset after it, or -1 when the text ends inside it. */
        int action(int start) {
            int i = start + 2;
            if (text.startsWith("- ", i) || text.startsWith("-\t", i) || text.startsWith("-\n", i)) {
                i += 1;
            }
            i = skipSpace(i);
            if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    problems.add("comment opened at " + where(start) + " is never closed with */}}");
                    return -1;
                }
                int after = skipSpace(close + 2);
                if (text.startsWith("-", after)) {
                    after = skipSpace(after + 1);
                }
                if (!text.startsWith("}}", after)) {
                    problems.add("comment at " + where(start) + " must be followed directly by }}");
                    return close + 2;
                }
                return after + 2;
            }
            int bodyStart = i;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'') {
                    int close = closeQuote(i, c);
                    if (close < 0) {
                        problems.add("quoted string at " + where(i) + " is not closed inside the action");
                        return -1;
                    }
                    i = close + 1;
                } else if (c == '`') {
                    int close = text.indexOf('`', i + 1);
                    if (close < 0) {
                        problems.add("raw string at " + where(i) + " is never closed");
                        return -1;
                    }
                    i = close + 1;
                } else if (text.startsWith("}}", i)) {
                    String body = text.substring(bodyStart, i).strip();
                    if (body.endsWith(" -") || body.equals("-")) {
                        body = body.substring(0, body.length() - 1).strip();
                    }
                    structure(body, start);
                    return i + 2;
                } else if (text.startsWith("{{", i)) {
                    problems.add("action opened at " + where(start) + " is not closed with }} before the next {{");
                    return i;
                } else {
                    i++;
                }
            }
            problems.add("action opened at " + where(start) + " is never closed with }}");
            return -1;
        }

        void structure(String body, int start) {
            if (body.isEmpty()) {
                problems.add("empty action {{}} at " + where(start));
                return;
            }
            String keyword = firstWord(body);
            switch (keyword) {
                case "if", "range", "with" -> open.addLast(new Open(keyword, start));
                case "define", "block" -> {
                    if (keyword.equals("define") && !open.isEmpty()) {
                        problems.add("{{define}} at " + where(start) + " must be at the top level, not inside {{"
                                + open.peekLast().keyword() + "}}");
                    }
                    String name = quotedName(body.substring(keyword.length()));
                    if (name == null) {
                        problems.add("{{" + keyword + "}} at " + where(start) + " needs a template name in double quotes");
                    } else if (!defined.add(name)) {
                        problems.add("template \"" + name + "\" is defined more than once (again at " + where(start) + ")");
                    }
                    if (name != null && keyword.equals("block")) {
                        invoked.add(name);
                    }
                    open.addLast(new Open(keyword, start));
                }
                case "template" -> {
                    String name = quotedName(body.substring(keyword.length()));
                    if (name == null) {
                        problems.add("{{template}} at " + where(start) + " needs a template name in double quotes");
                    } else {
                        invoked.add(name);
                    }
                }
                case "else" -> {
                    Open top = open.peekLast();
                    if (top == null || !Set.of("if", "range", "with").contains(top.keyword())) {
                        problems.add("{{else}} at " + where(start) + " is not inside an if, range or with");
                    }
                }
                case "end" -> {
                    if (open.isEmpty()) {
                        problems.add("{{end}} at " + where(start) + " has no matching if, range, with, define or block");
                    } else {
                        open.removeLast();
                    }
                }
                case "break", "continue" -> {
                    if (open.stream().noneMatch(o -> o.keyword().equals("range"))) {
                        problems.add("{{" + keyword + "}} at " + where(start) + " is not inside a range");
                    }
                }
                default -> {
                    // a pipeline: not type-checked here
                }
            }
        }

        int closeQuote(int from, char quote) {
            for (int i = from + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    return i;
                } else if (c == '\n') {
                    return -1;
                }
            }
            return -1;
        }

        int skipSpace(int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        String where(int offset) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return "line " + line + ", column " + column;
        }
    }

    static String firstWord(String body) {
        int i = 0;
        while (i < body.length() && Character.isLetter(body.charAt(i))) {
            i++;
        }
        boolean wordEnds = i == body.length() || !isIdentifierPart(body.charAt(i));
        return i > 0 && wordEnds ? body.substring(0, i) : "";
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The leading double-quoted or raw string of {@code rest}, or null. */
    static String quotedName(String rest) {
        String s = rest.strip();
        if (s.startsWith("`")) {
            int close = s.indexOf('`', 1);
            return close > 0 ? s.substring(1, close) : null;
        }
        if (!s.startsWith("\"")) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                name.append(s.charAt(++i));
            } else if (c == '"') {
                return name.toString();
            } else {
                name.append(c);
            }
        }
        return null;
    }
}
