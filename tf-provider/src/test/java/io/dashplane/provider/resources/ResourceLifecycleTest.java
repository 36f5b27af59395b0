package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.DashplaneProvider;
import io.dashplane.provider.ProviderSettings;
import io.dashplane.provider.client.DashplaneClient;
import io.dashplane.provider.cty.CtyMsgpack;
import io.dashplane.provider.cty.CtyValue;
import io.dashplane.provider.framework.FrameworkProvider;
import io.dashplane.provider.framework.Values;
import io.dashplane.provider.protocol.AttributePath;
import io.dashplane.provider.protocol.ConfigureProviderRequest;
import io.dashplane.provider.protocol.Diagnostic;
import io.dashplane.server.DashplaneServer;
import io.dashplane.server.RunningServer;
import io.dashplane.server.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resources in-process against a real config server on a real SQLite file: configure, create,
 * refresh, no-change plan, update, drift, import, delete, through the framework's protocol surface.
 */
class ResourceLifecycleTest {
    @TempDir
    Path dataDir;
    private RunningServer server;
    private FrameworkProvider<ProviderData> provider;
    private DashplaneClient client;

    @BeforeEach
    void start() {
        server = DashplaneServer.start(ServerConfig.ephemeral(dataDir));
        provider = new FrameworkProvider<>(new DashplaneProvider(Map.of("DASHPLANE_TOKEN", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN)));
        List<Diagnostic> diagnostics = configure(provider, Map.of("url", url()));
        TerraformCalls.assertNoErrors(diagnostics);
        client = provider.configuredProvider().client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        String base = server.baseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static List<Diagnostic> configure(FrameworkProvider<ProviderData> provider, Map<String, String> settings) {
        Values config = Values.empty(ProviderSettings.SCHEMA.objectType());
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            config = config.with(entry.getKey(), entry.getValue());
        }
        byte[] msgpack = CtyMsgpack.encode(config.toCty(), ProviderSettings.SCHEMA.objectType());
        return provider.configureProvider(new ConfigureProviderRequest("1.9.0", msgpack)).diagnostics();
    }

    @Test
    void configureReportsAnUnreachableServerAndOnlyWarnsOfAnEnvironmentThatDoesNotExistYet() {
        FrameworkProvider<ProviderData> other = new FrameworkProvider<>(new DashplaneProvider(Map.of("DASHPLANE_RETRIES", "0", "DASHPLANE_TOKEN", ServerConfig.EPHEMERAL_BOOTSTRAP_TOKEN)));
        List<Diagnostic> unreachable = configure(other, Map.of("url", "http://127.0.0.1:1"));
        assertEquals(1, unreachable.size(), unreachable.toString());
        assertEquals(AttributePath.of("url"), unreachable.get(0).attribute());
        assertTrue(unreachable.get(0).detail().contains("http://127.0.0.1:1"), unreachable.get(0).detail());

        assertNull(other.configuredProvider());

        // the configuration may create the environment (dashplane_environment) before writing into it
        List<Diagnostic> missingEnvironment = configure(other, Map.of("url", url(), "environment", "nope"));
        assertEquals(1, missingEnvironment.size(), missingEnvironment.toString());
        assertEquals(Diagnostic.Severity.WARNING, missingEnvironment.get(0).severity());
        assertEquals(AttributePath.of("environment"), missingEnvironment.get(0).attribute());
        assertTrue(missingEnvironment.get(0).detail().contains("\"nope\" does not exist"), missingEnvironment.get(0).detail());
        assertEquals("nope", other.configuredProvider().environment());
    }

