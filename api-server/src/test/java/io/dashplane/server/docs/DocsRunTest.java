package io.dashplane.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.dashplane.server.DashplaneServer;
import io.dashplane.server.RunningServer;
import io.dashplane.server.config.ServerConfig;
import io.dashplane.server.testdb.TestBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs are one story that works in order on a fresh server: every command and request they show is run here
 * against a real server (commands with bash and the real curl), and every answer they show is compared with what the
 * server answered (see {@link DocumentedAnswer} for how much of an answer the docs must show).
 */
class DocsRunTest {
    /** The order a reader follows; every document with runnable examples is in it. */
    static final List<String> STORY = List.of(
            "README.md",
            "docs/tutorial.md",
            "docs/api.md",
            "docs/alerting.md",
            "docs/promotion.md",
            "docs/cli.md",
            "docs/security.md",
            "examples/provisioning/README.md");

    @TempDir
    Path dataDir;

    @Test
    void everyCommandShownInTheDocsIsRunOrSaysWhyNot() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (Path file : documents()) {
            for (DocumentedExamples.Block block : DocumentedExamples.read(file).blocks()) {
                if (block.looksLikeACommand() && block.marker() == null) {
                    unmarked.add(block.where(root().relativize(file)));
                }
            }
        }
        assertEquals(List.of(), unmarked, "command blocks without <!-- doc-test: run --> or <!-- doc-test: skip why -->");
    }

    @Test
    void everyDocumentWithRunnableExamplesIsPartOfTheStory() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path file : documents()) {
            String name = root().relativize(file).toString();
            boolean runnable = DocumentedExamples.read(file).blocks().stream()
                    .anyMatch(b -> b.marker() != null && !b.marker().equals("skip"));
            if (runnable && !STORY.contains(name)) {
                outside.add(name);
            }
        }
        assertEquals(List.of(), outside, "documents with runnable examples missing from DocsRunTest.STORY");
    }

    @Test
    void theDocsWorkInOrderOnAFreshServer() throws IOException {
        try (RunningServer server = DashplaneServer.start(TestBackend.ephemeral(dataDir))) {
            Reader reader = new Reader(server.baseUri());
            for (String name : STORY) {
                Path file = root().resolve(name);
                for (DocumentedExamples.Block block : DocumentedExamples.read(file).blocks()) {
                    reader.follow(name, block);
                }
                reader.finish();
            }
        } finally {
            TestBackend.release(dataDir);
        }
    }

    /** Runs what the docs show, as a reader would, and checks each documented answer against the last output. */
    private static final class Reader {
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private String lastOutput;
        private String lastStep;
        private boolean lastAnswered = true;
        private final Path cliConfig = Files.createTempDirectory("dashplane-cli").resolve("config.yaml");

        Reader(URI base) throws IOException {
            this.base = base;
        }

        void follow(String file, DocumentedExamples.Block block) {
            if (block.marker() == null || block.marker().equals("skip")) {
                return;
            }
            String where = file + ":" + block.line();
            if (!block.marker().equals("answer")) {
                finish();
            }
            switch (block.marker()) {
                case "run" -> {
                    lastOutput = run(where, block.text());
                    lastStep = where;
                    lastAnswered = false;
                }
                case "request" -> {
                    lastOutput = request(where, block.argument(), block.language(), block.text());
                    lastStep = where;
                    lastAnswered = false;
                }
                case "answer" -> {
                    lastAnswered = true;
                    if (lastOutput == null) {
                        fail(where + ": an answer with no command or request before it");
                    }
                    List<String> differences = DocumentedAnswer.differences(block.text(), lastOutput);
                    if (!differences.isEmpty()) {
                        fail(where + ": the answer of " + lastStep + " differs from the docs:\n  "
                                + String.join("\n  ", differences) + "\nanswered: " + lastOutput);
                    }
                }
                default -> fail(where + ": unknown doc-test marker '" + block.marker() + "'");
            }
        }

        /** A script running the {@code dashplane} command line of this build (the launcher's main class). */
        private static Path cli() {
            try {
                Path script = Files.createTempFile("dashplane", ".sh");
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                        + "' io.dashplane.server.cli.Main \"$@\"\n");
                script.toFile().setExecutable(true);
                script.toFile().deleteOnExit();
                return script;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A step whose answer the docs do not show must not have failed: a problem document needs its answer block. */
        void finish() {
            if (!lastAnswered && lastOutput != null && isProblem(lastOutput)) {
                fail(lastStep + ": answered a problem the docs do not show: " + lastOutput);
            }
            lastAnswered = true;
        }

        private static boolean isProblem(String output) {
            try {
                com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output);
                return json != null && json.path("status").asInt() >= 400 && json.path("type").asText().contains("/problems/");
            } catch (IOException e) {
                return false;
            }
        }

        private String run(String where, String script) {
            String hostPort = base.getHost() + ":" + base.getPort();
            // the launcher would build the jar; the same command line runs from the test's class path instead
            String local = script.replace("localhost:8080", hostPort).replace("127.0.0.1:8080", hostPort)
                    .replaceAll("(?m)(^|[\\s;(&|])(\\./)?dashplane ", "$1\"\\$DASHPLANE_CLI\" ");
            ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", local)
                    .directory(root().toFile()).redirectErrorStream(false);
            bash.environment().put("TOKEN", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN);
            bash.environment().put("DASHPLANE_TOKEN", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN);
            bash.environment().put("DASHPLANE_SERVER", base.toString());
            bash.environment().put("DASHPLANE_CLI", cli().toString());
            bash.environment().remove("DASHPLANE_ENV");
            bash.environment().remove("DASHPLANE_CONTEXT");
            bash.environment().put("DASHPLANE_CLI_CONFIG", cliConfig.toString());
            try {
                Path out = Files.createTempFile("doc-test", ".out");
                Path err = Files.createTempFile("doc-test", ".err");
                bash.redirectOutput(out.toFile()).redirectError(err.toFile());
                Process process = bash.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    fail(where + ": still running after 120 s (a command that keeps running needs <!-- doc-test: skip why -->)");
                }
                String stdout = Files.readString(out);
                String stderr = Files.readString(err);
                Files.delete(out);
                Files.delete(err);
                if (process.exitValue() != 0) {
                    fail(where + ": exit " + process.exitValue() + "\nstdout: " + stdout + "\nstderr: " + stderr);
                }
                return stdout;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String request(String where, String argument, String language, String body) {
            String[] methodAndPath = argument.split("\\s+", 2);
            if (methodAndPath.length != 2) {
                fail(where + ": a request marker needs a method and a path: <!-- doc-test: request POST /api/... -->");
            }
            String contentType = language.equals("yaml") ? "application/yaml" : "application/json";
            HttpRequest request = HttpRequest.newBuilder(base.resolve(methodAndPath[1]))
                    .method(methodAndPath[0], HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN)
                    .header("Content-Type", contentType)
                    .timeout(Duration.ofSeconds(60))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 400 && !isProblem(response.body())) {
                    fail(where + ": answered " + response.statusCode() + " " + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(where + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root().resolve("README.md"));
        for (String dir : List.of("docs", "examples")) {
            try (Stream<Path> walk = Files.walk(root().resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("api-server"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with docs/ and api-server/) not found");
    }
}
