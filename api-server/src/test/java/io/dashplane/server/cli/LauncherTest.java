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
import java.util.Map;
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
        Path script = launcherCopy();
        Path target = root.resolve("api-server/target/dashplane-server.jar");
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

    @Test
    void dashplaneServerJarRunsThatBuildInsteadOfTheTargetJar() throws Exception {
        Path script = launcherCopy();
        Path target = root.resolve("api-server/target/dashplane-server.jar");
        probeJar("target build", target);
        Path before = root.resolve("before.jar");
        probeJar("before build", before);

        ProcessBuilder pb = new ProcessBuilder(script.toString(), "serve").redirectErrorStream(true);
        pb.environment().put("DASHPLANE_SERVER_JAR", before.toString());
        Process launched = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launched.getInputStream(), StandardCharsets.UTF_8));
             OutputStream in = launched.getOutputStream()) {
            out.readLine();
            in.write('\n');
            in.flush();
            assertEquals("serve before build", out.readLine());
        } finally {
            launched.destroyForcibly();
        }
    }

    @Test
    void serveStartsTheJvmWithTheDocumentedMemoryDefaultsThatDashplaneJavaOptsOverrides() throws Exception {
        Path script = launcherCopy();
        Path target = root.resolve("api-server/target/dashplane-server.jar");
        memoryProbeJar(target);

        List<String> defaults = launch(script, Map.of(), "serve");
        String trim = knowsFlag("TrimNativeHeapInterval") ? "TrimNativeHeapInterval=5000" : "TrimNativeHeapInterval=unknown";
        assertEquals(List.of("MaxHeapSize=" + (112L << 20), "UseSerialGC=true", "ThreadStackSize=512",
                "MaxMetaspaceSize=" + (128L << 20), "ReservedCodeCacheSize=" + (64L << 20), trim, "MALLOC_ARENA_MAX=2"),
                defaults);

        List<String> overridden = launch(script, Map.of("DASHPLANE_JAVA_OPTS", "-Xmx200m", "MALLOC_ARENA_MAX", "4"), "serve");
        assertEquals("MaxHeapSize=" + (200L << 20), overridden.get(0), overridden.toString());
        assertEquals("MALLOC_ARENA_MAX=4", overridden.get(6), overridden.toString());

        List<String> client = launch(script, Map.of(), "validate");
        assertNotEquals("MaxHeapSize=" + (112L << 20), client.get(0), "the defaults are the server's: " + client);
        assertEquals("MALLOC_ARENA_MAX=null", client.get(6), client.toString());
    }

    /** The launcher copied into the test's root, next to an empty api-server/target for its jar. */
    private Path launcherCopy() throws IOException {
        Path script = root.resolve("dashplane");
        Files.copy(repositoryRoot().resolve("dashplane"), script);
        assertTrue(script.toFile().setExecutable(true));
        Files.createDirectories(root.resolve("api-server/target"));
        return script;
    }

    /** Whether the JVM running the test (the one on PATH, which the launcher runs) has this -XX flag. */
    private static boolean knowsFlag(String flag) {
        try {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(flag);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<String> launch(Path script, Map<String, String> env, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(script.toString(), command).redirectErrorStream(true);
        pb.environment().remove("MALLOC_ARENA_MAX");
        pb.environment().remove("DASHPLANE_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            return List.of(out.strip().split("\n"));
        } finally {
            p.destroyForcibly();
        }
    }

    /** A jar whose main class prints the JVM's memory settings and MALLOC_ARENA_MAX, one per line. */
    private void memoryProbeJar(Path jar) throws IOException {
        Path src = Files.createTempDirectory(root, "src");
        Files.writeString(src.resolve("MemoryProbe.java"), """
                import com.sun.management.HotSpotDiagnosticMXBean;
                import java.lang.management.ManagementFactory;
                public class MemoryProbe {
                    public static void main(String[] args) {
                        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                        for (String flag : new String[] {"MaxHeapSize", "UseSerialGC", "ThreadStackSize", "MaxMetaspaceSize",
                                "ReservedCodeCacheSize", "TrimNativeHeapInterval"}) {
                            String value;
                            try {
                                value = vm.getVMOption(flag).getValue();
                            } catch (IllegalArgumentException unknown) {
                                value = "unknown";
                            }
                            System.out.println(flag + "=" + value);
                        }
                        System.out.println("MALLOC_ARENA_MAX=" + System.getenv("MALLOC_ARENA_MAX"));
                    }
                }
                """);
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                src.resolve("MemoryProbe.java").toString());
        assertEquals(0, compiled);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "MemoryProbe");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("MemoryProbe.class"));
            out.write(Files.readAllBytes(src.resolve("MemoryProbe.class")));
            out.closeEntry();
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
