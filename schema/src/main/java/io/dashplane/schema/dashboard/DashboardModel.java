package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.json.JsonPointers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Read access to the parts of a Grafana dashboard JSON model that Dashplane cares about. */
public final class DashboardModel {
    private DashboardModel() {
    }

    public static String title(JsonNode dashboard) {
        JsonNode title = dashboard.path("title");
        return title.isTextual() ? title.asText() : null;
    }

    public static String uid(JsonNode dashboard) {
        JsonNode uid = dashboard.path("uid");
        return uid.isTextual() ? uid.asText() : null;
    }

    public static List<String> tags(JsonNode dashboard) {
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : dashboard.path("tags")) {
            if (tag.isTextual()) {
                tags.add(tag.asText());
            }
        }
        return tags;
    }

    /**
     * Every panel with its pointer: top-level panels, panels inside collapsed rows, and the panels of
     * pre-5.0 {@code rows}.
     */
    public static List<PanelLocation> panels(JsonNode dashboard) {
        List<PanelLocation> panels = new ArrayList<>();
        collectPanels(dashboard.path("panels"), "/panels", panels);
        JsonNode rows = dashboard.path("rows");
        for (int r = 0; r < rows.size(); r++) {
            collectPanels(rows.get(r).path("panels"), "/rows/" + r + "/panels", panels);
        }
        return panels;
    }

    private static void collectPanels(JsonNode array, String pointer, List<PanelLocation> out) {
        if (!array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode panel = array.get(i);
            if (!panel.isObject()) {
                continue;
            }
            String panelPointer = JsonPointers.append(pointer, i);
            out.add(new PanelLocation(panel, panelPointer));
            collectPanels(panel.path("panels"), panelPointer + "/panels", out);
        }
    }

    /** Template variables ({@code templating.list}) that are objects, with their pointers. */
    public static List<PanelLocation> variables(JsonNode dashboard) {
        return objectsAt(dashboard.path("templating").path("list"), "/templating/list");
    }

    public static List<PanelLocation> annotations(JsonNode dashboard) {
        return objectsAt(dashboard.path("annotations").path("list"), "/annotations/list");
    }

    public static Set<String> variableNames(JsonNode dashboard) {
        Set<String> names = new LinkedHashSet<>();
        for (PanelLocation variable : variables(dashboard)) {
            JsonNode name = variable.panel().path("name");
            if (name.isTextual()) {
                names.add(name.asText());
            }
        }
        return names;
    }

    /** Names declared in an exported dashboard's {@code __inputs} ({@code DS_PROMETHEUS}, ...). */
    public static Set<String> inputNames(JsonNode dashboard) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode input : dashboard.path("__inputs")) {
            if (input.path("name").isTextual()) {
                names.add(input.path("name").asText());
            }
        }
        return names;
    }

    static List<PanelLocation> objectsAt(JsonNode array, String pointer) {
        List<PanelLocation> out = new ArrayList<>();
        if (array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isObject()) {
                    out.add(new PanelLocation(array.get(i), JsonPointers.append(pointer, i)));
                }
            }
        }
        return out;
    }
}
