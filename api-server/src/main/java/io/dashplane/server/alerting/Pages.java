package io.dashplane.server.alerting;

import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import java.util.List;

/** Paging of small in-memory lists (alerting objects per environment are few). */
final class Pages {
    private Pages() {
    }

    static <T> Page<T> slice(List<T> all, PageRequest page) {
        int from = Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.perPage());
        return Page.of(List.copyOf(all.subList(from, to)), all.size(), page);
    }
}
