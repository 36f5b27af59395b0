package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An error answer of the server, from its problem+json: the detail, then one line per {@code errors} entry with
 * its JSON pointer (and the line and column of a syntax error).
 */
public final class ProblemException extends ClientException {
    private final int status;

    private ProblemException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ProblemException of(String request, int status, String body, JsonNode problem) {
        List<String> lines = new ArrayList<>();
        if (problem != null && problem.isObject()) {
            String title = problem.path("title").asText("");
            String detail = problem.path("detail").asText("");
            lines.add(request + ": " + status + (title.isEmpty() ? "" : " " + title)
                    + (detail.isEmpty() ? "" : ": " + detail));
            for (JsonNode error : problem.path("errors")) {
                String pointer = error.path("pointer").asText("");
                lines.add("  at " + (pointer.isEmpty() ? "(the whole body)" : pointer) + ": "
                        + error.path("message").asText(""));
            }
            if (problem.hasNonNull("hint")) {
                lines.add("  hint: " + problem.get("hint").asText());
            }
        } else {
            String text = body == null ? "" : body.strip();
            lines.add(request + ": " + status + (text.isEmpty() ? "" : ": " + firstLine(text)));
        }
        return new ProblemException(status, String.join("\n", lines));
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
