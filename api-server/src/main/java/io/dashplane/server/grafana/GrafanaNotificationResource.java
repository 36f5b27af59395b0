package io.dashplane.server.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.Route;
import io.dashplane.schema.alerting.provisioning.ProvisionedPolicy;
import io.dashplane.schema.alerting.provisioning.ProvisioningFile;
import io.dashplane.server.alerting.AlertingServices;
import io.dashplane.server.alerting.StoredContactPoint;
import io.dashplane.server.alerting.StoredMuteTiming;
import io.dashplane.server.alerting.StoredTemplate;
import io.dashplane.server.errors.DomainException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grafana's notification provisioning API: contact points (one integration each), the notification policy tree,
 * mute timings and message templates.
 */
@Path("/grafana/{env}/api/v1/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grafana")
public final class GrafanaNotificationResource {
    static final String CONTACT_POINT = "contact-point";
    static final String POLICY = "notification-policy";
    static final String MUTE_TIMING = "mute-timing";
    static final String TEMPLATE = "template";

    private final AlertingServices alerting;
    private final GrafanaAlertingJson json;
    private final GrafanaProvenance provenance;

    public GrafanaNotificationResource(AlertingServices alerting, GrafanaProvenance provenance) {
        this.alerting = alerting;
        this.json = new GrafanaAlertingJson(alerting.mapper());
        this.provenance = provenance;
    }

    // contact points

    @GET
    @Path("contact-points")
    @Operation(summary = "Grafana: contact points, one entry per integration")
    public ArrayNode contactPoints(@PathParam("env") String env, @QueryParam("name") String name) {
        Map<String, String> marks = provenance.of(env, CONTACT_POINT);
        ArrayNode out = json.mapper().createArrayNode();
        AllPages.of(page -> alerting.contactPoints().list(env, name, page)).forEach(cp -> out.addAll(json.integrations(cp, marks)));
        return out;
    }

