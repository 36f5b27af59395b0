package io.dashplane.schema.alerting;

import io.dashplane.schema.Uid;
import io.dashplane.schema.validation.ValidationReport;

import java.time.Duration;

/** Checks a rule group: folder uid, name, and an interval that is a positive multiple of 10 s. */
public final class RuleGroupValidator {
    public static final int MAX_NAME_LENGTH = 190;
    public static final Duration BASE_INTERVAL = Duration.ofSeconds(10);

    public ValidationReport validate(RuleGroup group, String pointerPrefix) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        if (group == null) {
            findings.error("", "rule group must be a JSON object");
            return findings.report();
        }
        if (CommonChecks.blank(group.folderUid())) {
            findings.error("/folderUid", "folderUid is required");
        } else if (!Uid.isValid(group.folderUid())) {
            findings.error("/folderUid", "folderUid: " + Uid.problem(group.folderUid()));
        }
        name(group.name(), "/name", findings);
        interval(group.interval(), "/interval", findings);
        return findings.report();
    }

    static void name(String name, String pointer, FindingCollector findings) {
        if (CommonChecks.blank(name)) {
            findings.error(pointer, "rule group name is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            findings.error(pointer, "rule group name must be at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    static void interval(String interval, String pointer, FindingCollector findings) {
        String problem = intervalProblem(interval);
        if (problem != null) {
            findings.error(pointer, problem);
        }
    }

    /** Explains why {@code interval} is not a valid group interval (positive multiple of 10 s), or returns null. */
    public static String intervalProblem(String interval) {
        if (interval == null) {
            return "interval is required, e.g. 1m";
        }
        try {
            Duration duration = parseInterval(interval);
            if (duration.isZero()) {
                return "interval must be greater than zero";
            }
            if (duration.toMillis() % BASE_INTERVAL.toMillis() != 0) {
                return "interval must be a multiple of 10s (got " + interval + ")";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "interval: " + e.getMessage();
        }
    }

    /**
     * Warns (at {@code /for} behind the collector's prefix) when a rule's pending period is positive but
     * shorter than its group's interval: a rule changes state only at an evaluation, so it cannot fire before
     * one interval has passed. Grafana's API accepts this too; its rule editor refuses it. Invalid durations
     * are left to the rule and group checks.
     */
    public static void pendingPeriodAgainstInterval(String pendingPeriod, String interval, FindingCollector findings) {
        if (pendingPeriod == null || Durations.problem(pendingPeriod) != null || intervalProblem(interval) != null) {
            return;
        }
        Duration pending = Durations.parse(pendingPeriod);
        Duration every = parseInterval(interval);
        if (!pending.isZero() && pending.compareTo(every) < 0) {
            findings.warn("/for", "for (" + pendingPeriod + ") is shorter than the rule group's interval (" + interval
                    + "): the rule is evaluated only every " + interval + ", so it fires after " + interval
                    + " at the earliest; use 0s or at least " + interval);
        }
    }

    /** Parses a group interval: a duration string, or a bare whole number of seconds. */
    public static Duration parseInterval(String interval) {
        if (interval != null && interval.matches("\\d{1,12}")) {
            return Duration.ofSeconds(Long.parseLong(interval));
        }
        return Durations.parse(interval);
    }
}
