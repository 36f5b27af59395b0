package io.dashplane.provider.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The feature version of a JDK from its {@code release} file (as the launcher reads it, without starting it), and
 * the JDK that makes the AOT cache at package time: JDK 25 is the first whose AOT cache (JEP 483/514) the
 * launcher uses.
 */
final class JdkReleases {
    static final int AOT_CACHE_FEATURE = 25;

    private JdkReleases() {}

    /** {@code configured} if set (a java binary), else the newest JDK {@value #AOT_CACHE_FEATURE}+ under {@code jvmDir}. */
    static Optional<Path> aotJava(String configured, Path jvmDir) {
        if (configured != null && !configured.isBlank()) {
            Path java = Path.of(configured);
            return featureOf(java) >= AOT_CACHE_FEATURE ? Optional.of(java) : Optional.empty();
        }
        if (!Files.isDirectory(jvmDir)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvmDir)) {
            List<Path> javas = homes.map(home -> home.resolve("bin").resolve("java")).filter(Files::isExecutable).toList();
            return javas.stream().filter(java -> featureOf(java) >= AOT_CACHE_FEATURE)
                    .max(Comparator.comparingInt(JdkReleases::featureOf).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature version of the JDK a java binary belongs to (symlinks resolved), 0 when it cannot be told. */
    static int featureOf(Path java) {
        try {
            Path release = java.toRealPath().getParent().getParent().resolve("release");
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String value = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    int end = 0;
                    while (end < value.length() && Character.isDigit(value.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? 0 : Integer.parseInt(value.substring(0, end));
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
