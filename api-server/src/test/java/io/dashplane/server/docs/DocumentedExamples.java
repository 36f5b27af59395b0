package io.dashplane.server.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown document with the {@code <!-- doc-test: ... -->} marker written on the line
 * before each of them, if any. Markers are HTML comments, so readers of the rendered docs never see them:
 * <ul>
 *   <li>{@code run}: a shell block, run with bash;</li>
 *   <li>{@code request METHOD PATH}: the block is the body of that request;</li>
 *   <li>{@code answer}: the block is the answer of the previous run or request;</li>
 *   <li>{@code skip REASON}: shown but not run (a long-running server, a placeholder host).</li>
 * </ul>
 */
record DocumentedExamples(Path file, List<Block> blocks) {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*doc-test:\\s*(\\S+)\\s*(.*?)\\s*-->\\s*$");

    /** One fenced block; {@code marker} and {@code argument} are null when the line before is no marker. */
    record Block(int line, String language, String text, String marker, String argument) {
        String where(Path file) {
            return file + ":" + line;
        }

        boolean looksLikeACommand() {
            return (language.equals("sh") || language.equals("bash") || language.equals("console")
                    || language.isEmpty()) && Pattern.compile("(^|\\s)(curl|\\./dashplane|dashplane) ").matcher(text).find();
        }
    }

    static DocumentedExamples read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            String marker = null;
            String argument = null;
            if (start > 0) {
                Matcher m = MARKER.matcher(lines.get(start - 1));
                if (m.matches()) {
                    marker = m.group(1);
                    argument = m.group(2);
                }
            }
            blocks.add(new Block(start + 1, open.group(2), text.toString(), marker, argument));
        }
        return new DocumentedExamples(file, blocks);
    }
}
