package io.dashplane.schema.alerting;

import io.dashplane.schema.json.JsonPointers;
import io.dashplane.schema.validation.ValidationReport;

import java.util.List;
import java.util.Map;

/**
 * Checks a notification policy tree ({@link #validateTree}) or a single nested route
 * ({@link #validateRoute}): receivers, group_by, timings, matchers in all their forms, time interval names.
 */
public final class NotificationPolicyValidator {
    /** Routes nest at most this deep; deeper trees are rejected rather than recursed into. */
    public static final int MAX_DEPTH = 32;

    public ValidationReport validateTree(Route root, String pointerPrefix, NotificationLookup lookup) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        validateTree(root, findings, lookup);
        return findings.report();
    }

    public void validateTree(Route root, FindingCollector findings, NotificationLookup lookup) {
        if (root == null) {
            findings.error("", "the notification policy must be a JSON object");
            return;
        }
        if (CommonChecks.blank(root.receiver())) {
            findings.error("/receiver", "the root policy needs a receiver: the default contact point");
        }
        if (hasMatchers(root)) {
            findings.error(root.objectMatchers() != null ? "/object_matchers" : root.matchers() != null ? "/matchers"
                    : root.match() != null ? "/match" : "/match_re", "the root policy matches every alert and must not have matchers");
        }
        if (root.muteTimeIntervals() != null && !root.muteTimeIntervals().isEmpty()) {
            findings.error("/mute_time_intervals", "the root policy cannot have mute timings");
        }
        if (root.activeTimeIntervals() != null && !root.activeTimeIntervals().isEmpty()) {
            findings.error("/active_time_intervals", "the root policy cannot have active time intervals");
        }
        if (Boolean.TRUE.equals(root.continueMatching())) {
            findings.error("/continue", "the root policy cannot have continue");
        }
        route(root, findings, lookup, 0);
    }

    /** A nested route on its own (e.g. one individually addressable route); its children are checked too. */
    public ValidationReport validateRoute(Route route, String pointerPrefix, NotificationLookup lookup) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        if (route == null) {
            findings.error("", "route must be a JSON object");
        } else {
            route(route, findings, lookup, 1);
        }
        return findings.report();
    }

    private static boolean hasMatchers(Route route) {
        return nonEmpty(route.objectMatchers()) || nonEmpty(route.matchers())
                || (route.match() != null && !route.match().isEmpty())
                || (route.matchRe() != null && !route.matchRe().isEmpty());
    }

    private static boolean nonEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private void route(Route route, FindingCollector findings, NotificationLookup lookup, int depth) {
        if (route.receiver() != null) {
            if (route.receiver().isBlank()) {
                findings.error("/receiver", "receiver must not be blank; leave it out to inherit the parent's");
            } else if (!lookup.contactPointExists(route.receiver())) {
                findings.error("/receiver", "contact point '" + route.receiver() + "' does not exist in this environment");
            }
        }
        CommonChecks.groupBy(findings, "/group_by", route.groupBy());
        CommonChecks.duration(findings, "/group_wait", "group_wait", route.groupWait());
        CommonChecks.positiveDuration(findings, "/group_interval", "group_interval", route.groupInterval());
        CommonChecks.positiveDuration(findings, "/repeat_interval", "repeat_interval", route.repeatInterval());
        objectMatchers(route.objectMatchers(), findings);
        stringMatchers(route.matchers(), findings);
        legacyMatch(route.match(), "/match", false, findings);
        legacyMatch(route.matchRe(), "/match_re", true, findings);
        CommonChecks.timeIntervalNames(findings, "/mute_time_intervals", "mute_time_intervals",
                route.muteTimeIntervals(), lookup);
        CommonChecks.timeIntervalNames(findings, "/active_time_intervals", "active_time_intervals",
                route.activeTimeIntervals(), lookup);
        List<Route> children = route.routes();
        if (children == null) {
            return;
        }
        if (depth + 1 > MAX_DEPTH) {
            findings.error("/routes", "routes nest deeper than " + MAX_DEPTH + " levels");
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            FindingCollector at = findings.at("/routes/" + i);
            if (children.get(i) == null) {
                at.error("", "route must be a JSON object");
            } else {
                route(children.get(i), at, lookup, depth + 1);
            }
        }
    }

    private static void objectMatchers(List<LabelMatcher> matchers, FindingCollector findings) {
        if (matchers == null) {
            return;
        }
        for (int i = 0; i < matchers.size(); i++) {
            String at = "/object_matchers/" + i;
            LabelMatcher matcher = matchers.get(i);
            if (matcher == null) {
                findings.error(at, "object matcher must be [name, operator, value]");
                continue;
            }
            matcher(matcher, at, findings);
        }
    }

    static void matcher(LabelMatcher matcher, String at, FindingCollector findings) {
        if (matcher.name() == null || matcher.name().isEmpty()) {
            findings.error(at + "/0", "matcher label name must not be empty");
        }
        if (!LabelMatcher.TYPES.contains(matcher.type())) {
            findings.error(at + "/1", "matcher operator must be one of =, !=, =~, !~ (got '" + matcher.type() + "')");
        } else if (matcher.value() == null) {
            findings.error(at + "/2", "matcher value must be a string");
        } else if (matcher.isRegex()) {
            String problem = LabelMatchers.regexProblem(matcher.value());
            if (problem != null) {
                findings.error(at + "/2", problem);
            }
        }
    }

    private static void stringMatchers(List<String> matchers, FindingCollector findings) {
        if (matchers == null) {
            return;
        }
        for (int i = 0; i < matchers.size(); i++) {
            String at = "/matchers/" + i;
            try {
                LabelMatcher matcher = LabelMatchers.parse(matchers.get(i));
                if (matcher.isRegex()) {
                    String problem = LabelMatchers.regexProblem(matcher.value());
                    if (problem != null) {
                        findings.error(at, problem);
                    }
                }
            } catch (IllegalArgumentException e) {
                findings.error(at, e.getMessage());
            }
        }
    }

    private static void legacyMatch(Map<String, String> match, String pointer, boolean regex, FindingCollector findings) {
        if (match == null) {
            return;
        }
        for (Map.Entry<String, String> entry : match.entrySet()) {
            String at = JsonPointers.append(pointer, entry.getKey());
            String problem = LabelNames.labelNameProblem(entry.getKey());
            if (problem != null) {
                findings.error(at, problem);
            }
            if (regex && entry.getValue() != null) {
                String regexProblem = LabelMatchers.regexProblem(entry.getValue());
                if (regexProblem != null) {
                    findings.error(at, regexProblem);
                }
            }
        }
    }
}
