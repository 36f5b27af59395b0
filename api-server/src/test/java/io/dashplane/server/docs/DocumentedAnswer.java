package io.dashplane.server.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares what a documented example answered with the answer the docs show. The docs show what a reader needs,
 * so the documented answer is a pattern: every member it shows must be there with that value, members it leaves out
 * may be anything, a string containing {@code ...} matches any string with that beginning and end ({@code "..."}
 * matches any value), and an array ending in {@code "..."} may go on.
 */
final class DocumentedAnswer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANYTHING = "...";

    private DocumentedAnswer() {
    }

    /** The differences, each with the JSON pointer where it is; empty when the answer is as documented. */
    static List<String> differences(String documented, String actual) {
        JsonNode expected;
        try {
            expected = JSON.readTree(documented);
        } catch (Exception e) {
            throw new AssertionError("the documented answer is not JSON: " + e.getMessage());
        }
        JsonNode got;
        try {
            got = JSON.readTree(actual);
        } catch (Exception e) {
            return List.of("the answer is not JSON: " + actual);
        }
        List<String> out = new ArrayList<>();
        compare("", expected, got, out);
        return out;
    }

    private static void compare(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isTextual() && expected.asText().contains(ANYTHING)) {
            if (expected.asText().equals(ANYTHING)) {
                return;
            }
            String[] parts = expected.asText().split(Pattern.quote(ANYTHING), -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
            }
            if (actual == null || !actual.isTextual() || !Pattern.compile(regex.toString(), Pattern.DOTALL)
                    .matcher(actual.asText()).matches()) {
                out.add(at(pointer) + ": documented " + expected + ", answered " + actual);
            }
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(at(pointer) + ": documented " + expected + ", missing from the answer");
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(at(pointer) + ": documented an object, answered " + actual);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                compare(pointer + "/" + member.getKey(), member.getValue(), actual.get(member.getKey()), out);
            }
            return;
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                out.add(at(pointer) + ": documented an array, answered " + actual);
                return;
            }
            int shown = expected.size();
            boolean open = shown > 0 && expected.get(shown - 1).isTextual()
                    && expected.get(shown - 1).asText().equals(ANYTHING);
            int compared = open ? shown - 1 : shown;
            if (open ? actual.size() < compared : actual.size() != compared) {
                out.add(at(pointer) + ": documented " + (open ? "at least " : "") + compared + " elements, answered "
                        + actual.size() + ": " + actual);
                return;
            }
            for (int i = 0; i < compared; i++) {
                compare(pointer + "/" + i, expected.get(i), actual.get(i), out);
            }
            return;
        }
        boolean same = expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) == 0
                : expected.equals(actual);
        if (!same) {
            out.add(at(pointer) + ": documented " + expected + ", answered " + actual);
        }
    }

    private static String at(String pointer) {
        return pointer.isEmpty() ? "(the whole answer)" : pointer;
    }
}
