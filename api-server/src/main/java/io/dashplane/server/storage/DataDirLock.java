package io.dashplane.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive hold on a data directory: an OS file lock on {@code <data-dir>/.lock}. The server holds
 * it for its whole lifetime and the offline commands ({@code rotate-key}, {@code reset-admin-token}) for
 * their run, so an offline command never changes a database a running server writes to, and two servers
 * never share one directory. The OS drops the lock when the process dies (also on {@code kill -9}); the
 * file itself stays (deleting lock files races with the next holder).
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE_NAME = ".lock";

    /**
     * Lock files held by this JVM. Checked before opening the file: with POSIX record locks, closing any
     * other descriptor of the file in this process would silently drop the lock.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another server or command holds the data directory. */
    public static final class HeldException extends IllegalStateException {
        public HeldException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock of {@code dataDir} (creating the directory when absent).
     *
     * @throws HeldException when a server or an offline command holds it
     */
    public static DataDirLock acquire(Path dataDir) {
        Path dir;
        try {
            // the real path: two spellings of one directory (a symlink) must meet in HELD
            dir = Files.createDirectories(dataDir.toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        Path file = dir.resolve(FILE_NAME);
        if (!HELD.add(file)) {
            throw held(dir, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                HELD.remove(file);
                throw held(dir, holder);
            }
            // Diagnostics only: who holds it (the lock, not this text, is what counts).
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(file);
            throw new UncheckedIOException("cannot lock the data directory " + dir + " (" + file + ")", e);
        }
    }

    private static HeldException held(Path dir, String holder) {
        return new HeldException("a Dashplane server (or an offline command) is running on the data directory " + dir
                + (holder == null || holder.isBlank() ? "" : " (process " + holder.trim() + ")")
                + ": it holds " + dir.resolve(FILE_NAME) + "; stop it first");
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(32);
            int n = channel.read(buf, 0);
            return n <= 0 ? null : new String(buf.array(), 0, n, StandardCharsets.US_ASCII).replaceAll("[^0-9]", "");
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock (idempotent). */
    @Override
    public synchronized void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
            HELD.remove(file);
        }
    }
}
