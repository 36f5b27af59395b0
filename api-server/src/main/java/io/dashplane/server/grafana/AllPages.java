package io.dashplane.server.grafana;

import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Grafana's list endpoints answer everything at once; the services answer pages: this reads them all. */
final class AllPages {
    private AllPages() {
    }

    static <T> List<T> of(Function<PageRequest, Page<T>> fetch) {
        List<T> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<T> batch = fetch.apply(new PageRequest(page, PageRequest.MAX_PER_PAGE));
            out.addAll(batch.items());
            if (batch.items().size() < PageRequest.MAX_PER_PAGE) {
                return out;
            }
        }
    }
}
