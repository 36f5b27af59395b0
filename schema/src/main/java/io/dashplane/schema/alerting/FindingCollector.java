package io.dashplane.schema.alerting;

import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects errors and warnings of one validation run. Pointers given to {@link #error} and {@link #warn}
 * are relative to the object being validated; the caller's prefix is prepended.
 */
public final class FindingCollector {
    private final String prefix;
    private final List<Finding> errors;
    private final List<Finding> warnings;

    public FindingCollector(String prefix) {
        this(prefix, new ArrayList<>(), new ArrayList<>());
    }

    private FindingCollector(String prefix, List<Finding> errors, List<Finding> warnings) {
        this.prefix = prefix == null ? "" : prefix;
        this.errors = errors;
        this.warnings = warnings;
    }

    /** A collector writing into the same lists whose pointers are relative to {@code pointer}. */
    public FindingCollector at(String pointer) {
        return new FindingCollector(prefix + pointer, errors, warnings);
    }

    public void error(String pointer, String message) {
        errors.add(new Finding(prefix + pointer, message));
    }

    public void warn(String pointer, String message) {
        warnings.add(new Finding(prefix + pointer, message));
    }

    public void addAll(ValidationReport report) {
        errors.addAll(report.errors());
        warnings.addAll(report.warnings());
    }

    public ValidationReport report() {
        return new ValidationReport(errors, warnings);
    }
}
