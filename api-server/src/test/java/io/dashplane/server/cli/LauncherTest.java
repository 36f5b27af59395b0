package io.dashplane.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./dashplane} launcher script, run on a copy of the repository layout whose server jar is a
 * small probe program: rebuilding the jar (what {@code mvn -pl tf-provider -am package} does) while the launched
 * JVM runs leaves that JVM on its own copy, still loading its classes.
 */
class LauncherTest {
    @TempDir
    Path root;

    @Test
    void aRebuiltJarDoesNotChangeTheJarARunningServerLoadsClassesFrom() throws Exception {
        Path script = root.resolve("dashplane");
        Files.copy(repositoryRoot().resolve("dashplane"), script);
        assertTrue(script.toFile().setExecutable(true));
        Path target = root.resolve("api-server/target/dashplane-server.jar");
        Files.createDirectories(target.getParent());
        probeJar("v1", target);
        // no pom.xml or sources in this layout: the launcher finds nothing newer than the jar and builds nothing

        Process launched = new ProcessBuilder(script.toString(), "serve").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launched.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = launched.getOutputStream()) {
            Path running = Path.of(out.readLine());
            assertNotEquals(target.toRealPath(), running.toRealPath(), "the JVM runs a copy, not the target jar");
            assertTrue(running.startsWith(root.resolve(".run").toRealPath()), running.toString());

            Path rebuilt = root.resolve("rebuilt.jar");
            probeJar("v2", rebuilt);
            Files.write(target, Files.readAllBytes(rebuilt)); // rewritten in place, as the jar plugin does

            in.write('\n');
            in.flush();
            assertEquals("serve v1", out.readLine(), "a class loaded after the rebuild still comes from the running copy");
            assertTrue(launched.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, launched.exitValue());
        } finally {
            launched.destroyForcibly();
        }

        Process next = new ProcessBuilder(script.toString(), "serve").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(next.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = next.getOutputStream()) {
            out.readLine();
            in.write('\n');
            in.flush();
            assertEquals("serve v2", out.readLine(), "the next start runs the rebuilt jar");
        } finally {
            next.destroyForcibly();
        }
    }

    /**
     * A jar whose main class prints where it was loaded from, waits for a line on stdin, then loads a second class
     * (only now, as a server loads classes lazily) and prints its version and the arguments.
     */
    private void probeJar(String version, Path jar) throws IOException {
        Path src = Files.createTempDirectory(root, "src");
        Files.writeString(src.resolve("Probe.java"), """
                public class Probe {
                    public static void main(String[] args) throws Exception {
                        System.out.println(Probe.class.getProtectionDomain().getCodeSource().getLocation().getPath());
                        System.out.flush();
                        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
                        System.out.println(String.join(" ", args) + " " + Class.forName("Later").getMethod("version").invoke(null));
                    }
                }
                """);
        Files.writeString(src.resolve("Later.java"), "public class Later { public static String version() { return \""
                + version + "\"; } }\n");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                src.resolve("Probe.java").toString(), src.resolve("Later.java").toString());
        assertEquals(0, compiled);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Probe");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String name : List.of("Probe.class", "Later.class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(src.resolve(name)));
                out.closeEntry();
            }
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("dashplane"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("the dashplane launcher script was not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
