package io.dashplane.server.auth;

/** What a request must prove to reach one endpoint. */
public sealed interface AccessRule {
    /** No authentication (liveness, readiness). */
    record Public() implements AccessRule {}

    /** Public when the server is configured with {@code metricsPublic: true}, else any authenticated account. */
    record Metrics() implements AccessRule {}

    /** Any authenticated service account. */
    record Authenticated() implements AccessRule {}

    /** A server admin. */
    record ServerAdmin() implements AccessRule {}

    /** A server admin, or the service account named by path parameter {@code param} itself. */
    record ServerAdminOrSelf(String param) implements AccessRule {}

    /** At least {@code role} in the environment named by path parameter {@code param}. */
    record InEnvironment(Role role, String param) implements AccessRule {}

    /**
     * At least {@code role} in the environment named by path parameter {@code param}, and Admin there (or
     * server admin) when the request asks for secret values in clear through query parameter {@code flag}:
     * any occurrence of it whose value is not exactly {@code false} counts as asking, so a misspelt flag
     * can only raise the role needed, never lower it.
     */
    record InEnvironmentRevealingSecrets(Role role, String param, String flag) implements AccessRule {}

    /** At least {@code role} in the environment named by query parameter {@code param}; without it, a server admin. */
    record InQueryEnvironment(Role role, String param) implements AccessRule {}

    /**
     * Requirements that depend on data (a request body, a stored plan): computed by the
     * {@link AccessResolver} registered under {@code resolver}. Each returned requirement must hold.
     */
    record Resolved(String resolver) implements AccessRule {}

    AccessRule PUBLIC = new Public();
    AccessRule METRICS = new Metrics();
    AccessRule AUTHENTICATED = new Authenticated();
    AccessRule SERVER_ADMIN = new ServerAdmin();

    static AccessRule viewer() {
        return new InEnvironment(Role.VIEWER, "env");
    }

    static AccessRule editor() {
        return new InEnvironment(Role.EDITOR, "env");
    }

    /** Viewer, or Admin with {@code ?decrypt} (see {@link InEnvironmentRevealingSecrets}). */
    static AccessRule viewerAdminToDecrypt() {
        return new InEnvironmentRevealingSecrets(Role.VIEWER, "env", "decrypt");
    }

    static AccessRule admin() {
        return new InEnvironment(Role.ADMIN, "env");
    }
}
