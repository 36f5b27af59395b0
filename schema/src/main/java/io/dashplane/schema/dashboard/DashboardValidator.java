package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.Uid;
import io.dashplane.schema.json.JsonPointers;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.schema.validation.ValidationReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic checks of a Grafana dashboard JSON model at write time. Which finding is an error and which
 * a warning is documented in docs/api.md ("Dashboard validation"). Unknown fields and panel types are
 * never findings: they come from plugins.
 */
public final class DashboardValidator {
    static final int GRID_COLUMNS = 24;

    public ValidationReport validate(JsonNode dashboard, String pointerPrefix, DatasourceLookup lookup) {
        return validate(dashboard, pointerPrefix, lookup, ValidationMode.STRICT);
    }

    /** In {@link ValidationMode#WARN}, unresolved datasource and variable references are warnings, not errors. */
    public ValidationReport validate(JsonNode dashboard, String pointerPrefix, DatasourceLookup lookup,
                                     ValidationMode mode) {
        Run run = new Run(dashboard, pointerPrefix, lookup, mode);
        run.check();
        return new ValidationReport(run.errors, run.warnings);
    }

    private static final class Run {
        final JsonNode dashboard;
        final String prefix;
        final DatasourceLookup lookup;
        final List<Finding> errors = new ArrayList<>();
        final List<Finding> warnings = new ArrayList<>();
        final Set<String> variables;
        final Set<String> inputs;
        final ValidationMode mode;

        Run(JsonNode dashboard, String prefix, DatasourceLookup lookup, ValidationMode mode) {
            this.mode = mode;
            this.dashboard = dashboard;
            this.prefix = prefix;
            this.lookup = lookup;
            this.variables = DashboardModel.variableNames(dashboard);
            this.inputs = DashboardModel.inputNames(dashboard);
        }

        void check() {
            if (!dashboard.isObject()) {
                error("", "dashboard must be a JSON object");
                return;
            }
            checkTitle();
            checkUid();
            checkShapes();
            checkPanels();
            checkDatasourceReferences();
            checkVariableReferences();
        }

        void checkTitle() {
            JsonNode title = dashboard.get("title");
            if (title == null || title.isNull()) {
                error("/title", "title is required");
            } else if (!title.isTextual()) {
                error("/title", "title must be a string");
            } else if (title.asText().isBlank()) {
                error("/title", "title must not be blank");
            }
        }

        void checkUid() {
            JsonNode uid = dashboard.get("uid");
            if (uid == null || uid.isNull()) {
                return;
            }
            if (!uid.isTextual()) {
                error("/uid", "uid must be a string");
                return;
            }
            String problem = Uid.problem(uid.asText());
            if (problem != null) {
                error("/uid", problem);
            }
        }

        void checkShapes() {
            expectArray(dashboard.get("panels"), "/panels");
            expectArray(dashboard.get("tags"), "/tags");
            JsonNode templating = dashboard.get("templating");
            if (templating != null && templating.isObject()) {
                expectArray(templating.get("list"), "/templating/list");
            }
            if (!dashboard.has("schemaVersion")) {
                warn("/schemaVersion", "schemaVersion is missing; Grafana will assume a very old model");
            }
        }

        void checkPanels() {
            Map<BigDecimal, String> seenIds = new HashMap<>();
            for (PanelLocation location : DashboardModel.panels(dashboard)) {
                JsonNode panel = location.panel();
                JsonNode id = panel.get("id");
                if (id == null || id.isNull()) {
                    warn(location.pointer(), "panel has no id; Grafana assigns one on load, which makes links to it unstable");
                } else if (!id.isNumber()) {
                    error(location.pointer() + "/id", "panel id must be a number");
                } else {
                    String first = seenIds.putIfAbsent(id.decimalValue().stripTrailingZeros(), location.pointer());
                    if (first != null) {
                        error(location.pointer() + "/id", "duplicate panel id " + id.asText() + " (also used by " + prefix + first + ")");
                    }
                }
                checkGridPos(panel.get("gridPos"), location.pointer() + "/gridPos");
            }
        }

        void checkGridPos(JsonNode gridPos, String pointer) {
            if (gridPos == null || gridPos.isNull()) {
                return;
            }
            if (!gridPos.isObject()) {
                error(pointer, "gridPos must be an object with x, y, w and h");
                return;
            }
            Long x = gridNumber(gridPos, "x", pointer);
            Long y = gridNumber(gridPos, "y", pointer);
            Long w = gridNumber(gridPos, "w", pointer);
            Long h = gridNumber(gridPos, "h", pointer);
            if (x != null && (x < 0 || x >= GRID_COLUMNS)) {
                error(pointer + "/x", "x must be between 0 and " + (GRID_COLUMNS - 1) + " (got " + x + ")");
            }
            if (y != null && y < 0) {
                error(pointer + "/y", "y must not be negative (got " + y + ")");
            }
            if (w != null && (w < 1 || w > GRID_COLUMNS)) {
                error(pointer + "/w", "w must be between 1 and " + GRID_COLUMNS + " (got " + w + ")");
            } else if (w != null && x != null && x >= 0 && x + w > GRID_COLUMNS) {
                error(pointer + "/w", "x + w must be at most " + GRID_COLUMNS + " (x=" + x + ", w=" + w + ")");
            }
            if (h != null && h < 1) {
                error(pointer + "/h", "h must be at least 1 (got " + h + ")");
            }
        }

