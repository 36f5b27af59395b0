package io.dashplane.schema.alerting;

import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationReport;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on validation reports. */
final class Findings {
    private Findings() {
    }

    static Set<String> pointers(List<Finding> findings) {
        return findings.stream().map(Finding::pointer).collect(Collectors.toSet());
    }

    static void assertValid(ValidationReport report) {
        assertEquals(List.of(), report.errors());
    }

    /** Exactly one error, at {@code pointer}, whose message contains {@code text}. */
    static void assertSingleError(ValidationReport report, String pointer, String text) {
        assertEquals(1, report.errors().size(), () -> "expected one error, got " + report.errors());
        Finding finding = report.errors().get(0);
        assertEquals(pointer, finding.pointer(), finding::toString);
        assertTrue(finding.message().contains(text), () -> "message '" + finding.message() + "' lacks '" + text + "'");
    }

    static void assertErrorAt(ValidationReport report, String pointer, String text) {
        assertTrue(report.errors().stream().anyMatch(f -> f.pointer().equals(pointer) && f.message().contains(text)),
                () -> "no error at " + pointer + " containing '" + text + "' in " + report.errors());
    }
}
