package io.dashplane.server.alerting;

/** A rule group as stored: folder, name, evaluation interval (as written). */
public record StoredRuleGroup(String folderUid, String name, String interval, ObjectMeta meta) {
}
