package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.DataSource;
import io.dashplane.provider.framework.Diagnostics;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.util.Optional;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/** Data source {@code dashplane_datasource}: looks a datasource up by name or uid; secrets are never returned. */
public final class DatasourceDataSource implements DataSource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_datasource";
    private static final Schema SCHEMA = Schema.of(0, "Looks a datasource up by name or by uid (exactly one).",
            Attr.string("name").optional().computed().validate(Validators.notBlank()),
            Attr.string(UID).optional().computed().validate(Validators.uid()),
            Common.dataSourceEnvironment(),
            Attr.string("type").computed(),
            Attr.string("access").computed(),
            Attr.string("url").computed(),
            Attr.bool("basic_auth_enabled").computed(),
            Attr.string("basic_auth_username").computed(),
            Attr.string("username").computed(),
            Attr.string("database_name").computed(),
            Attr.bool("is_default").computed(),
            Attr.string(DatasourceResource.JSON_DATA).computed(),
            Common.id(),
            Common.version());

    @Override
    public String typeName() {
        return TYPE_NAME;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public void validateConfig(Values config, Diagnostics diagnostics) {
        LookupKey.requireExactlyOne(config, "name", UID, diagnostics);
    }

    @Override
    public Values read(Values config, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        String environment = Common.environmentOf(config, context.provider());
        String name = config.getString("name");
        String uid = config.getString(UID);
        Optional<ObjectNode> found = name != null
                ? ApiErrors.call("looking up datasource \"" + name + "\"", null, () -> client.getDatasourceByName(environment, name))
                : ApiErrors.call("looking up datasource " + ObjectId.of(environment, uid), null, () -> client.getDatasource(environment, uid));
        ObjectNode datasource = found.orElseThrow(() -> new ProviderException(
                AttributePath.of(name != null ? "name" : UID), "Datasource not found",
                "there is no datasource with " + (name != null ? "name \"" + name + "\"" : "uid \"" + uid + "\"")
                        + " in environment \"" + environment + "\""));
        JsonNode jsonData = datasource.get("jsonData");
        String foundUid = Common.text(datasource, "uid");
        return config.with(UID, foundUid)
                .with("name", Common.text(datasource, "name"))
                .with(ENVIRONMENT, environment)
                .with("type", Common.text(datasource, "type"))
                .with("access", Common.text(datasource, "access"))
                .with("url", Common.text(datasource, "url"))
                .with("basic_auth_enabled", Common.bool(datasource, "basicAuth"))
                .with("basic_auth_username", Common.text(datasource, "basicAuthUser"))
                .with("username", Common.text(datasource, "user"))
                .with("database_name", Common.text(datasource, "database"))
                .with("is_default", Common.bool(datasource, "isDefault"))
                .with(DatasourceResource.JSON_DATA, jsonData == null || jsonData.isNull() ? null : JsonText.write(client.mapper(), jsonData))
                .with(ID, ObjectId.of(environment, foundUid))
                .with(VERSION, Common.number(datasource, "version"));
    }
}
