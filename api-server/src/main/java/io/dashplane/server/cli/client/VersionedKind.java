package io.dashplane.server.cli.client;

/** The kinds with a version history: dashboards and alert rules. */
enum VersionedKind {
    dashboard("dashboards"), rule("alert-rules");

    final String path;

    VersionedKind(String path) {
        this.path = path;
    }

    String versionsPath(String environment, String uid) {
        return ServerClient.envPath(environment) + "/" + path + "/" + ServerClient.segment(uid) + "/versions";
    }
}
