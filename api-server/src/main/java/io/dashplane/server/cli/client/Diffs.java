package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** Unified diffs (java-diff-utils) of the canonical JSON of two versions of an object. */
final class Diffs {
    private static final int CONTEXT = 3;

    private Diffs() {
    }

    /**
     * The unified diff from {@code before} to {@code after} (either may be null: created or deleted), labelled
     * {@code from} and {@code to} ({@code /dev/null} for an absent side); empty when both have the same content.
     */
    static List<String> unified(String from, String to, JsonNode before, JsonNode after) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        Patch<String> patch = DiffUtils.diff(original, revised);
        if (patch.getDeltas().isEmpty()) {
            return List.of();
        }
        return UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : from,
                after == null ? "/dev/null" : to, original, patch, CONTEXT);
    }

    private static List<String> lines(JsonNode node) {
        return node == null || node.isNull() ? List.of() : Output.canonical(node).lines().toList();
    }
}
