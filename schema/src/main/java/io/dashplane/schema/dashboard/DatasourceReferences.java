package io.dashplane.schema.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.dashboard.DatasourceReference.Holder;

import java.util.ArrayList;
import java.util.List;

/** Extracts every datasource reference of a dashboard: panels, their targets, template variables, annotations. */
public final class DatasourceReferences {
    private DatasourceReferences() {
    }

    public static List<DatasourceReference> extract(JsonNode dashboard) {
        List<DatasourceReference> refs = new ArrayList<>();
        for (PanelLocation panel : DashboardModel.panels(dashboard)) {
            add(refs, panel.panel(), panel.pointer(), Holder.PANEL);
            for (PanelLocation target : DashboardModel.objectsAt(panel.panel().path("targets"), panel.pointer() + "/targets")) {
                add(refs, target.panel(), target.pointer(), Holder.TARGET);
            }
        }
        for (PanelLocation variable : DashboardModel.variables(dashboard)) {
            add(refs, variable.panel(), variable.pointer(), Holder.VARIABLE);
        }
        for (PanelLocation annotation : DashboardModel.annotations(dashboard)) {
            add(refs, annotation.panel(), annotation.pointer(), Holder.ANNOTATION);
        }
        return refs;
    }

    private static void add(List<DatasourceReference> refs, JsonNode holder, String pointer, Holder where) {
        JsonNode ds = holder.get("datasource");
        if (ds == null || ds.isNull()) {
            return;
        }
        String dsPointer = pointer + "/datasource";
        if (ds.isTextual()) {
            refs.add(new DatasourceReference(dsPointer, where, ds.asText(), null, true));
        } else if (ds.isObject()) {
            JsonNode uid = ds.get("uid");
            JsonNode type = ds.get("type");
            refs.add(new DatasourceReference(dsPointer, where,
                    uid != null && uid.isTextual() ? uid.asText() : null,
                    type != null && type.isTextual() ? type.asText() : null, false));
        }
    }
}
