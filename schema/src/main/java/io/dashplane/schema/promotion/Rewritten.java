package io.dashplane.schema.promotion;

import java.util.List;

/** A rewritten copy of a dashboard or rule and the positions that changed. */
public record Rewritten<T>(T value, List<DatasourceRewrite> rewrites) {
    public Rewritten {
        rewrites = List.copyOf(rewrites);
    }
}
