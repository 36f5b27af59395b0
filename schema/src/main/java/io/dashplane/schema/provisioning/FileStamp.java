package io.dashplane.schema.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * What a dashboard file looked like on disk when it was read: its real path (symbolic links resolved), size,
 * modification time and file key (device and inode where the platform has them), attributes of the link target.
 * A rescan re-reads a file only when its stamp differs from the one of its last successful read.
 */
public record FileStamp(String realPath, long size, Instant modified, String fileKey) {
    /**
     * A file modified this shortly before it was read may be written again within the same tick of a coarse
     * file system clock without its size changing, so its stamp is not trusted ("racy", as Git calls it).
     */
    public static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    public static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Object key = attributes.fileKey();
        return new FileStamp(file.toRealPath().toString(), attributes.size(), attributes.lastModifiedTime().toInstant(),
                key == null ? null : key.toString());
    }

    /** Whether a file with this stamp, read at {@code readAt}, was already old enough to be trusted unchanged. */
    public boolean settledAt(Instant readAt) {
        return modified.plus(RACY_WINDOW).isBefore(readAt);
    }
}
