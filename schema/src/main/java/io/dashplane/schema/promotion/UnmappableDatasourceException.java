package io.dashplane.schema.promotion;

import java.util.List;
import java.util.stream.Collectors;

/** Promotion cannot proceed: some referenced datasources have no counterpart in the target environment. */
public final class UnmappableDatasourceException extends RuntimeException {
    private final transient List<UnmappableDatasource> unmappable;

    public UnmappableDatasourceException(List<UnmappableDatasource> unmappable) {
        super(unmappable.stream().map(UnmappableDatasource::message).collect(Collectors.joining("; ")));
        this.unmappable = List.copyOf(unmappable);
    }

    public List<UnmappableDatasource> unmappable() {
        return unmappable;
    }
}
