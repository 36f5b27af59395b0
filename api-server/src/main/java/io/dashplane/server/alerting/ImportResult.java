package io.dashplane.server.alerting;

import io.dashplane.schema.validation.Finding;
import java.util.List;

/** What an import did (or, with {@code dryRun}, would do): the objects written and the validation warnings. */
public record ImportResult(boolean dryRun, List<ImportChange> changes, List<Finding> warnings) {
    public ImportResult {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }
}
