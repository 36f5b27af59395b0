package io.dashplane.server.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Which objects of an environment an export or promotion takes. {@code all}: every folder and dashboard (and,
 * for exports, every datasource). Otherwise the union of the listed datasources and folders (by uid) and the
 * dashboards listed by uid, carrying one of {@code dashboardTags}, or directly in one of {@code dashboardFolders}.
 * The folders (and their ancestors) of selected dashboards are always included. Alerting: rule groups by
 * {@code folderUid/name} (a listed rule uid takes its whole group), contact points, mute timings and templates by
 * name, {@code policies: true} for the notification policy tree; the folders of selected rule groups are included.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ContentSelection(Boolean all, List<String> datasources, List<String> folders, List<String> dashboards,
                               List<String> dashboardTags, List<String> dashboardFolders, List<String> ruleGroups,
                               List<String> rules, List<String> contactPoints, Boolean policies,
                               List<String> muteTimings, List<String> templates) {
    public ContentSelection {
        datasources = orEmpty(datasources);
        folders = orEmpty(folders);
        dashboards = orEmpty(dashboards);
        dashboardTags = orEmpty(dashboardTags);
        dashboardFolders = orEmpty(dashboardFolders);
        ruleGroups = orEmpty(ruleGroups);
        rules = orEmpty(rules);
        contactPoints = orEmpty(contactPoints);
        muteTimings = orEmpty(muteTimings);
        templates = orEmpty(templates);
    }

    public static final ContentSelection ALL = new ContentSelection(true, null, null, null, null, null, null, null, null,
            null, null, null);

    public boolean includesPolicies() {
        return isAll() || Boolean.TRUE.equals(policies);
    }

    public boolean isAll() {
        return Boolean.TRUE.equals(all);
    }

    public boolean isEmpty() {
        return !isAll() && datasources.isEmpty() && folders.isEmpty() && dashboards.isEmpty()
                && dashboardTags.isEmpty() && dashboardFolders.isEmpty() && ruleGroups.isEmpty() && rules.isEmpty()
                && contactPoints.isEmpty() && !Boolean.TRUE.equals(policies) && muteTimings.isEmpty()
                && templates.isEmpty();
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list.stream().filter(s -> s != null && !s.isEmpty()).distinct().toList();
    }
}
