package io.dashplane.server.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Operation ids a client generator turns into readable method names, derived from the HTTP method and the path
 * template instead of swagger's Java method names with counters ({@code put_6}): {@code GET
 * /api/v1/environments/{env}/dashboards/{uid}} is {@code getDashboard}, {@code GET .../dashboards} is
 * {@code listDashboards}, {@code POST .../dashboards} is {@code createDashboard}, {@code POST
 * .../versions/{version}/restore} is {@code restoreDashboardVersion}. The Grafana-compatible API ({@code /api/...}
 * outside {@code /api/v1}) is prefixed {@code grafana}. A clash gets the path's next literal segment.
 */
final class OperationIds {
    private OperationIds() {
    }

    static void assign(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        Set<String> taken = new HashSet<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                String id = id(op.getKey(), path.getKey());
                String unique = id;
                for (int n = 2; !taken.add(unique); n++) {
                    unique = id + n;
                }
                op.getValue().setOperationId(unique);
            }
        }
    }

    static String id(PathItem.HttpMethod method, String path) {
        List<String> segments = new ArrayList<>(List.of(path.replaceFirst("^/", "").split("/")));
        String prefix = "";
        if (segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("v1")) {
            segments = segments.subList(2, segments.size());
        } else if (!segments.isEmpty() && segments.get(0).equals("api")) {
            prefix = "grafana";
            segments = segments.subList(1, segments.size());
        }
        // environments/{env}/x...: the environment is context, not the subject
        if (segments.size() > 2 && segments.get(0).equals("environments") && segments.get(1).equals("{env}")) {
            segments = segments.subList(2, segments.size());
        }
        boolean endsWithParameter = !segments.isEmpty() && isParameter(segments.get(segments.size() - 1));
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (isParameter(s)) {
                continue;
            }
            boolean followedByParameter = i + 1 < segments.size() && isParameter(segments.get(i + 1));
            literals.add(followedByParameter ? singular(s) : s);
        }
        String verb;
        String last = literals.isEmpty() ? "" : segments.get(segments.size() - 1);
        if (!endsWithParameter && literals.size() > 1 && isAction(last)) {
            // .../{uid}/move, .../{version}/restore, .../plans/{id}/apply: the last word is the verb
            verb = camel(last);
            literals.remove(literals.size() - 1);
            verb = Character.toLowerCase(verb.charAt(0)) + verb.substring(1);
        } else {
            verb = switch (method) {
                case GET -> endsWithParameter || !isPlural(last) ? "get" : "list";
                case POST -> endsWithParameter ? "post" : "create";
                case PUT -> "put";
                case DELETE -> "delete";
                case PATCH -> "patch";
                case HEAD -> "head";
                case OPTIONS -> "options";
                case TRACE -> "trace";
            };
            if (verb.equals("create") && !literals.isEmpty()) {
                literals.set(literals.size() - 1, singular(literals.get(literals.size() - 1)));
            }
        }
        StringBuilder noun = new StringBuilder();
        literals.forEach(l -> noun.append(camel(l)));
        String id = prefix.isEmpty() ? verb + noun : prefix + camel(verb) + noun;
        return id.isEmpty() ? method.name().toLowerCase(Locale.ROOT) + "Root" : id;
    }

    private static final Set<String> ACTIONS = Set.of("move", "restore", "apply", "reload", "import", "export",
            "promote", "plan", "rotate", "search", "test");

    private static boolean isAction(String segment) {
        return ACTIONS.contains(segment);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static boolean isPlural(String segment) {
        return segment.endsWith("s");
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ses") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    /** alert-rules, rule_groups, openapi.json -> AlertRules, RuleGroups, OpenapiJson */
    private static String camel(String word) {
        StringBuilder out = new StringBuilder();
        for (String part : word.split("[-_.]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
