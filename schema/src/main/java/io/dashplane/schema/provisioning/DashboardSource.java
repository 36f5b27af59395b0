package io.dashplane.schema.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a provisioned dashboard came from and what reading it found, so that a rescan can reuse it while the file is
 * unchanged on disk.
 *
 * @param path     the file as listed below the provider path (the key a rescan finds it by)
 * @param stamp    the file's stamp, taken before its content was read
 * @param readAt   when the stamp was taken
 * @param sha256   hex SHA-256 of the file's content
 * @param findings warnings found in the file (a file with errors is never loaded, so never reused)
 */
public record DashboardSource(String path, FileStamp stamp, Instant readAt, String sha256, List<FileFinding> findings) {
    public DashboardSource {
        findings = List.copyOf(findings);
    }

    /** Whether a file now stamped {@code current} can be taken as unchanged since this read. */
    public boolean unchangedAt(FileStamp current, Duration racyWindow) {
        return stamp.equals(current) && stamp.settledAt(readAt, racyWindow);
    }
}
