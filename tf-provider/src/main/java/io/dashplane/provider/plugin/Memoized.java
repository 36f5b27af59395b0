package io.dashplane.provider.plugin;

import java.util.function.Supplier;

/** Creates the value on first use, once, thread-safely; a failure is retried on the next call. */
final class Memoized<T> implements Supplier<T> {
    private final Supplier<T> source;
    private volatile T value;

    Memoized(Supplier<T> source) {
        this.source = source;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = source.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