    @Test
    void folderLifecycle() {
        TerraformCalls folders = new TerraformCalls(provider, "dashplane_folder", new FolderResource().schema());
        Values config = folders.config().with("title", "Machine learning").with("uid", "ml");
        Values state = folders.apply(null, config);
        assertEquals("default/ml", state.getString("id"));
        assertEquals("default", state.getString("environment"));
        assertEquals(1L, state.getLong("version"));

        Values refreshed = folders.read(state);
        assertEquals(state, refreshed);
        TerraformCalls.Planned noChange = folders.plan(refreshed, config);
        assertEquals(refreshed, noChange.planned());

        Values child = folders.apply(null, folders.config().with("title", "Models").with("parent_uid", "ml"));
        assertEquals("ml", child.getString("parent_uid"));
        assertEquals(12, child.getString("uid").length(), "the server generates the uid");

        Values renamed = config.with("title", "ML");
        TerraformCalls.Planned update = folders.plan(refreshed, renamed);
        assertFalse(update.planned().isKnown("version"));
        assertEquals("default/ml", update.planned().getString("id"));
        assertTrue(update.requiresReplace().isEmpty());
        Values updated = folders.apply(refreshed, renamed);
        assertEquals(2L, updated.getLong("version"));

        ObjectNode outOfBand = client.mapper().createObjectNode().put("uid", "ml").put("title", "Renamed by hand");
        client.putFolder("default", "ml", outOfBand, null);
        Values drifted = folders.read(updated);
        assertEquals("Renamed by hand", drifted.getString("title"));
        assertNotEquals(drifted, folders.plan(drifted, renamed).planned(), "drift shows in plan");

        TerraformCalls.ApplyResult stale = folders.applyPlanned(updated, folders.plan(updated, renamed).planned(), renamed);
        assertTrue(TerraformCalls.hasErrors(stale.diagnostics()));
        assertTrue(stale.diagnostics().get(0).summary().contains("changed outside Terraform"), stale.diagnostics().toString());

        assertEquals(drifted, folders.imported("ml"));
        assertEquals(drifted, folders.imported("default/ml"));
        assertTrue(TerraformCalls.hasErrors(folders.importState("missing").diagnostics()));

        TerraformCalls.Planned replace = folders.plan(drifted, renamed.with("uid", "ml2"));
        assertEquals(List.of(AttributePath.of("uid")), replace.requiresReplace());

        folders.applyPlanned(child, null, null);
        assertNull(folders.read(child), "a deleted folder disappears from state");

        List<Diagnostic> staleDelete = folders.applyPlanned(updated, null, null).diagnostics();
        assertTrue(staleDelete.get(0).summary().contains("changed outside Terraform"), staleDelete.toString());
        TerraformCalls.assertNoErrors(folders.applyPlanned(drifted, null, null).diagnostics());
        assertNull(folders.read(drifted));
        TerraformCalls.assertNoErrors(folders.applyPlanned(drifted, null, null).diagnostics());
    }

    @Test
    void datasourceKeepsJsonTextAndNeverReadsSecrets() {
        TerraformCalls datasources = new TerraformCalls(provider, "dashplane_datasource", new DatasourceResource().schema());
        Values config = datasources.config().with("name", "Prometheus").with("type", "prometheus")
                .with("uid", "prom").with("url", "http://prometheus:9090").with("is_default", true)
                .with("json_data_encoded", "{ \"timeInterval\": \"15s\", \"httpMethod\": \"POST\" }")
                .with("secure_json_data_encoded", "{\"httpHeaderValue1\":\"s3cret\"}");
        Values state = datasources.apply(null, config);
        assertEquals("proxy", state.getString("access"));
        assertFalse(state.getBool("basic_auth_enabled"));
        Values refreshed = datasources.read(state);
        assertEquals(state, refreshed, "formatting of json_data_encoded and write-only secrets survive refresh");
        assertEquals(refreshed, datasources.plan(refreshed, config.with("json_data_encoded",
                "{\"httpMethod\":\"POST\",\"timeInterval\":\"15s\"}")).planned());

        Values imported = datasources.imported("prom");
        assertNull(imported.getString("secure_json_data_encoded"));
        assertNull(imported.getString("username"), "unset server strings are null, not \"\"");

        Values duplicate = datasources.config().with("name", "Prometheus").with("type", "prometheus");
        TerraformCalls.Planned plan = datasources.plan(null, duplicate);
        List<Diagnostic> conflict = datasources.applyPlanned(null, plan.planned(), duplicate).diagnostics();
        assertTrue(TerraformCalls.hasErrors(conflict));

        Values lookedUp = new TerraformCalls(provider, "dashplane_datasource", new DatasourceDataSource().schema())
                .dataSource(Values.empty(new DatasourceDataSource().schema().objectType()).with("name", "Prometheus"));
        assertEquals("prom", lookedUp.getString("uid"));
        assertEquals("default/prom", lookedUp.getString("id"));
    }

