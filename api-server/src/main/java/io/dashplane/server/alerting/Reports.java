package io.dashplane.server.alerting;

import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.errors.DomainException;

/** Turns a validation report into a 422 when it has errors. */
final class Reports {
    private Reports() {
    }

    static ValidationReport requireValid(ValidationReport report) {
        if (report.hasErrors()) {
            throw DomainException.validation(report.errors(), report.warnings());
        }
        return report;
    }
}
