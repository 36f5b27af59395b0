package io.dashplane.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchingStderrAppenderTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final LoggerContext context = new LoggerContext();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private BatchingStderrAppender appender(long flushMillis, int maxPendingBytes) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        BatchingStderrAppender appender = new BatchingStderrAppender();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setFlushMillis(flushMillis);
        appender.setMaxPendingBytes(maxPendingBytes);
        appender.start();
        return appender;
    }

    private LoggingEvent event(String message) {
        Logger logger = context.getLogger("io.dashplane.server.access");
        return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, null);
    }

    private List<String> lines() {
        String text = captured.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void linesWaitForTheNextFlushAndStopWritesWhatIsPending() {
        BatchingStderrAppender appender = appender(60_000, 1 << 20);
        appender.doAppend(event("GET /a 200 1ms"));
        appender.doAppend(event("GET /b 404 2ms"));
        assertEquals(List.of(), lines(), "nothing is written before a flush");

        appender.stop();

        assertEquals(List.of("GET /a 200 1ms", "GET /b 404 2ms"), lines());
    }

    @Test
    void theFlusherWritesPendingLinesWithinItsInterval() throws InterruptedException {
        BatchingStderrAppender appender = appender(20, 1 << 20);
        try {
            appender.doAppend(event("GET /a 200 1ms"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(List.of("GET /a 200 1ms"), lines());
        } finally {
            appender.stop();
        }
    }

    @Test
    void aFullBufferIsWrittenByTheThreadThatFilledIt() {
        BatchingStderrAppender appender = appender(60_000, 32);
        try {
            appender.doAppend(event("GET /first-line-of-twenty 200 1ms"));
            assertEquals(List.of("GET /first-line-of-twenty 200 1ms"), lines());
        } finally {
            appender.stop();
        }
    }

    @Test
    void concurrentLinesAreWrittenWholeAndEachExactlyOnce() throws Exception {
        BatchingStderrAppender appender = appender(1, 4096);
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        appender.doAppend(event("GET /t" + thread + "/" + i + " 200 1ms"));
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } finally {
            appender.stop();
        }
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                expected.add("GET /t" + t + "/" + i + " 200 1ms");
            }
        }
        List<String> written = new ArrayList<>(lines());
        // each thread's lines in the order it logged them, none lost, none twice, none cut
        for (int t = 0; t < threads; t++) {
            String prefix = "GET /t" + t + "/";
            assertEquals(expected.stream().filter(l -> l.startsWith(prefix)).toList(),
                    written.stream().filter(l -> l.startsWith(prefix)).toList(), "thread " + t);
        }
        assertEquals(threads * perThread, written.size());
    }
}
