package io.dashplane.provider.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files the end-to-end tests read: the shared dashboard corpus and the repository's examples. */
public final class Fixtures {
    /**
     * The provider requirement and block a Terraform configuration of the real-CLI tests and benchmarks starts with;
     * the URL comes from TF_VAR_dashplane_url.
     */
    public static final String PROVIDER_CONFIGURATION = """
            terraform {
              required_providers {
                dashplane = {
                  source  = "dashplane/dashplane"
                  version = "0.1.0"
                }
              }
            }

            variable "dashplane_url" {
              type = string
            }

            provider "dashplane" {
              url = var.dashplane_url
            }

            """;

    private Fixtures() {
    }

    /** {@code ../shared/corpus/dashboards} beside the repository root (property dashplane.corpus overrides). */
    public static List<Path> corpusDashboards() {
        String configured = System.getProperty("dashplane.corpus");
        Path dir = configured != null ? Path.of(configured) : findUp(Path.of("shared", "corpus", "dashboards"), true);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalStateException("the corpus " + dir + " is empty");
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code examples/terraform/<name>} of the repository. */
    public static Path example(String name) {
        return findUp(Path.of("examples", "terraform", name), false);
    }

    /** A directory below {@code examples/} of the repository, e.g. {@code delivery/staging-prod}. */
    public static Path examples(String relative) {
        return findUp(Path.of("examples").resolve(relative), false);
    }

    private static Path findUp(Path relative, boolean sibling) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = sibling ? dir.resolveSibling(relative.toString()) : dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
