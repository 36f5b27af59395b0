package io.dashplane.schema.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a dashboard file looked like on disk when it was read, all of the link target: its real path (symbolic links
 * resolved), size, modification time, status change time ({@code ctime}, null where the platform has none) and file
 * key (device and inode). A rescan re-reads a file only when its stamp differs from the one of its last read. The
 * status change time cannot be set back by a program as the modification time can, so a rewrite of the same size
 * whose modification time is restored (an editor, {@code rsync -t}, {@code tar x}) still changes the stamp.
 */
public record FileStamp(String realPath, long size, Instant modified, Instant changed, String fileKey) {
    /**
     * A file modified this shortly before it was read may be written again within the same tick of a coarse
     * file system clock without its size changing, so its stamp is not trusted then ("racy", as Git calls it).
     */
    public static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    public static FileStamp of(Path file) throws IOException {
        String real = file.toRealPath().toString();
        if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino");
            return new FileStamp(real, (Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).toInstant(),
                    ((FileTime) a.get("ctime")).toInstant(), "(dev=" + a.get("dev") + ",ino=" + a.get("ino") + ")");
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Object key = a.fileKey();
        return new FileStamp(real, a.size(), a.lastModifiedTime().toInstant(), null, key == null ? null : key.toString());
    }

    /**
     * Whether a file with this stamp, read at {@code readAt}, had not been modified (nor its status changed) within
     * {@code racyWindow} before, so that an identical stamp later means unchanged content.
     */
    public boolean settledAt(Instant readAt, Duration racyWindow) {
        Instant limit = readAt.minus(racyWindow);
        return modified.isBefore(limit) && (changed == null || changed.isBefore(limit));
    }
}
