package io.dashplane.server.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client configuration file: named contexts (server, token, environment) and the current one.
 * <pre>
 * currentContext: staging
 * contexts:
 *   staging: {server: https://dashplane.example.com, token: dp_..., environment: staging}
 * </pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"currentContext", "contexts"})
@JsonIgnoreProperties(ignoreUnknown = false)
public record ClientConfig(String currentContext, Map<String, Context> contexts) {
    /** Where the file is unless {@code --config} or {@code DASHPLANE_CLI_CONFIG} says otherwise. */
    static final String VARIABLE = "DASHPLANE_CLI_CONFIG";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    public ClientConfig {
        contexts = contexts == null ? new TreeMap<>() : new TreeMap<>(contexts);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"server", "token", "environment"})
    public record Context(String server, String token, String environment) {
        Context merge(Context changes) {
            return new Context(changes.server != null ? changes.server : server,
                    changes.token != null ? changes.token : token,
                    changes.environment != null ? changes.environment : environment);
        }
    }

    /** The file: the flag, else $DASHPLANE_CLI_CONFIG, else $XDG_CONFIG_HOME/dashplane/config.yaml (~/.config). */
    static Path location(Path flag, Map<String, String> env) {
        if (flag != null) {
            return flag;
        }
        String variable = env.get(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("dashplane").resolve("config.yaml");
    }

    /** The file's content; an absent file is an empty configuration. */
    static ClientConfig read(Path file) throws ClientException {
        if (!Files.exists(file)) {
            return new ClientConfig(null, null);
        }
        try {
            ClientConfig config = YAML.readValue(file.toFile(), ClientConfig.class);
            return config == null ? new ClientConfig(null, null) : config;
        } catch (IOException e) {
            throw new ClientException("the configuration file " + file + " cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Writes the file readable by its owner only: it may hold tokens. */
    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = parent.resolve(file.getFileName() + ".partial");
        Files.writeString(partial, YAML.writeValueAsString(this));
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the platform's defaults apply
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    ClientConfig with(String name, Context context) {
        Map<String, Context> all = new TreeMap<>(contexts);
        all.put(name, all.containsKey(name) ? all.get(name).merge(context) : context);
        return new ClientConfig(currentContext == null ? name : currentContext, all);
    }

    ClientConfig using(String name) {
        return new ClientConfig(name, contexts);
    }
}
