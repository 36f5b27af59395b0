package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.PlannedObjects;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

/** Attributes and plan steps every Dashplane resource shares: environment, id, version. */
final class Common {
    static final String ENVIRONMENT = "environment";
    static final String ID = "id";
    static final String UID = "uid";
    static final String VERSION = "version";

    private Common() {
    }

    static Attr environment(String what) {
        return Attr.string(ENVIRONMENT).optional().computed().requiresReplace().validate(Validators.uid())
                .description("environment of the " + what + "; defaults to the provider's; changing it replaces the " + what);
    }

    static Attr dataSourceEnvironment() {
        return Attr.string(ENVIRONMENT).optional().computed().validate(Validators.uid())
                .description("environment to look in; defaults to the provider's");
    }

    static Attr id() {
        return Attr.string(ID).computed().description("<environment>/<uid>");
    }

    static Attr version() {
        return Attr.number(VERSION).computed().description("server version, increases with every write");
    }

    /**
     * Plans {@code environment} (the provider's when not configured) and {@code id} (known when
     * environment and uid are).
     */
    static void planEnvironmentAndId(PlanContext<ProviderData> plan) {
        planEnvironment(plan);
        planId(plan, UID);
    }

    /** Plans {@code id} as {@code <environment>/<key>} (see {@link ObjectId}), unknown until both are known. */
    static void planId(PlanContext<ProviderData> plan, String key) {
        CtyValue environment = plan.planned().get(ENVIRONMENT);
        CtyValue value = plan.planned().get(key);
        if (environment.isPresent() && value.isPresent()) {
            plan.set(ID, ObjectId.of(environment.asString(), value.asString()));
        } else {
            plan.setUnknown(ID);
        }
    }

    /** Plans {@code environment}: the provider's when not configured. */
    static void planEnvironment(PlanContext<ProviderData> plan) {
        if (plan.config().isNull(ENVIRONMENT)) {
            ProviderData provider = plan.providerOrNull();
            if (provider == null) {
                plan.setUnknown(ENVIRONMENT);
            } else {
                plan.set(ENVIRONMENT, provider.environment());
            }
        }
    }

    /** The environment an object lives in: its attribute, else the provider's. */
    /**
     * Records a created or changed object for plan-time validation (a dashboard planned after it may refer to it);
     * {@code record} gets the plan's {@link PlannedObjects} and the object's environment.
     */
    static void recordPlanned(PlanContext<ProviderData> plan, java.util.function.BiConsumer<PlannedObjects, String> record) {
        ProviderData provider = plan.providerOrNull();
        if (provider != null && plan.planned().isPresent(ENVIRONMENT)) {
            record.accept(provider.checks().planned(), plan.planned().getString(ENVIRONMENT));
        }
    }

    /** The attribute's value when known, else null. */
    static String known(Values values, String attribute) {
        return values.isKnown(attribute) ? values.getString(attribute) : null;
    }

    static String environmentOf(Values values, ProviderData provider) {
        String environment = values.isKnown(ENVIRONMENT) ? values.getString(ENVIRONMENT) : null;
        return environment == null ? provider.environment() : environment;
    }

    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static boolean bool(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.asBoolean(false);
    }

    static long number(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalStateException("the server answered without a numeric \"" + field + "\"");
        }
        return value.longValue();
    }

    /**
     * A string the server reports as "" when unset: null when the prior value was null, so an unset
     * optional attribute does not show as a change from null to "".
     */
    static String emptyAsPrior(String server, Values prior, String attribute) {
        if ((server == null || server.isEmpty()) && prior != null && prior.isKnown(attribute) && prior.isNull(attribute)) {
            return null;
        }
        return server == null ? null : server;
    }

    static void putOrNull(ObjectNode body, String field, String value) {
        if (value == null) {
            body.putNull(field);
        } else {
            body.put(field, value);
        }
    }
}
