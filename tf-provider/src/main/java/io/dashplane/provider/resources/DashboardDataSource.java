package io.dashplane.provider.resources;

import io.dashplane.provider.client.Dashboard;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.cty.AttributePath;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.DataSource;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/** Data source {@code dashplane_dashboard}: reads one dashboard by uid. */
public final class DashboardDataSource implements DataSource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_dashboard";
    private static final Schema SCHEMA = Schema.of(0, "Reads one dashboard by uid.",
            Attr.string(UID).required().validate(Validators.uid()),
            Common.dataSourceEnvironment(),
            Attr.string("config_json").computed().description("the dashboard JSON model as stored"),
            Attr.string("title").computed(),
            Attr.string("folder").computed().description("folder uid; null for the root"),
            Common.id(),
            Common.version(),
            Attr.string("url").computed());

    @Override
    public String typeName() {
        return TYPE_NAME;
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Values read(Values config, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        String environment = Common.environmentOf(config, context.provider());
        String uid = config.getString(UID);
        Dashboard dashboard = ApiErrors.call("reading dashboard " + ObjectId.of(environment, uid), null,
                () -> client.getDashboard(environment, uid))
                .orElseThrow(() -> new ProviderException(AttributePath.of(UID), "Dashboard not found",
                        "there is no dashboard with uid \"" + uid + "\" in environment \"" + environment + "\""));
        String title = Common.text(dashboard.meta(), "title");
        if (title == null) {
            title = Common.text(dashboard.dashboard(), "title");
        }
        return config.with(ENVIRONMENT, environment)
                .with("config_json", JsonText.write(client.mapper(), dashboard.dashboard()))
                .with("title", title)
                .with("folder", dashboard.folderUid())
                .with(ID, ObjectId.of(environment, uid))
                .with(VERSION, dashboard.version())
                .with("url", Common.text(dashboard.meta(), "url"));
    }
}