    @Test
    void dashboardComparesCanonicallyAndReplacesOnUidChange() {
        TerraformCalls dashboards = new TerraformCalls(provider, "dashplane_dashboard", new DashboardResource().schema());
        String json = "{\"uid\":\"ml-v1\",\"title\":\"ML\",\"tags\":[\"ml\"],\"panels\":[{\"id\":1,\"type\":\"timeseries\","
                + "\"gridPos\":{\"x\":0,\"y\":0,\"w\":12,\"h\":8}}],\"schemaVersion\":39}";
        Values config = dashboards.config().with("config_json", json).with("message", "first");
        TerraformCalls.Planned create = dashboards.plan(null, config);
        assertEquals("ml-v1", create.planned().getString("uid"));
        assertEquals("default/ml-v1", create.planned().getString("id"));
        assertFalse(create.planned().isKnown("version"));
        Values state = dashboards.apply(null, config);
        assertEquals(1L, state.getLong("version"));
        assertTrue(state.getString("url").startsWith("/d/ml-v1"), state.getString("url"));

        Values refreshed = dashboards.read(state);
        assertEquals(state, refreshed);
        String reformatted = "{\n \"title\": \"ML\", \"id\": 42, \"version\": 7, \"uid\": \"ml-v1\", \"schemaVersion\": 39.0,\n"
                + " \"panels\": [{\"gridPos\": {\"h\": 8, \"w\": 12, \"x\": 0, \"y\": 0}, \"type\": \"timeseries\", \"id\": 1}], \"tags\": [\"ml\"]}";
        assertEquals(refreshed, dashboards.plan(refreshed, config.with("config_json", reformatted)).planned());

        Values retitled = config.with("config_json", json.replace("\"ML\"", "\"ML 2\""));
        TerraformCalls.Planned update = dashboards.plan(refreshed, retitled);
        assertFalse(update.planned().isKnown("version"));
        assertFalse(update.planned().isKnown("url"));
        assertTrue(update.requiresReplace().isEmpty());
        Values updated = dashboards.apply(refreshed, retitled);
        assertEquals(2L, updated.getLong("version"));

        TerraformCalls.Planned newUid = dashboards.plan(updated, config.with("config_json", json.replace("ml-v1", "ml-v2")));
        assertEquals(List.of(AttributePath.of("config_json")), newUid.requiresReplace());

        Values invalid = config.with("config_json", json.replace("\"w\":12", "\"w\":30"));
        TerraformCalls.Planned rejected = dashboards.plan(updated, invalid);
        assertTrue(TerraformCalls.hasErrors(rejected.diagnostics()), "the server's dry run refuses it at plan time");
        Diagnostic problem = rejected.diagnostics().get(0);
        assertEquals(AttributePath.of("config_json"), problem.attribute());
        assertTrue(problem.detail().contains("/panels/0/gridPos"), problem.detail());

        Values search = new TerraformCalls(provider, "dashplane_dashboards", new DashboardsDataSource().schema())
                .dataSource(Values.empty(new DashboardsDataSource().schema().objectType()).with("query", "ml"));
        CtyValue hits = search.get("dashboards");
        assertEquals(1, hits.elements().size());
        assertEquals("ml-v1", hits.elements().get(0).getAttr("uid").asString());

        dashboards.applyPlanned(updated, null, null);
        assertNull(dashboards.read(updated));
    }
}
