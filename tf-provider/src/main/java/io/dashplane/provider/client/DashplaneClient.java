package io.dashplane.provider.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Client of the Dashplane config server REST API ({@code /api/v1}). Thread-safe; one instance
 * pools its connections and should be shared. Every method naming an environment takes null to
 * mean the configured default environment.
 *
 * <p>Failures are thrown as {@link DashplaneUnreachableException} (no connection),
 * {@link DashplaneAuthException} (401/403) or {@link DashplaneApiException} (other error status,
 * with the problem document). A {@code get...} answered 404 returns {@link Optional#empty()}, a
 * {@code delete...} answered 404 returns false.
 */
public final class DashplaneClient {
    /** Largest page the server serves; used when reading whole lists. */
    static final int MAX_PAGE_SIZE = 1000;

    private final ClientConfig config;
    private final ObjectMapper mapper;
    private final ApiTransport transport;

    public DashplaneClient(ClientConfig config) {
        this(config, Backoff.DEFAULT);
    }

    DashplaneClient(ClientConfig config, Backoff backoff) {
        this.config = Objects.requireNonNull(config, "config");
        this.mapper = newObjectMapper();
        this.transport = new ApiTransport(config, mapper, backoff);
    }

    /**
     * The JSON mapper the client uses: floats as BigDecimal with their exact text (1.50 stays
     * 1.50), so JSON read from the server is written back unchanged.
     */
    public static ObjectMapper newObjectMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return mapper;
    }

    public ClientConfig config() {
        return config;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    // ------------------------------------------------------------------ operations

    /** Succeeds when the server answers {@code /readyz} with 2xx (database reachable). */
    public void checkReady() {
        ApiResponse response = transport.send("GET", ApiUrl.root(config.url()).path("readyz").toUri(), null, null);
        requireSuccess(response);
    }

    // ------------------------------------------------------------------ environments

    public List<ObjectNode> listEnvironments() {
        return readAllPages(page -> api().path("environments").query("page", page).query("perPage", MAX_PAGE_SIZE));
    }

    public Optional<ObjectNode> getEnvironment(String name) {
        return getOptional(api().path("environments", name));
    }

    public ObjectNode createEnvironment(String name, String description) {
        ObjectNode body = mapper.createObjectNode().put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        return object(requireSuccess(transport.send("POST", api().path("environments").toUri(), body, null)));
    }

    /** Changes an environment's description in place (PATCH); compare-and-set when {@code ifMatchVersion} is set. */
    public ObjectNode updateEnvironment(String name, String description, Long ifMatchVersion) {
        ObjectNode body = mapper.createObjectNode().put("description", description == null ? "" : description);
        String ifMatch = ifMatchVersion == null ? null : "\"" + ifMatchVersion + "\"";
        return object(requireSuccess(transport.send("PATCH", api().path("environments", name).toUri(), body, ifMatch)));
    }

    /** Deletes an environment; with {@code force} everything in it too. False when it did not exist. */
    public boolean deleteEnvironment(String name, boolean force) {
        return delete(api().path("environments", name).query("force", force ? "true" : null));
    }

    // ------------------------------------------------------------------ datasources

    public Page listDatasources(String env, String name, String type, Integer page, Integer perPage) {
        return Page.fromJson(requireSuccess(get(in(env, "datasources")
                .query("name", name).query("type", type).query("page", page).query("perPage", perPage))).body());
    }

    public List<ObjectNode> listAllDatasources(String env) {
        return readAllPages(page -> in(env, "datasources").query("page", page).query("perPage", MAX_PAGE_SIZE));
    }

    public Optional<ObjectNode> getDatasource(String env, String uid) {
        return getOptional(in(env, "datasources").path(uid));
    }

    public Optional<ObjectNode> getDatasourceByName(String env, String name) {
        return getOptional(in(env, "datasources").path("name", name));
    }

    public ObjectNode createDatasource(String env, ObjectNode datasource) {
        return post(in(env, "datasources"), datasource);
    }

    /** Creates or replaces; {@code ifMatchVersion} (nullable) makes it compare-and-set. */
    public Written putDatasource(String env, String uid, ObjectNode datasource, Long ifMatchVersion) {
        return put(in(env, "datasources").path(uid), datasource, ifMatchVersion);
    }

    public boolean deleteDatasource(String env, String uid) {
        return delete(in(env, "datasources").path(uid));
    }

    // ------------------------------------------------------------------ folders

    /** Folders below {@code parentUid}; null lists all folders. */
    public Page listFolders(String env, String parentUid, Integer page, Integer perPage) {
        return Page.fromJson(requireSuccess(get(in(env, "folders")
                .query("parentUid", parentUid).query("page", page).query("perPage", perPage))).body());
    }

    public List<ObjectNode> listAllFolders(String env) {
        return readAllPages(page -> in(env, "folders").query("page", page).query("perPage", MAX_PAGE_SIZE));
    }

    public Optional<ObjectNode> getFolder(String env, String uid) {
        return getOptional(in(env, "folders").path(uid));
    }

    public ObjectNode createFolder(String env, ObjectNode folder) {
        return post(in(env, "folders"), folder);
    }

    public Written putFolder(String env, String uid, ObjectNode folder, Long ifMatchVersion) {
        return put(in(env, "folders").path(uid), folder, ifMatchVersion);
    }

    /** Moves a folder below {@code parentUid} (null: to the root). */
    public ObjectNode moveFolder(String env, String uid, String parentUid) {
        ObjectNode body = mapper.createObjectNode();
        if (parentUid == null) {
            body.putNull("parentUid");
        } else {
            body.put("parentUid", parentUid);
        }
        return post(in(env, "folders").path(uid, "move"), body);
    }

    /** Deletes a folder; with {@code force} its subfolders and dashboards too. */
    public boolean deleteFolder(String env, String uid, boolean force) {
        return delete(in(env, "folders").path(uid).query("force", force ? "true" : null));
    }

    // ------------------------------------------------------------------ dashboards

    /** Search hits {@code {uid, id, title, tags, folderUid, version, url}} sorted by title, uid. */
    public Page searchDashboards(String env, DashboardSearch search) {
        ApiUrl url = in(env, "dashboards").query("query", search.query());
        search.tags().forEach(tag -> url.query("tag", tag));
        url.query("folderUid", search.folderUid()).query("page", search.page()).query("perPage", search.perPage());
        return Page.fromJson(requireSuccess(get(url)).body());
    }

    public Optional<Dashboard> getDashboard(String env, String uid) {
        return getOptional(in(env, "dashboards").path(uid)).map(DashplaneClient::dashboardOf);
    }

    /**
     * Many dashboards with one {@code POST .../dashboards/_read}, answered in the order of {@code uids} as
     * {@link #getDashboard} answers each. A 404 (an unknown environment, or a server without the endpoint) falls
     * back to one GET per uid, which answers each as today.
     */
    public List<Optional<Dashboard>> getDashboards(String env, List<String> uids) {
        ObjectNode request = mapper.createObjectNode();
        uids.forEach(uid -> request.withArray("uids").add(uid));
        ApiResponse response = transport.send("POST", in(env, "dashboards").path("_read").toUri(), request, null);
        if (response.status() == 404) {
            return uids.stream().map(uid -> getDashboard(env, uid)).toList();
        }
        JsonNode items = object(requireSuccess(response)).path("items");
        Map<String, Dashboard> found = new HashMap<>();
        for (JsonNode item : items) {
            Dashboard dashboard = dashboardOf(item);
            found.put(dashboard.uid(), dashboard);
        }
        return uids.stream().map(uid -> Optional.ofNullable(found.get(uid))).toList();
    }

    private static Dashboard dashboardOf(JsonNode body) {
        JsonNode dashboard = body.get("dashboard");
        JsonNode meta = body.get("meta");
        if (dashboard == null || !(meta instanceof ObjectNode metaObject)) {
            throw new DashplaneException("the server answered a dashboard read without \"dashboard\" and \"meta\"");
        }
        JsonNode targetUrls = body.has("targetUrls") ? body.get("targetUrls") : metaObject.get("targetUrls");
        return new Dashboard(dashboard, metaObject, targetUrls);
    }

    /**
     * Creates a dashboard. Answers {@code {uid, version, id, folderUid, url, warnings}}; with
     * {@code dryRun} nothing is saved.
     */
    public ObjectNode createDashboard(String env, DashboardWrite write, boolean dryRun) {
        return post(in(env, "dashboards").query("dryRun", dryRun ? "true" : null), write.toJson(mapper));
    }

    /** Creates or replaces a dashboard; compare-and-set when {@code write.version()} is set. */
    public Written putDashboard(String env, String uid, DashboardWrite write, boolean dryRun) {
        return put(in(env, "dashboards").path(uid).query("dryRun", dryRun ? "true" : null), write.toJson(mapper), null);
    }

    public boolean deleteDashboard(String env, String uid) {
        return delete(in(env, "dashboards").path(uid));
    }

    /** Versions newest first: {@code {version, message, createdAt}}. */
    public Page listDashboardVersions(String env, String uid, Integer page, Integer perPage) {
        return Page.fromJson(requireSuccess(get(in(env, "dashboards").path(uid, "versions")
                .query("page", page).query("perPage", perPage))).body());
    }

    /** {@code {version, message, createdAt, folderUid, dashboard}}. */
    public Optional<ObjectNode> getDashboardVersion(String env, String uid, long version) {
        return getOptional(in(env, "dashboards").path(uid, "versions", Long.toString(version)));
    }

    public ObjectNode restoreDashboardVersion(String env, String uid, long version) {
        return post(in(env, "dashboards").path(uid, "versions", Long.toString(version), "restore"), null);
    }

    /**
     * Checks dashboard writes with one {@code POST .../validate}, taking {@code planned} objects as existing; nothing
     * is written. Answers in the order of {@code checks}; a failed check carries the exception its write would throw.
     */
    public List<CheckAnswer> checkDashboards(String env, PlannedObjects planned, List<DashboardCheck> checks) {
        String environment = env == null ? config.environment() : env;
        ObjectNode request = mapper.createObjectNode();
        request.set("planned", planned.toJson(mapper, environment));
        checks.forEach(check -> request.withArray("items").add(check.toJson(mapper)));
        ObjectNode answer = post(in(environment, "validate"), request);
        JsonNode items = answer.get("items");
        if (items == null || !items.isArray() || items.size() != checks.size()) {
            throw new DashplaneException("the server answered a validation of " + checks.size()
                    + " items without one answer per item");
        }
        List<CheckAnswer> answers = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            JsonNode item = items.get(i);
            JsonNode body = item.path("body");
            DashplaneApiException failure = null;
            if (!item.path("valid").asBoolean(false)) {
                DashboardCheck check = checks.get(i);
                ApiUrl writeUrl = check.uid() == null ? in(environment, "dashboards") : in(environment, "dashboards").path(check.uid());
                failure = ApiTransport.errorOf(new ApiResponse(check.uid() == null ? "POST" : "PUT",
                        writeUrl.toString(), item.path("status").asInt(422), body,
                        java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true)));
            }
            answers.add(new CheckAnswer(failure, body));
        }
        return answers;
    }

    // ------------------------------------------------------------------ generic objects (alerting, see AlertingClient)

    /** GET of an object below {@code /api/v1/environments/{env}/}; empty on 404. */
    Optional<ObjectNode> getIn(String env, String... path) {
        return getOptional(in(env, path));
    }

    ObjectNode postIn(String env, JsonNode body, String... path) {
        return post(in(env, path), body);
    }

    Written putIn(String env, JsonNode body, Long ifMatchVersion, String... path) {
        return put(in(env, path), body, ifMatchVersion);
    }

    /** False when the object did not exist. */
    boolean deleteIn(String env, boolean force, String... path) {
        return delete(in(env, path).query("force", force ? "true" : null));
    }

    List<ObjectNode> listAllIn(String env, String... path) {
        return readAllPages(page -> in(env, path).query("page", page).query("perPage", MAX_PAGE_SIZE));
    }

    private ApiUrl in(String env, String... path) {
        return api().path("environments", env == null ? config.environment() : env).path(path);
    }

    // ------------------------------------------------------------------ plumbing

    private ApiUrl api() {
        return ApiUrl.api(config.url());
    }

    /** {@code /api/v1/environments/{env}/{kind}}. */
    ApiUrl in(String env, String kind) {
        return api().path("environments", env == null ? config.environment() : env, kind);
    }

    private ApiResponse get(ApiUrl url) {
        return transport.send("GET", url.toUri(), null, null);
    }

    private Optional<ObjectNode> getOptional(ApiUrl url) {
        ApiResponse response = get(url);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(object(requireSuccess(response)));
    }

    private ObjectNode post(ApiUrl url, JsonNode body) {
        return object(requireSuccess(transport.send("POST", url.toUri(), body, null)));
    }

    private Written put(ApiUrl url, JsonNode body, Long ifMatchVersion) {
        String ifMatch = ifMatchVersion == null ? null : "\"" + ifMatchVersion + "\"";
        ApiResponse response = requireSuccess(transport.send("PUT", url.toUri(), body, ifMatch));
        return new Written(object(response), response.status() == 201);
    }

    private boolean delete(ApiUrl url) {
        ApiResponse response = transport.send("DELETE", url.toUri(), null, null);
        if (response.status() == 404) {
            return false;
        }
        requireSuccess(response);
        return true;
    }

    private List<ObjectNode> readAllPages(java.util.function.IntFunction<ApiUrl> pageUrl) {
        List<ObjectNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page current = Page.fromJson(requireSuccess(get(pageUrl.apply(page))).body());
            all.addAll(current.items());
            if (!current.hasMore()) {
                return all;
            }
        }
    }

    private static ApiResponse requireSuccess(ApiResponse response) {
        if (!response.isSuccess()) {
            throw ApiTransport.errorOf(response);
        }
        return response;
    }

    private static ObjectNode object(ApiResponse response) {
        if (response.body() instanceof ObjectNode object) {
            return object;
        }
        throw new DashplaneException(response.method() + " " + response.url() + ": the server answered HTTP "
                + response.status() + " without a JSON object body");
    }
}
