package io.dashplane.server.http;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A logback appender for the access log: encodes each event on the logging thread into a buffer and writes the
 * buffer to stderr in one write every {@code flushMillis} (100 ms by default), or at once when it holds
 * {@code maxPendingBytes}. Logback's {@code AsyncAppender} in front of a console appender woke its writer thread and
 * made one write to stderr per request; with the access log off a GET took 40% less CPU (0.19-0.21 against
 * 0.11-0.12 ms). Lines keep their order; the last {@code flushMillis} of lines are lost at a {@code kill -9} (as
 * the async appender's queue was); {@link #stop} (the serve command stops the logging context at shutdown) writes
 * what is pending.
 */
public final class BatchingStderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private Encoder<ILoggingEvent> encoder;
    private long flushMillis = 100;
    private int maxPendingBytes = 1 << 20;

    /** Guards {@link #pending}; held only to append a line or to swap the buffers. */
    private final ReentrantLock bufferLock = new ReentrantLock();
    /** Orders the writes: one flush writes at a time, in the order the buffers were taken. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private ByteArrayOutputStream pending = new ByteArrayOutputStream(64 << 10);
    private ByteArrayOutputStream spare = new ByteArrayOutputStream(64 << 10);
    private ScheduledExecutorService flusher;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public void setFlushMillis(long flushMillis) {
        this.flushMillis = flushMillis;
    }

    public void setMaxPendingBytes(int maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for the appender " + name);
            return;
        }
        if (!encoder.isStarted()) {
            encoder.start();
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashplane-access-log");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        flusher.shutdownNow();
        flush();
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] line = encoder.encode(event);
        boolean full;
        bufferLock.lock();
        try {
            pending.writeBytes(line);
            full = pending.size() >= maxPendingBytes;
        } finally {
            bufferLock.unlock();
        }
        if (full) {
            flush(); // a burst waits for its own write rather than growing the buffer without bound
        }
    }

    /** Writes what is pending to stderr; callers of System.err (other loggers) never land inside a line. */
    void flush() {
        writeLock.lock();
        try {
            ByteArrayOutputStream taken;
            bufferLock.lock();
            try {
                if (pending.size() == 0) {
                    return;
                }
                taken = pending;
                pending = spare;
                spare = taken;
            } finally {
                bufferLock.unlock();
            }
            try {
                PrintStream err = System.err;
                taken.writeTo(err);
                err.flush();
            } finally {
                taken.reset(); // becomes the pending buffer at the next flush
            }
        } catch (java.io.IOException | RuntimeException e) {
            addError("cannot write the access log to stderr", e);
        } finally {
            writeLock.unlock();
        }
    }
}
