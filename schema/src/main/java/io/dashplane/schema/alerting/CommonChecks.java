package io.dashplane.schema.alerting;

import io.dashplane.schema.json.JsonPointers;

import java.util.List;
import java.util.Map;

/** Checks shared by rules, routes and notification settings. */
final class CommonChecks {
    static final String GROUP_BY_ALL = "...";

    private CommonChecks() {
    }

    static void duration(FindingCollector findings, String pointer, String field, String value) {
        if (value == null) {
            return;
        }
        String problem = Durations.problem(value);
        if (problem != null) {
            findings.error(pointer, field + ": " + problem);
        }
    }

    /** A duration that must be greater than zero when present. */
    static void positiveDuration(FindingCollector findings, String pointer, String field, String value) {
        if (value == null) {
            return;
        }
        String problem = Durations.problem(value);
        if (problem != null) {
            findings.error(pointer, field + ": " + problem);
        } else if (Durations.parse(value).isZero()) {
            findings.error(pointer, field + " must be greater than zero");
        }
    }

    static void groupBy(FindingCollector findings, String pointer, List<String> groupBy) {
        if (groupBy == null) {
            return;
        }
        for (int i = 0; i < groupBy.size(); i++) {
            String label = groupBy.get(i);
            String at = JsonPointers.append(pointer, i);
            if (GROUP_BY_ALL.equals(label)) {
                if (groupBy.size() > 1) {
                    findings.error(at, "'...' groups by all labels and must be the only entry of group_by");
                }
                continue;
            }
            String problem = LabelNames.labelNameProblem(label);
            if (problem != null) {
                findings.error(at, "group_by: " + problem + " (or '...' for all labels)");
            } else if (groupBy.indexOf(label) != i) {
                findings.error(at, "group_by lists '" + label + "' more than once");
            }
        }
    }

    static void timeIntervalNames(FindingCollector findings, String pointer, String field, List<String> names,
                                  NotificationLookup lookup) {
        if (names == null) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String at = JsonPointers.append(pointer, i);
            if (name == null || name.isBlank()) {
                findings.error(at, field + " entries must be names of time intervals");
            } else if (!lookup.timeIntervalExists(name)) {
                findings.error(at, "time interval '" + name + "' does not exist in this environment");
            }
        }
    }

    static void template(FindingCollector findings, String pointer, String what, String text) {
        if (!GoTemplates.hasActions(text)) {
            return;
        }
        for (String problem : GoTemplates.check(text).problems()) {
            findings.error(pointer, what + " template: " + problem);
        }
    }

    static void templatedMap(FindingCollector findings, String pointer, String what, Map<String, String> values) {
        if (values == null) {
            return;
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            template(findings, JsonPointers.append(pointer, entry.getKey()),
                    what + " '" + entry.getKey() + "'", entry.getValue());
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
