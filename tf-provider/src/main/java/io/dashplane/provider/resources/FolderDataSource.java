package io.dashplane.provider.resources;

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

import java.util.List;
import java.util.stream.Collectors;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/** Data source {@code dashplane_folder}: looks a folder up by uid or by title (exactly one). */
public final class FolderDataSource implements DataSource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_folder";
    private static final Schema SCHEMA = Schema.of(0, "Looks a folder up by uid or by title (exactly one).",
            Attr.string(UID).optional().computed().validate(Validators.uid()),
            Attr.string("title").optional().computed().validate(Validators.notBlank()),
            Common.dataSourceEnvironment(),
            Attr.string("parent_uid").computed(),
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
        LookupKey.requireExactlyOne(config, UID, "title", diagnostics);
    }

    @Override
    public Values read(Values config, ResourceContext<ProviderData> context) {
        DashplaneClient client = context.provider().client();
        String environment = Common.environmentOf(config, context.provider());
        String uid = config.getString(UID);
        ObjectNode folder;
        if (uid != null) {
            folder = ApiErrors.call("looking up folder " + ObjectId.of(environment, uid), null,
                    () -> client.getFolder(environment, uid))
                    .orElseThrow(() -> new ProviderException(AttributePath.of(UID), "Folder not found",
                            "there is no folder with uid \"" + uid + "\" in environment \"" + environment + "\""));
        } else {
            String title = config.getString("title");
            List<ObjectNode> matches = ApiErrors.call("listing folders of environment \"" + environment + "\"", null,
                    () -> client.listAllFolders(environment)).stream()
                    .filter(candidate -> title.equals(Common.text(candidate, "title"))).toList();
            if (matches.isEmpty()) {
                throw new ProviderException(AttributePath.of("title"), "Folder not found",
                        "there is no folder titled \"" + title + "\" in environment \"" + environment + "\"");
            }
            if (matches.size() > 1) {
                throw new ProviderException(AttributePath.of("title"), "Ambiguous folder title",
                        matches.size() + " folders are titled \"" + title + "\" (uids "
                                + matches.stream().map(m -> Common.text(m, "uid")).collect(Collectors.joining(", "))
                                + "); look the folder up by uid");
            }
            folder = matches.get(0);
        }
        String foundUid = Common.text(folder, "uid");
        return config.with(UID, foundUid)
                .with("title", Common.text(folder, "title"))
                .with(ENVIRONMENT, environment)
                .with("parent_uid", Common.text(folder, "parentUid"))
                .with(ID, ObjectId.of(environment, foundUid))
                .with(VERSION, Common.number(folder, "version"));
    }
}
