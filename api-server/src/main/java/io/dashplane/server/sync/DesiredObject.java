package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One object the target should hold, in the form its Grafana API takes.
 *
 * @param uid           the key in the target: a uid, {@code folderUid/name} (rule groups), a name (mute timings,
 *                      templates) or {@code policies}
 * @param payload       what is written (secrets in clear: never logged, never stored)
 * @param sourceVersion the object's version in the environment, null for kinds without one
 * @param hash          digest of the payload without secret values plus the source version of kinds with secrets
 *                      (a changed secret changes that version), so that stored hashes reveal no secret
 */
record DesiredObject(String kind, String uid, String title, JsonNode payload, Long sourceVersion, String hash) {
    static final String FOLDER = "folder";
    static final String DATASOURCE = "datasource";
    static final String DASHBOARD = "dashboard";
    static final String TEMPLATE = "template";
    static final String CONTACT_POINT = "contact-point";
    static final String MUTE_TIMING = "mute-timing";
    static final String POLICIES = "policies";
    static final String RULE_GROUP = "rule-group";

    /** The order objects are written in (dependencies first); deletions go the other way. */
    static final java.util.List<String> WRITE_ORDER = java.util.List.of(FOLDER, DATASOURCE, DASHBOARD, TEMPLATE,
            CONTACT_POINT, MUTE_TIMING, POLICIES, RULE_GROUP);
}
