package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.DashboardSearch;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.client.Page;
import io.dashplane.provider.cty.CtyType;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.cty.ObjectType;
import io.dashplane.provider.cty.ObjectValue;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.DataSource;
import io.dashplane.provider.framework.ResourceContext;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;

/** Data source {@code dashplane_dashboards}: searches dashboards by title substring, tags and folder. */
public final class DashboardsDataSource implements DataSource<ProviderData> {
    public static final String TYPE_NAME = "dashplane_dashboards";
    public static final long DEFAULT_LIMIT = 100;
    /** One search hit. */
    public static final ObjectType HIT_TYPE = CtyType.object(Map.of(
            "uid", CtyType.STRING, "title", CtyType.STRING, "folder", CtyType.STRING,
            "tags", CtyType.list(CtyType.STRING), "url", CtyType.STRING, "version", CtyType.NUMBER));
    private static final Schema SCHEMA = Schema.of(0, "Searches dashboards by title substring, tags and folder.",
            Attr.string("query").optional().description("case-insensitive title substring"),
            Attr.stringList("tags").optional().description("every tag must match"),
            Attr.string("folder").optional().validate(Validators.uid()).description("folder uid"),
            Attr.number("limit").optional().validate(Validators.atLeast(1)).description("most hits returned, default 100"),
            Common.dataSourceEnvironment(),
            Attr.of("dashboards", CtyType.list(HIT_TYPE)).computed()
                    .description("hits sorted by title, uid: uid, title, folder, tags, url, version"));

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
        long limit = config.getLong("limit") == null ? DEFAULT_LIMIT : config.getLong("limit");
        int perPage = (int) Math.min(limit, 1000);
        List<CtyValue> hits = new ArrayList<>();
        for (int page = 1; hits.size() < limit; page++) {
            DashboardSearch search = new DashboardSearch(config.getString("query"), config.getStringList("tags"),
                    config.getString("folder"), page, perPage);
            Page result = ApiErrors.call("searching dashboards of environment \"" + environment + "\"", null,
                    () -> client.searchDashboards(environment, search));
            for (ObjectNode item : result.items()) {
                if (hits.size() < limit) {
                    hits.add(hit(item));
                }
            }
            if (!result.hasMore()) {
                break;
            }
        }
        return config.with(ENVIRONMENT, environment).with("dashboards", CtyValue.list(HIT_TYPE, hits));
    }

    private static CtyValue hit(ObjectNode item) {
        List<CtyValue> tags = new ArrayList<>();
        JsonNode tagNodes = item.get("tags");
        if (tagNodes != null && tagNodes.isArray()) {
            tagNodes.forEach(tag -> tags.add(CtyValue.string(tag.asText())));
        }
        return ObjectValue.builder(HIT_TYPE)
                .put("uid", Common.text(item, "uid"))
                .put("title", Common.text(item, "title"))
                .put("folder", Common.text(item, "folderUid"))
                .put("tags", CtyValue.list(CtyType.STRING, tags))
                .put("url", Common.text(item, "url"))
                .put("version", CtyValue.number(item.path("version").asLong()))
                .build();
    }
}
