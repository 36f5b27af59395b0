package io.dashplane.server.storage;

/** A 1-based page of a list. */
public record PageRequest(int page, int perPage) {
    public static final int DEFAULT_PER_PAGE = 100;
    public static final int MAX_PER_PAGE = 1000;

    public PageRequest {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("page >= 1 and 1 <= perPage <= " + MAX_PER_PAGE);
        }
    }

    public int offset() {
        return (page - 1) * perPage;
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PER_PAGE);
    }
}
