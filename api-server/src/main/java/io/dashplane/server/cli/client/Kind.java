package io.dashplane.server.cli.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of object {@code list} and {@code get} know: their path below the environment and their table columns. */
enum Kind {
    DASHBOARDS("dashboards", List.of("dashboard", "db"),
            cols("UID", "uid", "TITLE", "title", "FOLDER", "folderUid", "TAGS", "tags", "VERSION", "version")),
    DATASOURCES("datasources", List.of("datasource", "ds"),
            cols("UID", "uid", "NAME", "name", "TYPE", "type", "URL", "url", "DEFAULT", "isDefault", "VERSION", "version")),
    FOLDERS("folders", List.of("folder"),
            cols("UID", "uid", "TITLE", "title", "PARENT", "parentUid", "VERSION", "version")),
    ALERT_RULES("alert-rules", List.of("alert-rule", "rules", "rule"),
            cols("UID", "uid", "TITLE", "title", "FOLDER", "folderUID", "GROUP", "ruleGroup", "VERSION", "version")),
    RULE_GROUPS("rule-groups", List.of("rule-group"),
            cols("FOLDER", "folderUid", "NAME", "name", "INTERVAL", "interval", "RULES", "rules", "VERSION", "version")),
    CONTACT_POINTS("contact-points", List.of("contact-point", "cp"),
            cols("UID", "uid", "NAME", "name", "VERSION", "version")),
    MUTE_TIMINGS("mute-timings", List.of("mute-timing"),
            cols("UID", "uid", "NAME", "name", "VERSION", "version")),
    TEMPLATES("templates", List.of("template"),
            cols("NAME", "name", "VERSION", "version")),
    ENVIRONMENTS("environments", List.of("environment", "envs", "env"),
            cols("NAME", "name", "ORG", "orgId", "VALIDATION", "validation", "DESCRIPTION", "description"));

    final String path;
    final List<String> aliases;
    final List<Output.Column> columns;

    Kind(String path, List<String> aliases, List<Output.Column> columns) {
        this.path = path;
        this.aliases = aliases;
        this.columns = columns;
    }

    /** The list path: environments are global, everything else is below the environment. */
    String listPath(String environment) {
        return this == ENVIRONMENTS ? "/api/v1/environments" : ServerClient.envPath(environment) + "/" + path;
    }

    /** One object's path; a rule group's id is {@code folderUid/name}. */
    String objectPath(String environment, String id) {
        if (this == RULE_GROUPS) {
            int slash = id.indexOf('/');
            return slash < 0 ? listPath(environment) + "/" + ServerClient.segment(id)
                    : listPath(environment) + "/" + ServerClient.segment(id.substring(0, slash)) + "/"
                    + ServerClient.segment(id.substring(slash + 1));
        }
        return listPath(environment) + "/" + ServerClient.segment(id);
    }

    static Kind parse(String name) throws ClientException {
        String wanted = name.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Kind kind : values()) {
            if (kind.path.equals(wanted) || kind.aliases.contains(wanted)) {
                return kind;
            }
        }
        throw new ClientException("unknown kind '" + name + "'; one of " + names());
    }

    static String names() {
        return Arrays.stream(values()).map(k -> k.path).collect(Collectors.joining(", "));
    }

    private static List<Output.Column> cols(String... pairs) {
        List<Output.Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.add(new Output.Column(pairs[i], pairs[i + 1]));
        }
        return columns;
    }
}
