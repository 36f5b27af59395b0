package io.dashplane.server.openapi;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * GET /openapi.json: the OpenAPI 3 description generated once from the JAX-RS and swagger annotations
 * of the resource classes (swagger's Reader used directly; its ready-made resource needs the Servlet API).
 */
@Path("openapi.json")
public final class OpenApiDocument {
    static final String DESCRIPTION = """
            Dashplane keeps Grafana content as code, per environment (dev, staging, prod, ...): datasources, \
            folders and dashboards with version history, and Grafana-managed alerting (alert rules and rule groups, \
            contact points with write-only secrets, the notification policy tree and routes, mute timings and \
            message templates; import and export in Grafana's provisioning format). Environments are promoted into \
            each other through reviewable plans, exported and imported as bundles, loaded from Grafana provisioning \
            files, and served to Grafana's own clients on a Grafana-compatible API (/api/..., tag grafana); the native \
            API is under /api/v1 (tags environments, datasources, folders, dashboards, alerting, promotions, ...). \
            Every write is \
            validated (errors are RFC 9457 problem details with JSON pointers, as in the default response of each \
            operation) and versioned (ETag / If-Match). Every operation but /healthz and /readyz needs a \
            service-account token (Authorization: Bearer). See docs/api.md and docs/alerting.md.""";

    private final Set<Class<?>> resourceClasses;
    private final Set<Class<?>> booleanParameterTypes;
    private volatile String document;

    private OpenApiDocument(Set<Class<?>> resourceClasses, Set<Class<?>> booleanParameterTypes) {
        this.resourceClasses = Set.copyOf(resourceClasses);
        this.booleanParameterTypes = Set.copyOf(booleanParameterTypes);
    }

    public static OpenApiDocument of(Set<Class<?>> resourceClasses) {
        return of(resourceClasses, Set.of());
    }

    /** @param booleanParameterTypes parameter types that clients send as a plain boolean (e.g. the query flags) */
    public static OpenApiDocument of(Set<Class<?>> resourceClasses, Set<Class<?>> booleanParameterTypes) {
        return new OpenApiDocument(resourceClasses, booleanParameterTypes);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This OpenAPI 3 description")
    @Tag(name = "operations")
    public String get() throws Exception {
        String doc = document;
        if (doc == null) {
            OpenAPI base = new OpenAPI().info(new Info().title("Dashplane config server").version("0.1.0")
                    .description(DESCRIPTION))
                    // Every operation but /healthz and /readyz needs a service-account token (docs/security.md).
                    .components(new io.swagger.v3.oas.models.Components().addSecuritySchemes("bearer",
                            new io.swagger.v3.oas.models.security.SecurityScheme()
                                    .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer")))
                    .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer"));
            Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).readAllResources(true));
            OpenAPI api = reader.read(resourceClasses);
            booleanParameterTypes.forEach(type -> asBoolean(api, type.getSimpleName()));
            OperationIds.assign(api);
            OpenApiSecurity.publicProbes(api);
            SuccessResponses.fromReturnTypes(api);
            OpenApiTags.describe(api);
            ProblemResponses.addTo(api);
            doc = Json.pretty().writeValueAsString(api);
            document = doc;
        }
        return doc;
    }

    /** Declares parameters of the schema {@code name} as what clients send: a boolean (swagger describes the class). */
    private static void asBoolean(OpenAPI api, String name) {
        String ref = "#/components/schemas/" + name;
        if (api.getPaths() != null) {
            api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().stream().filter(p -> p.getSchema() != null && ref.equals(p.getSchema().get$ref()))
                            .forEach(p -> p.setSchema(new BooleanSchema()._default(false)));
                }
            }));
        }
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().remove(name);
        }
    }
}
