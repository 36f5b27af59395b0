package io.dashplane.provider.framework;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.regex.Pattern;

/**
 * What is wrong with JSON text in an attribute and where (line and column in that text), without the
 * parser's internals: Jackson's messages name its source object ("[Source: REDACTED (StreamReadFeature...
 * disabled); line: 1, column: 1]") and character codes, which mean nothing to a Terraform user.
 */
public final class JsonSyntax {
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern CHARACTER_CODE = Pattern.compile(" \\(code -?\\d+\\)");

    private JsonSyntax() {
    }

    /** e.g. {@code at line 2, column 16: Unexpected character (','): was expecting double-quote to start field name}. */
    public static String describe(JsonProcessingException e) {
        String problem = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        int newline = problem.indexOf('\n');
        if (newline >= 0) {
            problem = problem.substring(0, newline);
        }
        problem = SOURCE.matcher(problem).replaceAll("line $1, column $2");
        problem = CHARACTER_CODE.matcher(problem).replaceAll("");
        return locate(e) + ": " + problem;
    }

    /** Only the position, for sensitive text: the parser's messages quote the input. */
    public static String locate(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "at an unknown position" : "at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
