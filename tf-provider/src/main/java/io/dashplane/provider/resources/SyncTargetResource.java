package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.client.SyncTargetClient;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.ListBlock;
import io.dashplane.provider.framework.PlanContext;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Resource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;
import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.Durations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.VERSION;

/**
 * {@code dashplane_sync_target} (docs/resources/sync_target.md): a Grafana instance an environment keeps in sync.
 * The token is write-only on the server: the state keeps the configured value and a read never replaces it.
 */
public final class SyncTargetResource implements Resource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_sync_target";
    static final String TLS = "tls";
    static final String INSECURE = "insecure_skip_verify";
    static final String CA = "ca_certificate";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Schema SCHEMA = Schema.of(0, "A Grafana instance the environment's content is pushed to and kept in sync with.",
            List.of(
                    Attr.string(ENVIRONMENT).required().requiresReplace().validate(Validators.uid())
                            .description("environment whose content is pushed; changing it replaces the target"),
                    Attr.string("name").required().requiresReplace().validate(SyncTargetResource::validateName)
                            .description("target name, unique in the environment: a lowercase letter or digit, then up to"
                                    + " 62 lowercase letters, digits or '-'; changing it replaces the target"),
                    Attr.string("url").required().validate(SyncTargetResource::validateUrl)
                            .description("base URL of the Grafana instance, http or https"),
                    Attr.string("token").optional().sensitive().validate(Validators.notBlank())
                            .description("Grafana service-account token; write-only on the server, never read back"),
                    Attr.number("org_id").defaultValue(1).validate(Validators.atLeast(1))
                            .description("Grafana organization the content goes to"),
                    Attr.stringList("folders").optional().validate(SyncTargetResource::validateFolders)
                            .description("uids of the folders to push (with their subfolders); null pushes everything"),
                    Attr.string("resync_interval").defaultValue("5m").semanticEquality(AlertingSupport.durationEquality())
                            .validate(AlertingSupport.durationValidator()).validate(SyncTargetResource::validateAtLeastOneSecond)
                            .description("duration between full resyncs besides the event-driven ones, at least 1s;"
                                    + " \"5m\" and \"300s\" are equal"),
                    Attr.bool("editable").defaultValue(false)
                            .description("objects are editable in Grafana's UI instead of provisioned (read-only)"),
                    Attr.bool("adopt").defaultValue(false)
                            .description("objects made by hand in the Grafana with a managed uid or name are taken over"),
                    Attr.string("drift").defaultValue("revert").validate(Validators.oneOf("revert", "report"))
                            .description("what happens to managed objects changed in the Grafana: revert or report"),
                    Attr.bool("enabled").defaultValue(true).description("false stops pushing without forgetting the target"),
                    Attr.string(ID).computed().description("<environment>/<name>"),
                    Common.version()),
            List.of(ListBlock.of(TLS,
                            Attr.bool(INSECURE).defaultValue(false).description("skip verifying the Grafana's certificate"),
                            Attr.string(CA).optional().semanticEquality(SyncTargetResource::samePem)
                                    .validate(SyncTargetResource::validatePem)
                                    .description("PEM certificate(s) to trust for the Grafana's certificate"))
                    .maxItems(1).description("TLS options for reaching the Grafana")));
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("url", "url"), Map.entry("token", "token"), Map.entry("orgId", "org_id"),
            Map.entry("folders", "folders"), Map.entry("resyncInterval", "resync_interval"),
            Map.entry("editable", "editable"), Map.entry("adopt", "adopt"), Map.entry("drift", "drift"),
            Map.entry("enabled", "enabled"));
    private static final Map<String, String> TLS_FIELDS = Map.of("insecureSkipVerify", INSECURE, "caCertificate", CA);
    private static final ApiErrors.PointerMapping POINTERS = SyncTargetResource::locate;

    @Override
    public String typeName() {
        return TYPE_NAME;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void modifyPlan(PlanContext<ProviderData> plan) {
        Common.planId(plan, "name");
    }

    @Override
    public Values create(Values planned, ResourceContext<ProviderData> context) {
        String environment = planned.getString(ENVIRONMENT);
        String name = planned.getString("name");
        DashplaneClient client = context.provider().client();
        ObjectNode created = ApiErrors.call("creating sync target " + ObjectId.of(environment, name), POINTERS,
                () -> targets(context).create(environment, body(client, planned)));
        return state(planned, environment, created);
    }

    @Override
    public Values read(Values state, ResourceContext<ProviderData> context) {
        String environment = state.getString(ENVIRONMENT);
        String name = state.getString("name");
        return ApiErrors.call("reading sync target " + ObjectId.of(environment, name), null,
                        () -> targets(context).get(environment, name))
                .map(target -> state(state, environment, target))
                .orElse(null);
    }

    @Override
    public Values update(Values prior, Values planned, ResourceContext<ProviderData> context) {
        String environment = prior.getString(ENVIRONMENT);
        String name = prior.getString("name");
        DashplaneClient client = context.provider().client();
        ObjectNode written = ApiErrors.call("updating sync target " + ObjectId.of(environment, name), POINTERS,
                () -> targets(context).put(environment, name, body(client, planned), prior.getLong(VERSION)).body());
        return state(planned, environment, written);
    }

    @Override
    public void delete(Values prior, ResourceContext<ProviderData> context) {
        String environment = prior.getString(ENVIRONMENT);
        String name = prior.getString("name");
        String what = "deleting sync target " + ObjectId.of(environment, name);
        SyncTargetClient targets = targets(context);
        if (ApiErrors.unchangedSince(what, prior.getLong(VERSION), ApiErrors.call(what, null, () -> targets.get(environment, name)))) {
            ApiErrors.run(what, null, () -> targets.delete(environment, name));
        }
    }

    /** Import id {@code <environment>/<name>}; the token stays null until the configuration sets it. */
    @Override
    public Values importState(String id, ResourceContext<ProviderData> context) {
        String trimmed = id == null ? "" : id.trim();
        int slash = trimmed.indexOf('/');
        String environment = slash < 0 ? "" : trimmed.substring(0, slash);
        String name = slash < 0 ? "" : trimmed.substring(slash + 1);
        if (!Uid.isValid(environment) || !NAME.matcher(name).matches()) {
            throw new ProviderException("Invalid import id",
                    "expected <environment>/<name> (e.g. prod/grafana-a), got \"" + id + "\"");
        }
        ObjectNode target = ApiErrors.call("importing sync target " + trimmed, null, () -> targets(context).get(environment, name))
                .orElseThrow(() -> new ProviderException("Cannot import non-existent sync target",
                        "there is no sync target \"" + name + "\" in environment \"" + environment + "\""));
        return state(Values.empty(SCHEMA.objectType()), environment, target);
    }

    private static SyncTargetClient targets(ResourceContext<ProviderData> context) {
        return new SyncTargetClient(context.provider().client());
    }

    /** The request body: every field (a PUT is a full replace), the token only when configured (absent keeps it). */
    private static ObjectNode body(DashplaneClient client, Values planned) {
        ObjectNode body = client.mapper().createObjectNode();
        body.put("name", planned.getString("name"));
        body.put("url", planned.getString("url"));
        if (planned.getString("token") != null) {
            body.put("token", planned.getString("token"));
        }
        body.put("orgId", planned.getLong("org_id"));
        List<Values> tlsBlocks = planned.blocks(TLS);
        ObjectNode tls = body.putObject("tls");
        tls.put("insecureSkipVerify", !tlsBlocks.isEmpty() && Boolean.TRUE.equals(tlsBlocks.get(0).getBool(INSECURE)));
        Common.putOrNull(tls, "caCertificate", tlsBlocks.isEmpty() ? null : tlsBlocks.get(0).getString(CA));
        List<String> folders = planned.getStringList("folders");
        if (folders == null) {
            body.putNull("folders");
        } else {
            ArrayNode array = body.putArray("folders");
            folders.forEach(array::add);
        }
        body.put("resyncInterval", planned.getString("resync_interval"));
        body.put("editable", Boolean.TRUE.equals(planned.getBool("editable")));
        body.put("adopt", Boolean.TRUE.equals(planned.getBool("adopt")));
        body.put("drift", planned.getString("drift"));
        body.put("enabled", Boolean.TRUE.equals(planned.getBool("enabled")));
        return body;
    }

    /**
     * The state from a server answer; {@code base} supplies the token (never returned) and whether a {@code tls} block
     * was written: the server always answers a {@code tls} object, which is no block while it holds the defaults.
     */
    private static Values state(Values base, String environment, ObjectNode target) {
        String name = Common.text(target, "name");
        JsonNode tls = target.path("tls");
        boolean insecure = tls.path("insecureSkipVerify").asBoolean(false);
        String ca = Common.text(tls, "caCertificate");
        boolean hadBlock = base.isKnown(TLS) && !base.blocks(TLS).isEmpty();
        List<Values> tlsBlocks = new ArrayList<>();
        if (insecure || ca != null || hadBlock) {
            Values block = new Values(CtyValue.object(SCHEMA.block(TLS).elementType(), Map.of(
                    INSECURE, CtyValue.bool(insecure),
                    CA, ca == null ? CtyValue.nullOf(CtyType.STRING) : CtyValue.string(ca))));
            tlsBlocks.add(block);
        }
        JsonNode folders = target.get("folders");
        List<String> folderList = null;
        if (folders != null && folders.isArray()) {
            folderList = new ArrayList<>();
            for (JsonNode folder : folders) {
                folderList.add(folder.asText());
            }
        }
        JsonNode orgId = target.get("orgId");
        return base.with("name", name)
                .with("url", Common.text(target, "url"))
                .with("org_id", orgId == null || !orgId.canConvertToLong() ? 1L : orgId.longValue())
                .withBlocks(TLS, tlsBlocks)
                .withStrings("folders", folderList)
                .with("resync_interval", orDefault(Common.text(target, "resyncInterval"), "5m"))
                .with("editable", Common.bool(target, "editable"))
                .with("adopt", Common.bool(target, "adopt"))
                .with("drift", orDefault(Common.text(target, "drift"), "revert"))
                .with("enabled", !target.has("enabled") || target.get("enabled").asBoolean(true))
                .with(ENVIRONMENT, environment)
                .with(ID, ObjectId.of(environment, name))
                .with(VERSION, Common.number(target, "version"));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** A 422 pointer of the request body to the attribute (or tls block attribute, folders element) it concerns. */
    private static ApiErrors.Located locate(String pointer) {
        String[] parts = pointer.split("/", 4);
        if (parts.length < 2) {
            return null;
        }
        if (parts[1].equals(TLS)) {
            String attribute = parts.length > 2 ? TLS_FIELDS.get(parts[2]) : null;
            return attribute == null ? new ApiErrors.Located(TLS, "")
                    : new ApiErrors.Located(AttributePath.of(TLS).index(0).attr(attribute), "");
        }
        if (parts[1].equals("folders") && parts.length > 2 && parts[2].matches("\\d+")) {
            return new ApiErrors.Located(AttributePath.of("folders").index(Long.parseLong(parts[2])), "");
        }
        String attribute = FIELDS.get(parts[1]);
        return attribute == null ? null
                : new ApiErrors.Located(attribute, parts.length > 2 ? "at " + pointer.substring(parts[1].length() + 1) + ": " : "");
    }

    private static void validateName(AttributePath path, CtyValue value, Diagnostics diagnostics) {
        if (!NAME.matcher(value.asString()).matches()) {
            diagnostics.error(path, "Invalid sync target name", "must be a lowercase letter or digit followed by up to 62"
                    + " lowercase letters, digits or '-', got \"" + value.asString() + "\"");
        }
    }

    private static void validateUrl(AttributePath path, CtyValue value, Diagnostics diagnostics) {
        String text = value.asString();
        String problem;
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem = "must be an absolute http or https URL";
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problem = "must name a host";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problem = "must not have a query, fragment or user info (the token authenticates)";
            } else {
                problem = null;
            }
        } catch (URISyntaxException e) {
            problem = "is not a valid URL (" + e.getReason() + ")";
        }
        if (problem != null) {
            diagnostics.error(path, "Invalid Grafana URL", problem + ", got \"" + text + "\"");
        }
    }

    private static void validateAtLeastOneSecond(AttributePath path, CtyValue value, Diagnostics diagnostics) {
        if (Durations.isValid(value.asString()) && Durations.parse(value.asString()).toSeconds() < 1) {
            diagnostics.error(path, "Invalid duration", "must be at least 1s, got \"" + value.asString() + "\"");
        }
    }

    private static void validateFolders(AttributePath path, CtyValue value, Diagnostics diagnostics) {
        List<CtyValue> elements = value.elements();
        for (int i = 0; i < elements.size(); i++) {
            CtyValue element = elements.get(i);
            if (element.isKnown() && element.isNull()) {
                diagnostics.error(path.index(i), "Invalid folder uid", "must not be null");
            } else if (element.isKnown()) {
                String problem = Uid.problem(element.asString());
                if (problem != null) {
                    diagnostics.error(path.index(i), "Invalid folder uid", problem);
                }
            }
        }
    }

    private static void validatePem(AttributePath path, CtyValue value, Diagnostics diagnostics) {
        if (!value.asString().contains("-----BEGIN CERTIFICATE-----")) {
            diagnostics.error(path, "Invalid CA certificate", "expected PEM text with at least one"
                    + " \"-----BEGIN CERTIFICATE-----\" block");
        }
    }

    /** PEM text that differs only in surrounding whitespace (a heredoc's final newline) is the same certificate. */
    private static boolean samePem(CtyValue a, CtyValue b) {
        return a.asString().strip().equals(b.asString().strip());
    }
}
