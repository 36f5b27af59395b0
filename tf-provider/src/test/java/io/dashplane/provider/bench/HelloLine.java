package io.dashplane.provider.bench;

/**
 * The reference of {@link HandshakeBenchmark}: a JVM that prints one line and waits, started with the shim's
 * JVM options; the least a Java plugin start can cost on the machine in the same run.
 */
public final class HelloLine {
    private HelloLine() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("1|6|tcp|127.0.0.1:1|grpc|hello");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
