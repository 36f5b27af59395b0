package io.dashplane.server.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.dashboard.DashboardInputs;
import io.dashplane.server.errors.DomainException;
import jakarta.validation.constraints.NotBlank;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One value bound to an {@code __inputs} entry of a dashboard exported for sharing, as in Grafana's
 * {@code POST /api/dashboards/import}: {@code name} is the input ({@code DS_PROMETHEUS}), {@code value} what
 * replaces {@code ${DS_PROMETHEUS}} (for a datasource input, a datasource uid of the environment).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DashboardInput(@NotBlank(message = "name is required") String name, String type, String pluginId,
                             String value) {
    /** The bindings as name -> value (the last of a repeated name wins); empty for null. */
    public static Map<String, String> values(List<DashboardInput> inputs) {
        Map<String, String> values = new HashMap<>();
        if (inputs != null) {
            inputs.forEach(i -> values.put(i.name(), i.value()));
        }
        return values;
    }

    /**
     * The native write's binding: without {@code inputs} the dashboard is stored as sent; with them every
     * {@code __inputs} entry needs a value and the resolved dashboard (no {@code __inputs}) is stored.
     */
    static JsonNode bind(JsonNode dashboard, List<DashboardInput> inputs) {
        if (inputs == null || dashboard == null || !dashboard.isObject()) {
            return dashboard;
        }
        Map<String, String> values = values(inputs);
        List<String> unbound = DashboardInputs.unbound(dashboard, values);
        if (!unbound.isEmpty()) {
            throw DomainException.invalid("/inputs", "no value for the dashboard input '" + unbound.get(0)
                    + "' declared in /dashboard/__inputs: add {\"name\": \"" + unbound.get(0)
                    + "\", \"value\": \"<datasource uid>\"} to inputs");
        }
        return DashboardInputs.resolve((ObjectNode) dashboard, values);
    }
}
