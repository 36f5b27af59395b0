package io.dashplane.server.cli.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a client command talks to: server, token and environment, each from the first of flag,
 * {@code DASHPLANE_SERVER}/{@code DASHPLANE_TOKEN}/{@code DASHPLANE_ENV} variable, and the context of the
 * configuration file ({@code --context}, else {@code DASHPLANE_CONTEXT}, else its current context).
 */
public record Connection(URI server, String token, String environment, String source) {
    static final String DEFAULT_ENVIRONMENT = "default";

    /** The flags as given (null when absent). */
    record Flags(String server, String token, String environment, String context, Path config) {
    }

    static Connection resolve(Flags flags, Map<String, String> env) throws ClientException {
        ClientConfig.Context context = context(flags, env);
        String server = first(flags.server(), env.get("DASHPLANE_SERVER"), context == null ? null : context.server());
        if (server == null) {
            throw new ClientException("no server: pass --server URL, set DASHPLANE_SERVER, or add a context with "
                    + "'dashplane context set NAME --server URL'");
        }
        URI uri;
        try {
            uri = URI.create(server.replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new ClientException("the server URL is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ClientException("the server URL must start with http:// or https://");
        }
        String token = first(flags.token(), env.get("DASHPLANE_TOKEN"), context == null ? null : context.token());
        String environment = first(flags.environment(), env.get("DASHPLANE_ENV"),
                context == null ? null : context.environment());
        return new Connection(uri, token, environment == null ? DEFAULT_ENVIRONMENT : environment,
                context == null ? "flags and variables" : "context");
    }

    private static ClientConfig.Context context(Flags flags, Map<String, String> env) throws ClientException {
        Path file = ClientConfig.location(flags.config(), env);
        ClientConfig config = ClientConfig.read(file);
        String name = first(flags.context(), env.get("DASHPLANE_CONTEXT"), config.currentContext());
        if (name == null) {
            return null;
        }
        ClientConfig.Context context = config.contexts().get(name);
        if (context == null && (flags.context() != null || env.get("DASHPLANE_CONTEXT") != null)) {
            throw new ClientException("no context '" + name + "' in " + file + " (see 'dashplane context list')");
        }
        return context;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
