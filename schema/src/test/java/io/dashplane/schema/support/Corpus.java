package io.dashplane.schema.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates ../shared/corpus/dashboards next to the repository root. */
public final class Corpus {
    private Corpus() {
    }

    public static Path dashboardsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus").resolve("dashboards");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("../shared/corpus/dashboards not found above " + Path.of("").toAbsolutePath());
    }

    public static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(dashboardsDir())) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("corpus is empty");
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
