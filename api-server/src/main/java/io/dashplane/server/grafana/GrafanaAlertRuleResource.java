package io.dashplane.server.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.RuleGroupView;
import io.dashplane.server.alerting.StoredAlertRule;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.folder.FolderService;
import io.dashplane.server.storage.ExpectedVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Grafana's alert rule and rule group provisioning API ({@code /api/v1/provisioning/...}). */
@Path("/grafana/{env}/api/v1/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grafana")
public final class GrafanaAlertRuleResource {
    static final String KIND = "alert-rule";

    private final AlertingServices alerting;
    private final EnvironmentService environments;
    private final GrafanaRuleGroups groups;
    private final GrafanaAlertingJson json;
    private final GrafanaProvenance provenance;

    public GrafanaAlertRuleResource(AlertingServices alerting, FolderService folders, EnvironmentService environments,
                                    GrafanaProvenance provenance) {
        this.alerting = alerting;
        this.environments = environments;
        this.groups = new GrafanaRuleGroups(alerting, folders);
        this.json = new GrafanaAlertingJson(alerting.mapper());
        this.provenance = provenance;
    }

    @GET
    @Path("alert-rules")
    @Operation(summary = "Grafana: every alert rule")
    public ArrayNode list(@PathParam("env") String env) {
        long orgId = environments.get(env).orgId();
        Map<String, String> marks = provenance.of(env, KIND);
        ArrayNode out = json.mapper().createArrayNode();
        AllPages.of(page -> alerting.rules().list(env, null, null, page)).forEach(r -> out.add(json.rule(r, orgId,
                marks.getOrDefault(r.rule().uid(), GrafanaProvenance.API))));
        return out;
    }

    @POST
    @Path("alert-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: create an alert rule (its rule group is created when missing)")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(type = "object",
            description = "the alert rule in Grafana's provisioning JSON")))
    public Response create(@PathParam("env") String env, @HeaderParam(GrafanaProvenance.HEADER) String disable,
                           JsonNode body) throws IOException {
        AlertRule rule = json.readRule(body);
        groups.ensureGroup(env, rule);
        StoredAlertRule created = alerting.rules().create(env, rule).value();
        provenance.record(env, KIND, created.rule().uid(), GrafanaProvenance.of(disable));
        return Response.status(201).entity(rule(env, created)).build();
    }

    @GET
    @Path("alert-rules/{uid}")
    @Operation(summary = "Grafana: get an alert rule")
    public ObjectNode get(@PathParam("env") String env, @PathParam("uid") String uid) {
        return rule(env, alerting.rules().get(env, uid));
    }

    @PUT
    @Path("alert-rules/{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: update an alert rule")
    public ObjectNode update(@PathParam("env") String env, @PathParam("uid") String uid,
                             @HeaderParam(GrafanaProvenance.HEADER) String disable, JsonNode body) throws IOException {
        alerting.rules().get(env, uid);
        AlertRule rule = json.readRule(body);
        groups.ensureGroup(env, rule);
        StoredAlertRule updated = alerting.rules().put(env, uid, rule.uid() == null ? rule.withUid(uid) : rule,
                ExpectedVersion.ANY).value();
        provenance.record(env, KIND, uid, GrafanaProvenance.of(disable));
        return rule(env, updated);
    }

    @DELETE
    @Path("alert-rules/{uid}")
    @Operation(summary = "Grafana: delete an alert rule")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response delete(@PathParam("env") String env, @PathParam("uid") String uid) {
        alerting.rules().delete(env, uid, ExpectedVersion.NONE);
        provenance.record(env, KIND, uid, GrafanaProvenance.API);
        return Response.noContent().build();
    }

    @GET
    @Path("folder/{folderUid}/rule-groups/{group}")
    @Operation(summary = "Grafana: get a rule group with its rules")
    public ObjectNode getGroup(@PathParam("env") String env, @PathParam("folderUid") String folderUid,
                               @PathParam("group") String group) {
        RuleGroupView view = groups.find(env, folderUid, group).orElseThrow(() ->
                new GrafanaRefusal(GrafanaRefusal.Kind.NOT_FOUND, "rule group not found"));
        long orgId = environments.get(env).orgId();
        Map<String, String> marks = provenance.of(env, KIND);
        ObjectNode node = json.mapper().createObjectNode();
        node.put("title", view.group().name());
        node.put("folderUid", view.group().folderUid());
        node.put("interval", GrafanaRuleGroups.seconds(view.group().interval()));
        ArrayNode rules = node.putArray("rules");
        AllPages.of(page -> alerting.rules().list(env, folderUid, group, page)).forEach(r -> rules.add(
                json.rule(r, orgId, marks.getOrDefault(r.rule().uid(), GrafanaProvenance.API))));
        return node;
    }

    @PUT
    @Path("folder/{folderUid}/rule-groups/{group}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: make a rule group exactly the interval and rules sent")
    public ObjectNode putGroup(@PathParam("env") String env, @PathParam("folderUid") String folderUid,
                               @PathParam("group") String group,
                               @HeaderParam(GrafanaProvenance.HEADER) String disable, JsonNode body) throws IOException {
        ObjectNode object = json.object(body);
        JsonNode interval = object.get("interval");
        if (interval == null || !interval.canConvertToLong()) {
            throw DomainException.invalid("/interval", "interval must be a whole number of seconds");
        }
        List<AlertRule> rules = new ArrayList<>();
        JsonNode sent = object.get("rules");
        if (sent != null && sent.isArray()) {
            for (JsonNode r : sent) {
                rules.add(json.readRule(r));
            }
        }
        groups.replace(env, folderUid, group, interval.asLong(), rules);
        RuleGroupView view = groups.find(env, folderUid, group).orElseThrow();
        view.ruleUids().forEach(uid -> provenance.record(env, KIND, uid, GrafanaProvenance.of(disable)));
        return getGroup(env, folderUid, group);
    }

    private ObjectNode rule(String env, StoredAlertRule r) {
        return json.rule(r, environments.get(env).orgId(), provenance.get(env, KIND, r.rule().uid()));
    }
}
