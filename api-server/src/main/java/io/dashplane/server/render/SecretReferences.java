package io.dashplane.server.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names the environment variables that stand in for secrets in a rendered tree: {@code DASHPLANE_DS_<UID>_<KEY>}
 * for datasources and {@code DASHPLANE_CP_<INTEGRATION-UID>_<KEY>} for contact points, upper-cased, every
 * character outside {@code [A-Z0-9]} replaced by {@code _}. Two secrets whose names would collide get a numbered
 * suffix, so each variable means one secret.
 */
final class SecretReferences {
    /** Variable name to what it holds (for {@code secrets.env.example}), in the order they were named. */
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> byOwner = new LinkedHashMap<>();

    String datasource(String uid, String key) {
        return name("DASHPLANE_DS_" + sanitize(uid) + "_" + sanitize(key), "datasource " + uid + " secureJsonData." + key);
    }

    String contactPoint(String integrationUid, String key) {
        return name("DASHPLANE_CP_" + sanitize(integrationUid) + "_" + sanitize(key),
                "contact point integration " + integrationUid + " settings." + key);
    }

    /** {@code ${NAME}}, the form both Grafana and Dashplane's provisioning loader replace. */
    static String reference(String name) {
        return "${" + name + "}";
    }

    Map<String, String> variables() {
        return variables;
    }

    private String name(String wanted, String what) {
        String known = byOwner.get(what);
        if (known != null) {
            return known;
        }
        String name = wanted;
        for (int n = 2; variables.containsKey(name); n++) {
            name = wanted + "_" + n;
        }
        variables.put(name, what);
        byOwner.put(what, name);
        return name;
    }

    private static String sanitize(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
