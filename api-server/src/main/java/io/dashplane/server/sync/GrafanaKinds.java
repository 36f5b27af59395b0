package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.server.sync.GrafanaClient.GrafanaException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Each kind of object in Grafana's HTTP API: where it is read, how it is created, replaced and deleted. Reads are
 * projected onto the members Dashplane writes, so that what Grafana adds (ids, versions, timestamps) is not
 * mistaken for drift.
 */
final class GrafanaKinds {
    private static final String P = "/api/v1/provisioning";

    private GrafanaKinds() {
    }

    /** The object as the target holds it, projected onto {@code template}'s members; empty when absent. */
    static Optional<JsonNode> read(GrafanaClient c, String kind, String uid, JsonNode template) throws GrafanaException {
        Optional<JsonNode> raw = switch (kind) {
            case DesiredObject.FOLDER -> c.get("/api/folders/" + enc(uid));
            case DesiredObject.DATASOURCE -> c.get("/api/datasources/uid/" + enc(uid));
            case DesiredObject.DASHBOARD -> c.get("/api/dashboards/uid/" + enc(uid)).map(b -> {
                ObjectNode o = b.deepCopy();
                ObjectNode out = o.objectNode();
                out.set("dashboard", o.path("dashboard"));
                out.set("folderUid", o.path("meta").path("folderUid"));
                if (out.path("folderUid").isTextual() && out.path("folderUid").asText().isEmpty()) {
                    out.putNull("folderUid");
                }
                return out;
            });
            case DesiredObject.TEMPLATE -> c.get(P + "/templates/" + enc(uid));
            case DesiredObject.CONTACT_POINT -> contactPoint(c, uid);
            case DesiredObject.MUTE_TIMING -> c.get(P + "/mute-timings/" + enc(uid));
            case DesiredObject.POLICIES -> c.get(P + "/policies");
            case DesiredObject.RULE_GROUP -> c.get(ruleGroupPath(uid));
            default -> throw new IllegalArgumentException(kind);
        };
        return raw.map(r -> project(r, template));
    }

    static void write(GrafanaClient c, DesiredObject o, boolean exists) throws GrafanaException {
        JsonNode p = o.payload();
        switch (o.kind()) {
            case DesiredObject.FOLDER -> {
                if (!exists) {
                    c.send("POST", "/api/folders", p);
                    return;
                }
                ObjectNode update = p.deepCopy();
                update.remove("parentUid");
                update.put("overwrite", true);
                c.send("PUT", "/api/folders/" + enc(o.uid()), update);
                JsonNode now = c.get("/api/folders/" + enc(o.uid())).orElseThrow(() ->
                        new GrafanaException(404, "folder " + o.uid() + " vanished while it was written"));
                if (!text(now.path("parentUid")).equals(text(p.path("parentUid")))) {
                    ObjectNode move = ((ObjectNode) p).objectNode();
                    move.set("parentUid", p.path("parentUid"));
                    c.send("POST", "/api/folders/" + enc(o.uid()) + "/move", move);
                }
            }
            case DesiredObject.DATASOURCE -> {
                if (exists) {
                    c.send("PUT", "/api/datasources/uid/" + enc(o.uid()), p);
                } else {
                    c.send("POST", "/api/datasources", p);
                }
            }
            case DesiredObject.DASHBOARD -> {
                ObjectNode body = p.deepCopy();
                ((ObjectNode) body.path("dashboard")).putNull("id");
                body.put("overwrite", true);
                body.put("message", "synced by Dashplane");
                c.send("POST", "/api/dashboards/db", body);
            }
            case DesiredObject.TEMPLATE -> c.send("PUT", P + "/templates/" + enc(o.uid()), p);
            case DesiredObject.CONTACT_POINT -> {
                if (exists) {
                    c.send("PUT", P + "/contact-points/" + enc(o.uid()), p);
                } else {
                    c.send("POST", P + "/contact-points", p);
                }
            }
            case DesiredObject.MUTE_TIMING -> {
                if (exists) {
                    c.send("PUT", P + "/mute-timings/" + enc(o.uid()), p);
                } else {
                    c.send("POST", P + "/mute-timings", p);
                }
            }
            case DesiredObject.POLICIES -> c.send("PUT", P + "/policies", p);
            case DesiredObject.RULE_GROUP -> c.send("PUT", ruleGroupPath(o.uid()), p);
            default -> throw new IllegalArgumentException(o.kind());
        }
    }

    static void delete(GrafanaClient c, String kind, String uid) throws GrafanaException {
        try {
            switch (kind) {
                case DesiredObject.FOLDER -> c.send("DELETE", "/api/folders/" + enc(uid), null);
                case DesiredObject.DATASOURCE -> c.send("DELETE", "/api/datasources/uid/" + enc(uid), null);
                case DesiredObject.DASHBOARD -> c.send("DELETE", "/api/dashboards/uid/" + enc(uid), null);
                case DesiredObject.TEMPLATE -> c.send("DELETE", P + "/templates/" + enc(uid), null);
                case DesiredObject.CONTACT_POINT -> c.send("DELETE", P + "/contact-points/" + enc(uid), null);
                case DesiredObject.MUTE_TIMING -> c.send("DELETE", P + "/mute-timings/" + enc(uid), null);
                case DesiredObject.POLICIES -> c.send("DELETE", P + "/policies", null);
                case DesiredObject.RULE_GROUP -> {
                    // Grafana removes a group with its last rule
                    Optional<JsonNode> group = c.get(ruleGroupPath(uid));
                    if (group.isPresent()) {
                        for (JsonNode rule : group.get().path("rules")) {
                            c.send("DELETE", P + "/alert-rules/" + enc(rule.path("uid").asText()), null);
                        }
                    }
                }
                default -> throw new IllegalArgumentException(kind);
            }
        } catch (GrafanaException e) {
            if (e.status() != 404) {
                throw e; // already gone is what a deletion wants
            }
        }
    }

    private static Optional<JsonNode> contactPoint(GrafanaClient c, String uid) throws GrafanaException {
        Optional<JsonNode> all = c.get(P + "/contact-points");
        if (all.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode n : all.get()) {
            if (uid.equals(n.path("uid").asText())) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static String ruleGroupPath(String key) {
        int slash = key.indexOf('/');
        return P + "/folder/" + enc(key.substring(0, slash)) + "/rule-groups/" + enc(key.substring(slash + 1));
    }

    /** {@code actual} restricted to the members {@code template} has, recursively (array items by position). */
    static JsonNode project(JsonNode actual, JsonNode template) {
        if (template != null && template.isObject() && actual.isObject()) {
            ObjectNode out = ((ObjectNode) actual).objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equals("secureJsonData") || f.getKey().equals("version") || f.getKey().equals("id")) {
                    continue;
                }
                JsonNode value = actual.get(f.getKey());
                if (value != null) {
                    out.set(f.getKey(), project(value, f.getValue()));
                }
            }
            return out;
        }
        if (template != null && template.isArray() && actual.isArray()) {
            var out = ((com.fasterxml.jackson.databind.node.ArrayNode) actual).arrayNode();
            for (int i = 0; i < actual.size(); i++) {
                out.add(project(actual.get(i), i < template.size() ? template.get(i) : null));
            }
            return out;
        }
        return actual.deepCopy();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "" : n.asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
