package io.dashplane.server.storage;

import java.util.List;
import java.util.function.Function;

/** One page of a list plus the total count; the JSON shape of every list response. */
public record Page<T>(List<T> items, long total, int page, int perPage) {
    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.page(), request.perPage());
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, perPage);
    }
}
