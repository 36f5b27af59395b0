package io.dashplane.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What {@code promote} and {@code import} share: the server's plan shown as unified diffs against the target
 * environment's export, a confirmation (or {@code --yes}), and applying exactly that plan by its id.
 */
final class PlanRunner {
    private static final Map<String, String> LISTS = Map.of("datasource", "datasources", "folder", "folders",
            "dashboard", "dashboards", "ruleGroup", "ruleGroups", "contactPoint", "contactPoints",
            "muteTiming", "muteTimings", "template", "templates", "policies", "policies");

    private final ServerClient client;
    private final PrintWriter out;
    private final PrintWriter err;

    PlanRunner(ServerClient client, PrintWriter out, PrintWriter err) {
        this.client = client;
        this.out = out;
        this.err = err;
    }

    /** Prints the plan; answers the number of objects it would change. */
    int show(JsonNode plan, String target) throws ClientException {
        Map<String, JsonNode> current = DiffCommand.objects(
                client.get(ServerClient.envPath(target) + "/export?format=json"));
        int changes = 0;
        for (JsonNode item : plan.path("items")) {
            String action = item.path("action").asText();
            if (action.equals("unchanged")) {
                continue;
            }
            changes++;
            String kind = item.path("kind").asText();
            String list = LISTS.getOrDefault(kind, kind);
            String uid = item.path("uid").asText();
            String key = kind.equals("policies") ? list : list + "/" + uid;
            out.println(symbol(action) + " " + kind + " " + uid + " (" + action + ")");
            JsonNode before = action.equals("create") ? null : withoutIds(current.get(key));
            JsonNode after = action.equals("delete") ? null : withoutIds(item.get("desired"));
            if (action.equals("update") && before == null) {
                // not in the target's export (its selection differs): the patch the server computed
                out.println(Output.json(item.path("diff")));
            } else {
                Diffs.unified(target + "/" + key, target + "/" + key + " (planned)", before, after)
                        .forEach(out::println);
            }
            for (JsonNode rewrite : item.path("rewrites")) {
                out.println("  datasource reference " + rewrite.path("pointer").asText() + ": "
                        + rewrite.path("from").asText() + " -> " + rewrite.path("to").asText());
            }
        }
        JsonNode summary = plan.path("summary");
        out.println("Plan " + plan.path("id").asText() + ": " + summary.path("create").asInt() + " to create, "
                + summary.path("update").asInt() + " to update, " + summary.path("delete").asInt() + " to delete, "
                + summary.path("unchanged").asInt() + " unchanged.");
        // a target in warn validation mode takes unresolved references; the server says which
        for (JsonNode warning : plan.path("warnings")) {
            out.println("  warning at " + warning.path("pointer").asText("") + ": " + warning.path("message").asText(""));
        }
        out.flush();
        return changes;
    }

    /** True when the plan may be applied: {@code --yes}, or a person at the terminal answered yes. */
    boolean confirmed(boolean yes, String question) throws ClientException {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            throw new ClientException("refusing to apply without confirmation: there is no terminal to ask on; "
                    + "review the plan above and run again with --yes");
        }
        String answer = console.readLine("%s Only 'yes' is accepted: ", question);
        if (answer == null || !answer.strip().equals("yes")) {
            err.println("not applied");
            return false;
        }
        return true;
    }

    /** Applies the stored plan; {@code body} carries secrets for an import (may be null). */
    JsonNode apply(String planId, String body) throws ClientException {
        return client.send("POST", "/api/v1/promotions/" + ServerClient.segment(planId) + "/apply",
                ServerClient.JSON, body == null ? "{}" : body).json();
    }

    void report(JsonNode outcome) {
        List<String> written = new java.util.ArrayList<>();
        for (JsonNode object : outcome.path("promotion").path("objects")) {
            written.add(object.path("kind").asText() + " " + object.path("uid").asText() + " "
                    + object.path("action").asText());
        }
        out.println("Applied plan " + outcome.path("plan").path("id").asText() + ": " + written.size()
                + " object(s) written" + (written.isEmpty() ? "" : " (" + String.join(", ", written) + ")"));
    }

    private static String symbol(String action) {
        return switch (action) {
            case "create" -> "+";
            case "delete" -> "-";
            default -> "~";
        };
    }

    /** Bundle-entry form without the dashboard model's id and version (plans leave them out too). */
    private static JsonNode withoutIds(JsonNode entry) {
        if (entry == null || !(entry.get("dashboard") instanceof ObjectNode)) {
            return entry;
        }
        ObjectNode copy = entry.deepCopy();
        ((ObjectNode) copy.get("dashboard")).remove(List.of("id", "version"));
        return copy;
    }
}
