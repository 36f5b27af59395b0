package io.dashplane.schema.promotion;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A datasource of the source environment that has no counterpart in the target, with every place using it.
 *
 * @param reference the uid or name the places use
 * @param source    the source datasource it resolves to, or null when it matches none of the source's datasources
 * @param sites     every place using it, in the order given
 */
public record UnmappableDatasource(String reference, DatasourceIdentity source, List<ReferenceSite> sites) {
    public UnmappableDatasource {
        sites = List.copyOf(sites);
    }

    public String message() {
        String what = source == null
                ? "datasource '" + reference + "' matches no datasource uid or name of the source environment"
                : "datasource '" + source.name() + "' (uid " + source.uid() + ", type " + source.type()
                + ") has no counterpart in the target environment";
        return what + "; used by " + sites.stream().map(ReferenceSite::describe).collect(Collectors.joining(", "));
    }
}
