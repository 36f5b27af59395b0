package io.dashplane.server.alerting;

/**
 * One object an import wrote: {@code kind} (template, mute-timing, contact-point, notification-policy,
 * folder, rule-group, alert-rule), its identity ({@code id}: uid, name, or folderUid/name for a group) and
 * {@code action} (created, updated, unchanged, deleted).
 */
public record ImportChange(String kind, String id, String action) {
}
