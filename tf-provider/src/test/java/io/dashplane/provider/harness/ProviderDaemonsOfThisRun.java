package io.dashplane.provider.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the provider daemons this test run started. The integration tests run with TMPDIR set to a directory of
 * the build (failsafe's {@code dashplane.itTmp}), so every daemon started by a test, directly or by Terraform,
 * keeps its socket and pid file there and none is shared with the user's own; at the end of the run each pid
 * found there is terminated, so that no daemon outlives the build. Without that property (unit tests, an IDE),
 * nothing is done.
 */
public final class ProviderDaemonsOfThisRun implements LauncherSessionListener {
    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String tmp = System.getProperty("dashplane.itTmp");
        if (tmp == null || tmp.isBlank()) {
            return;
        }
        List<ProcessHandle> stopping = new ArrayList<>();
        for (Path pidFile : pidFiles(Path.of(tmp))) {
            try {
                Optional<ProcessHandle> daemon = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
                daemon.filter(ProcessHandle::isAlive).ifPresent(p -> {
                    p.destroy(); // SIGTERM: the daemon removes its socket and pid file on the way out
                    stopping.add(p);
                });
            } catch (IOException | NumberFormatException e) {
                // removed meanwhile, or half written: that daemon is going anyway
            }
        }
        for (ProcessHandle p : stopping) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    /** {@code <tmp>/dashplane-provider-<uid>/*.pid} (TMPDIR) and, for tests that make their own, one level below. */
    private static List<Path> pidFiles(Path tmp) {
        List<Path> found = new ArrayList<>();
        try (var files = Files.find(tmp, 4, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().endsWith(".pid")
                && path.getParent().getFileName().toString().startsWith("dashplane-provider"))) {
            files.forEach(found::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            // nothing started there
        }
        return found;
    }
}
