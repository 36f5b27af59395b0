package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.json.JsonPointers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shape of Grafana server-side expression models and the refIds they read. */
public final class Expressions {
    public static final Set<String> TYPES =
            Set.of("math", "reduce", "resample", "classic_conditions", "threshold", "sql");
    public static final Set<String> REDUCERS = Set.of("sum", "mean", "min", "max", "count", "last", "median");
    public static final Set<String> REDUCE_MODES = Set.of("strict", "dropNN", "replaceNN");
    public static final Set<String> THRESHOLD_EVALUATORS =
            Set.of("gt", "lt", "within_range", "outside_range", "within_range_included", "outside_range_included");
    public static final Set<String> CLASSIC_EVALUATORS = Set.of("gt", "lt", "within_range", "outside_range", "no_value");
    private static final Pattern MATH_VARIABLE = Pattern.compile("\\$\\{([^}]*)}|\\$([A-Za-z0-9_]+)");
    private static final Pattern SQL_TABLE =
            Pattern.compile("(?i)\\b(?:from|join)\\s+(?:\"([^\"]+)\"|`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))");

    private Expressions() {
    }

    /**
     * Checks the model of an expression query and returns the refIds it reads. Findings are relative to the
     * model. For {@code sql} only table names that are refIds of {@code knownRefIds} count as references.
     */
    public static List<ExpressionReference> analyse(JsonNode model, Set<String> knownRefIds, FindingCollector findings) {
        List<ExpressionReference> refs = new ArrayList<>();
        if (model == null || !model.isObject()) {
            findings.error("", "an expression query needs a model object with a type");
            return refs;
        }
        JsonNode typeNode = model.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            findings.error("/type", "expression type is required (one of " + sorted(TYPES) + ")");
            return refs;
        }
        String type = typeNode.asText();
        switch (type) {
            case "reduce" -> {
                singleReference(model, refs, findings);
                String reducer = text(model, "reducer");
                if (reducer == null) {
                    findings.error("/reducer", "reduce needs a reducer (one of " + sorted(REDUCERS) + ")");
                } else if (!REDUCERS.contains(reducer)) {
                    findings.error("/reducer", "unknown reducer '" + reducer + "' (one of " + sorted(REDUCERS) + ")");
                }
                JsonNode mode = model.path("settings").path("mode");
                if (mode.isTextual() && !mode.asText().isEmpty() && !REDUCE_MODES.contains(mode.asText())) {
                    findings.error("/settings/mode", "unknown reduce mode '" + mode.asText() + "' (one of "
                            + sorted(REDUCE_MODES) + ")");
                }
            }
            case "resample" -> {
                singleReference(model, refs, findings);
                String window = text(model, "window");
                if (window == null) {
                    findings.error("/window", "resample needs a window duration such as 1m");
                } else {
                    CommonChecks.positiveDuration(findings, "/window", "window", window);
                }
            }
            case "threshold" -> {
                singleReference(model, refs, findings);
                JsonNode conditions = model.get("conditions");
                if (conditions == null || !conditions.isArray() || conditions.isEmpty()) {
                    findings.error("/conditions", "threshold needs conditions[0].evaluator");
                } else {
                    for (int i = 0; i < conditions.size(); i++) {
                        evaluator(conditions.get(i).path("evaluator"), "/conditions/" + i + "/evaluator",
                                THRESHOLD_EVALUATORS, findings);
                    }
                }
            }
            case "math" -> {
                String expression = text(model, "expression");
                if (expression == null || expression.isBlank()) {
                    findings.error("/expression", "math needs an expression such as $A > 0");
                } else {
                    Matcher matcher = MATH_VARIABLE.matcher(expression);
                    Set<String> seen = new LinkedHashSet<>();
                    while (matcher.find()) {
                        String refId = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                        if (seen.add(refId)) {
                            refs.add(new ExpressionReference(refId, "/expression"));
                        }
                    }
                }
            }
            case "classic_conditions" -> {
                JsonNode conditions = model.get("conditions");
                if (conditions == null || !conditions.isArray() || conditions.isEmpty()) {
                    findings.error("/conditions", "classic_conditions needs at least one condition");
                } else {
                    for (int i = 0; i < conditions.size(); i++) {
                        String pointer = "/conditions/" + i + "/query/params/0";
                        JsonNode param = conditions.get(i).path("query").path("params").path(0);
                        if (!param.isTextual() || param.asText().isEmpty()) {
                            findings.error(pointer, "condition must name the refId it evaluates in query.params[0]");
                        } else {
                            refs.add(new ExpressionReference(param.asText(), pointer));
                        }
                        evaluator(conditions.get(i).path("evaluator"), "/conditions/" + i + "/evaluator",
                                CLASSIC_EVALUATORS, findings);
                    }
                }
            }
            case "sql" -> {
                String expression = text(model, "expression");
                if (expression == null || expression.isBlank()) {
                    findings.error("/expression", "sql needs an expression (a SELECT over refIds as tables)");
                } else {
                    Matcher matcher = SQL_TABLE.matcher(expression);
                    Set<String> seen = new LinkedHashSet<>();
                    while (matcher.find()) {
                        String table = firstNonNull(matcher.group(1), matcher.group(2), matcher.group(3));
                        if (knownRefIds.contains(table) && seen.add(table)) {
                            refs.add(new ExpressionReference(table, "/expression"));
                        }
                    }
                }
            }
            default -> findings.error("/type", "unknown expression type '" + type + "' (one of " + sorted(TYPES) + ")");
        }
        return refs;
    }

    private static void singleReference(JsonNode model, List<ExpressionReference> refs, FindingCollector findings) {
        String expression = text(model, "expression");
        if (expression == null || expression.isEmpty()) {
            findings.error("/expression", model.get("type").asText() + " needs the refId of its input in 'expression'");
        } else {
            refs.add(new ExpressionReference(expression.startsWith("$") ? expression.substring(1) : expression,
                    "/expression"));
        }
    }

    private static void evaluator(JsonNode evaluator, String pointer, Set<String> allowed, FindingCollector findings) {
        if (!evaluator.isObject()) {
            findings.error(pointer, "evaluator with a type and params is required");
            return;
        }
        JsonNode type = evaluator.get("type");
        String name = type == null ? null : type.asText();
        if (name == null || !allowed.contains(name)) {
            findings.error(pointer + "/type", "unknown evaluator type '" + name + "' (one of " + sorted(allowed) + ")");
            return;
        }
        JsonNode params = evaluator.get("params");
        int needed = name.contains("range") ? 2 : name.equals("no_value") ? 0 : 1;
        if (needed > 0 && (params == null || !params.isArray() || params.size() < needed)) {
            findings.error(pointer + "/params", name + " needs " + needed + " numeric param" + (needed > 1 ? "s" : ""));
            return;
        }
        for (int i = 0; params != null && params.isArray() && i < params.size(); i++) {
            if (!params.get(i).isNumber()) {
                findings.error(JsonPointers.append(pointer + "/params", i), "evaluator params must be numbers");
            }
        }
    }

    private static String text(JsonNode model, String field) {
        JsonNode node = model.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
