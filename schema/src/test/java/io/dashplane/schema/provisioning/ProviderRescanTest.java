package io.dashplane.schema.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProvisioningScanner#scanProvider} with the dashboards of a previous scan: files whose stamp is unchanged and
 * settled are reused, everything else is read. Modification times are set explicitly, so nothing depends on timing.
 */
class ProviderRescanTest {
    static final FileTime OLD = FileTime.from(Instant.now().minus(Duration.ofHours(1)));

    @TempDir
    Path tmp;
    Path root;
    Path dashboards;
    Path allowed;
    DashboardProvider provider;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("provisioning"));
        allowed = Files.createDirectories(tmp.resolve("grafana"));
        dashboards = Files.createDirectories(allowed.resolve("dashboards"));
        provider = new DashboardProvider("files", null, null, null, null, false, null, null,
                new ProviderOptions(dashboards.toString(), true));
    }

    private static String dashboard(String uid, String title) {
        return "{\"uid\":\"" + uid + "\",\"title\":\"" + title + "\",\"schemaVersion\":39,\"panels\":[]}";
    }

    private Path write(Path file, String text, FileTime modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, modified);
        return file;
    }

    private ProviderScan rescan(Map<String, ProvisioningPlan.Dashboard> previous) {
        return rescan(Duration.ZERO, previous);
    }

    /** Files are written just before they are scanned; a zero racy window trusts their stamps all the same. */
    private ProviderScan rescan(Duration racyWindow, Map<String, ProvisioningPlan.Dashboard> previous) {
        return new ProvisioningScanner(racyWindow).scanProvider(root, List.of(allowed), "prod", provider,
                root.resolve("dashboards/files.yaml"), "/providers/0", null, previous);
    }

    private static Map<String, ProvisioningPlan.Dashboard> byFile(ProviderScan scan) {
        Map<String, ProvisioningPlan.Dashboard> out = new HashMap<>();
        scan.plan().dashboards().forEach(d -> out.put(d.source().path(), d));
        return out;
    }

    private static String title(ProviderScan scan, String uid) {
        return scan.plan().dashboards().stream().filter(d -> d.dashboard().path("uid").asText().equals(uid))
                .findFirst().orElseThrow().dashboard().path("title").asText();
    }

    @Test
    void anUnchangedSettledFileIsNotReadAgainButAddedAndRemovedFilesAreSeen() throws IOException {
        write(dashboards.resolve("a.json"), dashboard("a", "A"), OLD);
        write(dashboards.resolve("Team/b.json"), dashboard("b", "B"), OLD);
        ProviderScan first = rescan(Map.of());
        assertEquals(2, first.filesRead());
        assertEquals(List.of(), first.plan().findings());

        ProviderScan second = rescan(byFile(first));
        assertEquals(0, second.filesRead());
        assertEquals(2, second.filesReused());
        assertEquals(first.plan().dashboards(), second.plan().dashboards());
        assertEquals(List.of("Team"), second.plan().folders().get(0).path(), "foldersFromFilesStructure still applies");

        write(dashboards.resolve("c.json"), dashboard("c", "C"), OLD);
        Files.delete(dashboards.resolve("Team/b.json"));
        ProviderScan third = rescan(byFile(second));
        assertEquals(1, third.filesRead());
        assertEquals(List.of("a", "c"), third.plan().dashboards().stream()
                .map(d -> d.dashboard().path("uid").asText()).toList());
    }

    @Test
    void aTouchedFileIsReadAgainAndHasTheSameContentHash() throws IOException {
        Path a = write(dashboards.resolve("a.json"), dashboard("a", "A"), OLD);
        ProviderScan first = rescan(Map.of());
        Files.setLastModifiedTime(a, FileTime.from(OLD.toInstant().plusSeconds(60)));
        ProviderScan second = rescan(byFile(first));
        assertEquals(1, second.filesRead());
        assertEquals(first.plan().dashboards().get(0).source().sha256(),
                second.plan().dashboards().get(0).source().sha256());
    }

    @Test
    void aSameSizeChangeIsSeenWhenTheModificationTimeMoves() throws IOException {
        Path a = write(dashboards.resolve("a.json"), dashboard("a", "Old"), OLD);
        ProviderScan first = rescan(Map.of());
        write(a, dashboard("a", "New"), FileTime.from(OLD.toInstant().plusMillis(1)));
        ProviderScan second = rescan(byFile(first));
        assertEquals(1, second.filesRead());
        assertEquals("New", title(second, "a"));
        assertNotEquals(first.plan().dashboards().get(0).source().sha256(),
                second.plan().dashboards().get(0).source().sha256());
    }

    @Test
    void aFileReadWithinTheRacyWindowOfItsModificationIsReadAgainEvenWithAnIdenticalStamp() throws IOException {
        FileTime recent = FileTime.from(Instant.now());
        Path a = write(dashboards.resolve("a.json"), dashboard("a", "Old"), recent);
        ProviderScan first = rescan(FileStamp.RACY_WINDOW, Map.of());
        // the same size and the same modification time: a write within one tick of a coarse clock
        write(a, dashboard("a", "New"), recent);
        ProviderScan second = rescan(FileStamp.RACY_WINDOW, byFile(first));
        assertEquals(1, second.filesRead());
        assertEquals("New", title(second, "a"));
    }

    @Test
    void aSameSizeRewriteWithItsModificationTimeSetBackIsSeenByItsStatusChangeTime() throws IOException {
        Path a = write(dashboards.resolve("a.json"), dashboard("a", "Old"), OLD);
        ProviderScan first = rescan(Map.of());
        FileStamp before = first.plan().dashboards().get(0).source().stamp();
        org.junit.jupiter.api.Assumptions.assumeTrue(before.changed() != null, "no status change time here");
        waitForTheClockToPass(before.changed());
        write(a, dashboard("a", "New"), OLD);
        ProviderScan second = rescan(byFile(first));
        assertEquals(1, second.filesRead());
        assertEquals("New", title(second, "a"));
    }

    /** Sleeps until the file system clock (as seen through a new file's ctime) moved past {@code instant}. */
    private void waitForTheClockToPass(Instant instant) throws IOException {
        Path probe = tmp.resolve("probe");
        for (int i = 0; i < 300; i++) {
            Files.writeString(probe, "x");
            if (FileStamp.of(probe).changed().isAfter(instant)) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the file system clock did not move");
    }

    @Test
    void aSymbolicLinkSwappedOutsideTheAllowedRootsIsRefusedAlthoughItsTargetLooksTheSame() throws IOException {
        Path inside = write(allowed.resolve("shared/a.json"), dashboard("a", "A"), OLD);
        Path outside = write(tmp.resolve("elsewhere/a.json"), dashboard("a", "A"), OLD);
        Path link = Files.createSymbolicLink(dashboards.resolve("a.json"), inside);
        ProviderScan first = rescan(Map.of());
        assertEquals(List.of(), first.plan().findings());

        Files.delete(link);
        Files.createSymbolicLink(link, outside);
        ProviderScan second = rescan(byFile(first));
        assertTrue(second.plan().hasErrors(), second.plan().findings().toString());
        assertTrue(second.plan().findings().get(0).format().contains("outside the allowed roots"),
                second.plan().findings().toString());
        assertEquals(List.of(), second.plan().dashboards());
    }

    @Test
    void warningsOfAReusedFileAreReportedAgainAndDuplicateUidsStillCaught() throws IOException {
        write(dashboards.resolve("a.json"), "{\"title\":\"No uid\",\"schemaVersion\":39,\"panels\":[]}", OLD);
        write(dashboards.resolve("b.json"), dashboard("b", "B"), OLD);
        ProviderScan first = rescan(Map.of());
        assertTrue(first.plan().findings().stream().anyMatch(f -> f.message().contains("has no uid")));
        ProviderScan second = rescan(byFile(first));
        assertEquals(0, second.filesRead());
        assertEquals(first.plan().findings(), second.plan().findings());

        write(dashboards.resolve("c.json"), dashboard("b", "Also b"), OLD);
        ProviderScan third = rescan(byFile(second));
        assertEquals(1, third.filesRead());
        assertTrue(third.plan().findings().stream().anyMatch(f -> f.isError()
                && f.message().contains("duplicate dashboard uid 'b'")), third.plan().findings().toString());
    }
}
