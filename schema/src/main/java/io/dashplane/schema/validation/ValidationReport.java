package io.dashplane.schema.validation;

import java.util.List;

/** Errors reject a write; warnings are returned with a successful one. */
public record ValidationReport(List<Finding> errors, List<Finding> warnings) {
    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
