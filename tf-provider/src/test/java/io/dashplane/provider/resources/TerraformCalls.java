package io.dashplane.provider.resources;

import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectType;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.FrameworkProvider;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Values;
import io.dashplane.provider.protocol.ApplyResourceChangeRequest;
import io.dashplane.provider.protocol.ApplyResourceChangeResponse;
import io.dashplane.provider.protocol.AttributePath;
import io.dashplane.provider.protocol.Diagnostic;
import io.dashplane.provider.protocol.ImportResourceStateRequest;
import io.dashplane.provider.protocol.ImportResourceStateResponse;
import io.dashplane.provider.protocol.PlanResourceChangeRequest;
import io.dashplane.provider.protocol.PlanResourceChangeResponse;
import io.dashplane.provider.protocol.ReadDataSourceRequest;
import io.dashplane.provider.protocol.ReadDataSourceResponse;
import io.dashplane.provider.protocol.ReadResourceRequest;
import io.dashplane.provider.protocol.ReadResourceResponse;
import io.dashplane.provider.protocol.ValidateResourceConfigRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives a {@link FrameworkProvider} in-process the way Terraform core does for one resource: it
 * builds the proposed new state from config and prior, and checks Terraform's plan and apply
 * validity rules on every answer. Not a replacement for the process-level harness.
 */
final class TerraformCalls {
    private final FrameworkProvider<?> provider;
    private final String typeName;
    private final Schema schema;

    TerraformCalls(FrameworkProvider<?> provider, String typeName, Schema schema) {
        this.provider = provider;
        this.typeName = typeName;
        this.schema = schema;
    }

    Values config() {
        return Values.empty(schema.objectType());
    }

    record Planned(Values planned, List<AttributePath> requiresReplace, List<Diagnostic> diagnostics) {
    }

    List<Diagnostic> validate(Values config) {
        return provider.validateResourceConfig(new ValidateResourceConfigRequest(typeName, encode(config))).diagnostics();
    }

    Planned plan(Values prior, Values config) {
        PlanResourceChangeResponse response = provider.planResourceChange(new PlanResourceChangeRequest(
                typeName, encode(prior), encode(proposed(prior, config)), encode(config), null, null));
        if (hasErrors(response.diagnostics())) {
            return new Planned(null, response.requiresReplace(), response.diagnostics());
        }
        Values planned = decode(response.plannedState());
        assertPlanValid(prior, config, planned);
        return new Planned(planned, response.requiresReplace(), response.diagnostics());
    }

    /** Plans and applies; returns the new state after checking it against the plan. */
    Values apply(Values prior, Values config) {
        Planned plan = plan(prior, config);
        assertNoErrors(plan.diagnostics());
        ApplyResult result = applyPlanned(prior, plan.planned(), config);
        assertNoErrors(result.diagnostics());
        return result.state();
    }

    record ApplyResult(Values state, List<Diagnostic> diagnostics) {
    }

    ApplyResult applyPlanned(Values prior, Values planned, Values config) {
        ApplyResourceChangeResponse response = provider.applyResourceChange(new ApplyResourceChangeRequest(
                typeName, encode(prior), encode(planned), encode(config), null, null));
        Values state = decode(response.newState());
        if (!hasErrors(response.diagnostics()) && planned != null) {
            assertTrue(state.toCty().isWhollyKnown(), "apply result must be wholly known: " + state);
            planned.toCty().attributes().forEach((name, value) -> {
                if (value.isWhollyKnown()) {
                    assertEquals(value, state.get(name), "apply changed the known planned value of " + name);
                }
            });
        }
        return new ApplyResult(state, response.diagnostics());
    }

    /** Null when the object is gone. */
    Values read(Values state) {
        ReadResourceResponse response = provider.readResource(new ReadResourceRequest(typeName, encode(state), null, null));
        assertNoErrors(response.diagnostics());
        return decode(response.newState());
    }

    ImportResourceStateResponse importState(String id) {
        return provider.importResourceState(new ImportResourceStateRequest(typeName, id));
    }

    Values imported(String id) {
        ImportResourceStateResponse response = importState(id);
        assertNoErrors(response.diagnostics());
        assertEquals(1, response.importedResources().size());
        return read(decode(response.importedResources().get(0).state()));
    }

    ReadDataSourceResponse readDataSource(Values config) {
        return provider.readDataSource(new ReadDataSourceRequest(typeName, encode(config), null));
    }

    Values dataSource(Values config) {
        ReadDataSourceResponse response = readDataSource(config);
        assertNoErrors(response.diagnostics());
        return decode(response.state());
    }

    /** Terraform's ProposedNew: config, with prior values for computed attributes the config leaves null. */
    private Values proposed(Values prior, Values config) {
        if (config == null) {
            return null;
        }
        Values proposed = config;
        for (Attr attribute : schema.attributes().values()) {
            if (attribute.isComputed() && config.isNull(attribute.name())) {
                proposed = proposed.with(attribute.name(), prior == null
                        ? CtyValue.nullOf(attribute.type()) : prior.get(attribute.name()));
            }
        }
        return proposed;
    }

    /** Terraform's AssertPlanValid for top-level attributes. */
    private void assertPlanValid(Values prior, Values config, Values planned) {
        if (config == null) {
            assertEquals(null, planned, "a destroy must plan null");
            return;
        }
        for (Attr attribute : schema.attributes().values()) {
            String name = attribute.name();
            CtyValue plannedValue = planned.get(name);
            CtyValue configValue = config.get(name);
            CtyValue priorValue = prior == null ? CtyValue.nullOf(attribute.type()) : prior.get(name);
            boolean valid = plannedValue.equals(configValue)
                    || (plannedValue.equals(priorValue) && !priorValue.isNull() && !configValue.isNull())
                    || (attribute.isComputed() && !attribute.isOptional())
                    || (attribute.isComputed() && configValue.isNull());
            if (!valid) {
                fail("invalid plan for " + name + ": planned " + plannedValue + ", config " + configValue + ", prior " + priorValue);
            }
        }
    }

    private byte[] encode(Values values) {
        ObjectType type = schema.objectType();
        return CtyMsgpack.encode(values == null ? CtyValue.nullOf(type) : values.toCty(), type);
    }

    private Values decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        CtyValue value = CtyMsgpack.decode(bytes, schema.objectType());
        return value.isNull() ? null : new Values((io.dashplane.provider.cty.ObjectValue) value);
    }

    static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    static void assertNoErrors(List<Diagnostic> diagnostics) {
        assertTrue(!hasErrors(diagnostics), "unexpected errors: " + diagnostics);
    }
}
