package io.dashplane.provider.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install-mirror.sh lays out a Terraform filesystem mirror whose executable works, also through a symlink. */
class InstallMirrorIT {
    @Test
    void installsIntoAFilesystemMirrorLayout(@TempDir Path dir) throws Exception {
        Path mirror = dir.resolve("mirror");
        Path script = PluginProcess.testExecutable().resolveSibling("install-mirror.sh");
        Process install = new ProcessBuilder(script.toString(), mirror.toString()).redirectErrorStream(true).start();
        String output = PluginProcess.drain(install.getInputStream()).join();
        assertTrue(install.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, install.exitValue(), output);

        String os = System.getProperty("os.name").toLowerCase().contains("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "amd64" : "arm64";
        Path platformDir = mirror.resolve("registry.terraform.io/dashplane/dashplane/0.1.0/" + os + "_" + arch);
        Path executable = platformDir.resolve("terraform-provider-dashplane_v0.1.0");
        assertTrue(Files.isExecutable(executable), output);
        assertTrue(Files.isDirectory(platformDir.resolve("lib")));

        Path link = Files.createDirectories(dir.resolve("elsewhere")).resolve("terraform-provider-dashplane");
        Files.createSymbolicLink(link, executable);
        for (Path start : new Path[] {executable, link}) {
            try (PluginProcess plugin = PluginProcess.start(start, "6,5", Map.of())) {
                assertEquals(6, plugin.handshake().protocolVersion());
                assertEquals(ServingStatus.SERVING, plugin.health());
            }
        }
    }
}