    @POST
    @Path("contact-points")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: add a contact point (an integration; the same name adds to that contact point)")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(type = "object",
            description = "the contact point in Grafana's provisioning JSON")))
    public Response createContactPoint(@PathParam("env") String env,
                                       @HeaderParam(GrafanaProvenance.HEADER) String disable, JsonNode body)
            throws IOException {
        EmbeddedContactPoint sent = embedded(body);
        StoredContactPoint cp = named(env, sent.name()).map(existing -> {
            List<Integration> integrations = new ArrayList<>(existing.integrations());
            integrations.add(sent.integration());
            return alerting.contactPoints().put(env, existing.uid(),
                    new ContactPoint(existing.uid(), existing.name(), integrations),
                    ExpectedVersion.exactly(existing.meta().version())).value();
        }).orElseGet(() -> alerting.contactPoints().create(env,
                new ContactPoint(null, sent.name(), List.of(sent.integration()))).value());
        Integration created = cp.integrations().get(cp.integrations().size() - 1);
        provenance.record(env, CONTACT_POINT, created.uid(), GrafanaProvenance.of(disable));
        return Response.status(202).entity(json.integration(cp, created, GrafanaProvenance.of(disable))).build();
    }

    @PUT
    @Path("contact-points/{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: replace a contact point (an integration), secrets sent as [REDACTED] kept")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = GrafanaMessage.class)))
    public Response updateContactPoint(@PathParam("env") String env, @PathParam("uid") String uid,
                                       @HeaderParam(GrafanaProvenance.HEADER) String disable, JsonNode body)
            throws IOException {
        EmbeddedContactPoint sent = embedded(body);
        StoredContactPoint owner = owner(env, uid);
        Integration replacement = new Integration(uid, sent.integration().type(), sent.integration().settings(),
                sent.integration().disableResolveMessage());
        List<Integration> integrations = new ArrayList<>();
        owner.integrations().forEach(i -> integrations.add(i.uid().equals(uid) ? replacement : i));
        String name = sent.name() == null ? owner.name() : sent.name();
        if (!name.equals(owner.name()) && owner.integrations().size() > 1) {
            throw new GrafanaRefusal(GrafanaRefusal.Kind.BAD_REQUEST, "moving one integration of '" + owner.name()
                    + "' to another name is not supported; delete it and create it under the new name");
        }
        alerting.contactPoints().put(env, owner.uid(), new ContactPoint(owner.uid(), name, integrations),
                ExpectedVersion.exactly(owner.meta().version()));
        provenance.record(env, CONTACT_POINT, uid, GrafanaProvenance.of(disable));
        return Response.status(202).entity(Map.of("message", "contactpoint updated")).build();
    }

    @DELETE
    @Path("contact-points/{uid}")
    @Operation(summary = "Grafana: delete a contact point (an integration; the last one deletes the contact point)")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = GrafanaMessage.class)))
    public Response deleteContactPoint(@PathParam("env") String env, @PathParam("uid") String uid) {
        StoredContactPoint owner = owner(env, uid);
        if (owner.integrations().size() == 1) {
            alerting.contactPoints().delete(env, owner.uid(), ExpectedVersion.exactly(owner.meta().version()));
        } else {
            List<Integration> rest = owner.integrations().stream().filter(i -> !i.uid().equals(uid)).toList();
            alerting.contactPoints().put(env, owner.uid(), new ContactPoint(owner.uid(), owner.name(), rest),
                    ExpectedVersion.exactly(owner.meta().version()));
        }
        provenance.record(env, CONTACT_POINT, uid, GrafanaProvenance.API);
        return Response.status(202).entity(Map.of("message", "contactpoint deleted")).build();
    }

    // notification policies

    @GET
    @Path("policies")
    @Operation(summary = "Grafana: the notification policy tree")
    public ObjectNode policies(@PathParam("env") String env) {
        ObjectNode tree = json.mapper().valueToTree(alerting.policies().tree(env).tree());
        tree.put("provenance", provenance.get(env, POLICY, POLICY));
        return tree;
    }

    @PUT
    @Path("policies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: replace the whole notification policy tree")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = GrafanaMessage.class)))
    public Response putPolicies(@PathParam("env") String env, @HeaderParam(GrafanaProvenance.HEADER) String disable,
                                JsonNode body) throws IOException {
        ObjectNode object = json.object(body);
        object.remove("provenance");
        Route tree = json.read(object, Route.class);
        importFile(env, new ProvisioningFile(ProvisioningFile.API_VERSION, null, null, null, null,
                List.of(new ProvisionedPolicy(null, tree)), null, null, null, null, null), "/policies/0/policy");
        provenance.record(env, POLICY, POLICY, GrafanaProvenance.of(disable));
        return Response.status(202).entity(Map.of("message", "policies updated")).build();
    }

    @DELETE
    @Path("policies")
    @Operation(summary = "Grafana: reset the notification policy tree")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = GrafanaMessage.class)))
    public Response resetPolicies(@PathParam("env") String env) {
        importFile(env, new ProvisioningFile(ProvisioningFile.API_VERSION, null, null, null, null, null,
                List.of(1L), null, null, null, null), "");
        provenance.record(env, POLICY, POLICY, GrafanaProvenance.API);
        return Response.status(202).entity(Map.of("message", "policies reset")).build();
    }

    // mute timings

    @GET
    @Path("mute-timings")
    @Operation(summary = "Grafana: mute timings")
    public ArrayNode muteTimings(@PathParam("env") String env) {
        return marked(env, MUTE_TIMING, AllPages.of(page -> alerting.muteTimings().list(env, page)),
                t -> t.timing().name(), json::muteTiming);
    }

    @POST
    @Path("mute-timings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: create a mute timing")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(type = "object",
            description = "the mute timing in Grafana's provisioning JSON")))
    public Response createMuteTiming(@PathParam("env") String env,
                                     @HeaderParam(GrafanaProvenance.HEADER) String disable, JsonNode body)
            throws IOException {
        MuteTiming timing = json.read(withoutServerMembers(body), MuteTiming.class);
        StoredMuteTiming created = alerting.muteTimings().create(env, null, timing).value();
        provenance.record(env, MUTE_TIMING, created.timing().name(), GrafanaProvenance.of(disable));
        return Response.status(201).entity(json.muteTiming(created, GrafanaProvenance.of(disable))).build();
    }

    @GET
    @Path("mute-timings/{name}")
    @Operation(summary = "Grafana: get a mute timing by name")
    public ObjectNode muteTiming(@PathParam("env") String env, @PathParam("name") String name) {
        return json.muteTiming(alerting.muteTimings().getByName(env, name), provenance.get(env, MUTE_TIMING, name));
    }

    @PUT
    @Path("mute-timings/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: replace a mute timing")
    public ObjectNode putMuteTiming(@PathParam("env") String env, @PathParam("name") String name,
                                    @HeaderParam(GrafanaProvenance.HEADER) String disable, JsonNode body)
            throws IOException {
        alerting.muteTimings().getByName(env, name);
        MuteTiming timing = json.read(withoutServerMembers(body), MuteTiming.class);
        StoredMuteTiming stored = alerting.muteTimings().putByName(env, name, timing, ExpectedVersion.ANY).value();
        provenance.record(env, MUTE_TIMING, stored.timing().name(), GrafanaProvenance.of(disable));
        return json.muteTiming(stored, GrafanaProvenance.of(disable));
    }

    @DELETE
    @Path("mute-timings/{name}")
    @Operation(summary = "Grafana: delete a mute timing")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response deleteMuteTiming(@PathParam("env") String env, @PathParam("name") String name) {
        alerting.muteTimings().deleteByName(env, name, ExpectedVersion.NONE);
        provenance.record(env, MUTE_TIMING, name, GrafanaProvenance.API);
        return Response.noContent().build();
    }

    // templates

    @GET
    @Path("templates")
    @Operation(summary = "Grafana: message templates")
    public ArrayNode templates(@PathParam("env") String env) {
        return marked(env, TEMPLATE, AllPages.of(page -> alerting.templates().list(env, page)),
                t -> t.template().name(), json::template);
    }

    @GET
    @Path("templates/{name}")
    @Operation(summary = "Grafana: get a message template")
    public ObjectNode template(@PathParam("env") String env, @PathParam("name") String name) {
        return json.template(alerting.templates().get(env, name), provenance.get(env, TEMPLATE, name));
    }

    @PUT
    @Path("templates/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grafana: create or replace a message template")
    @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(type = "object",
            description = "the template in Grafana's provisioning JSON")))
    public Response putTemplate(@PathParam("env") String env, @PathParam("name") String name,
                                @HeaderParam(GrafanaProvenance.HEADER) String disable, JsonNode body) {
        JsonNode text = json.object(body).get("template");
        if (text == null || !text.isTextual()) {
            throw DomainException.invalid("/template", "template must be a string");
        }
        StoredTemplate stored = alerting.templates().put(env, name, new MessageTemplate(name, text.asText()),
                ExpectedVersion.NONE).value();
        provenance.record(env, TEMPLATE, name, GrafanaProvenance.of(disable));
        return Response.status(202).entity(json.template(stored, GrafanaProvenance.of(disable))).build();
    }

    @DELETE
    @Path("templates/{name}")
    @Operation(summary = "Grafana: delete a message template")
    @ApiResponse(responseCode = "204", description = "No content")
    public Response deleteTemplate(@PathParam("env") String env, @PathParam("name") String name) {
        alerting.templates().delete(env, name, ExpectedVersion.NONE);
        provenance.record(env, TEMPLATE, name, GrafanaProvenance.API);
        return Response.noContent().build();
    }

    /** Each object in Grafana's shape with the provenance recorded for it (by {@code key}). */
    private <T> ArrayNode marked(String env, String kind, List<T> objects, java.util.function.Function<T, String> key,
                                 java.util.function.BiFunction<T, String, ObjectNode> shape) {
        Map<String, String> marks = provenance.of(env, kind);
        ArrayNode out = json.mapper().createArrayNode();
        objects.forEach(o -> out.add(shape.apply(o, marks.getOrDefault(key.apply(o), GrafanaProvenance.API))));
        return out;
    }

    /** Grafana's contact point of this API: one integration under a name. */
    private record EmbeddedContactPoint(String name, Integration integration) {
    }

    private EmbeddedContactPoint embedded(JsonNode body) throws IOException {
        ObjectNode object = json.object(body);
        object.remove("provenance");
        JsonNode name = object.remove("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw DomainException.invalid("/name", "name is required");
        }
        return new EmbeddedContactPoint(name.asText(), json.read(object, Integration.class));
    }

    private java.util.Optional<StoredContactPoint> named(String env, String name) {
        return AllPages.of(page -> alerting.contactPoints().list(env, name, page)).stream()
                .filter(cp -> cp.name().equals(name)).findFirst();
    }

    /** The contact point that holds the integration {@code uid}. */
    private StoredContactPoint owner(String env, String uid) {
        return AllPages.of(page -> alerting.contactPoints().list(env, null, page)).stream()
                .filter(cp -> cp.integrations().stream().anyMatch(i -> uid.equals(i.uid()))).findFirst()
                .orElseThrow(() -> new GrafanaRefusal(GrafanaRefusal.Kind.NOT_FOUND, "contact point not found"));
    }

    private ObjectNode withoutServerMembers(JsonNode body) {
        ObjectNode object = json.object(body);
        object.remove("version");
        object.remove("provenance");
        return object;
    }

    private void importFile(String env, ProvisioningFile file, String filePrefix) {
        try {
            alerting.transfer().importFile(env, file, false);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID || filePrefix.isEmpty()) {
                throw e;
            }
            throw DomainException.validation(e.errors().stream().map(f -> new io.dashplane.schema.validation.Finding(
                    f.pointer() == null ? null : f.pointer().replaceFirst("^" + java.util.regex.Pattern.quote(filePrefix), ""),
                    f.message())).toList(), e.warnings());
        }
    }

}