        Long gridNumber(JsonNode gridPos, String field, String pointer) {
            JsonNode value = gridPos.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isNumber() || !value.canConvertToLong()
                    || value.decimalValue().stripTrailingZeros().scale() > 0) {
                error(pointer + "/" + field, field + " must be a whole number");
                return null;
            }
            return value.asLong();
        }

        void checkDatasourceReferences() {
            for (DatasourceReference ref : DatasourceReferences.extract(dashboard)) {
                String uid = ref.uid();
                if (uid == null || BuiltIns.DATASOURCES.contains(uid)) {
                    continue;
                }
                if (!VariableReferences.find(uid).isEmpty()) {
                    continue; // checked with the other variable references
                }
                String pointer = ref.legacy() ? ref.pointer() : ref.pointer() + "/uid";
                if (lookup.existsByUid(uid)) {
                    continue;
                }
                if (lookup.existsByName(uid)) {
                    if (!ref.legacy()) {
                        warn(pointer, "datasource '" + uid + "' is referenced by name; references by uid survive renames");
                    }
                    continue;
                }
                unresolved(pointer, "datasource '" + uid + "' matches no datasource uid or name in this environment");
            }
        }

        void checkVariableReferences() {
            for (PanelLocation location : DashboardModel.panels(dashboard)) {
                JsonNode panel = location.panel();
                scanText(panel.get("title"), location.pointer() + "/title");
                scanDatasource(panel.get("datasource"), location.pointer() + "/datasource");
                JsonNode repeat = panel.get("repeat");
                if (repeat != null && repeat.isTextual() && !repeat.asText().isEmpty()) {
                    String name = repeat.asText().replaceFirst("^\\$", "");
                    if (!variables.contains(name)) {
                        unresolved(location.pointer() + "/repeat", "panel repeats over variable '" + name + "', which is not defined in templating.list");
                    }
                }
                scanAll(panel.get("targets"), location.pointer() + "/targets");
            }
            for (PanelLocation variable : DashboardModel.variables(dashboard)) {
                scanDatasource(variable.panel().get("datasource"), variable.pointer() + "/datasource");
                scanAll(variable.panel().get("query"), variable.pointer() + "/query");
                scanText(variable.panel().get("regex"), variable.pointer() + "/regex");
            }
            for (PanelLocation annotation : DashboardModel.annotations(dashboard)) {
                scanDatasource(annotation.panel().get("datasource"), annotation.pointer() + "/datasource");
                for (String field : List.of("expr", "query", "target")) {
                    scanAll(annotation.panel().get(field), annotation.pointer() + "/" + field);
                }
            }
        }

        void scanDatasource(JsonNode ds, String pointer) {
            if (ds == null) {
                return;
            }
            if (ds.isTextual()) {
                scanText(ds, pointer);
            } else if (ds.isObject()) {
                scanText(ds.get("uid"), pointer + "/uid");
            }
        }

        void scanAll(JsonNode node, String pointer) {
            if (node == null) {
                return;
            }
            if (node.isTextual()) {
                scanText(node, pointer);
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    scanAll(node.get(i), JsonPointers.append(pointer, i));
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!field.getKey().equals("refId")) {
                        String child = JsonPointers.append(pointer, field.getKey());
                        if (field.getKey().equals("datasource")) {
                            scanDatasource(field.getValue(), child);
                        } else {
                            scanAll(field.getValue(), child);
                        }
                    }
                }
            }
        }

        void scanText(JsonNode text, String pointer) {
            if (text == null || !text.isTextual()) {
                return;
            }
            for (String name : VariableReferences.find(text.asText())) {
                if (variables.contains(name) || BuiltIns.isBuiltInVariable(name)) {
                    continue;
                }
                if (inputs.contains(name)) {
                    warn(pointer, "'" + name + "' is an __inputs placeholder of an exported dashboard; bind it to a datasource before Grafana can query it");
                } else {
                    unresolved(pointer, "variable '" + name + "' is not defined in templating.list");
                }
            }
        }

        void expectArray(JsonNode node, String pointer) {
            if (node != null && !node.isNull() && !node.isArray()) {
                error(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + " must be an array");
            }
        }

        void error(String pointer, String message) {
            errors.add(new Finding(prefix + pointer, message));
        }

        /** A reference to something missing: an error in strict mode, a warning in warn mode. */
        void unresolved(String pointer, String message) {
            if (mode == ValidationMode.WARN) {
                warn(pointer, message);
            } else {
                error(pointer, message);
            }
        }

        void warn(String pointer, String message) {
            warnings.add(new Finding(prefix + pointer, message));
        }
    }
}
