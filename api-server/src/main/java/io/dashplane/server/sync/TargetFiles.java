package io.dashplane.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dashplane.schema.provisioning.EnvInterpolation;
import io.dashplane.schema.alerting.provisioning.ProvisioningFiles;
import io.dashplane.server.errors.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sync targets declared in a provisioning directory: {@code targets/*.yaml}, each
 * {@code apiVersion: 1}, an optional {@code environment} (default {@code default}) and a {@code targets} list with
 * the fields of the native API; {@code $VAR}/{@code ${VAR}} are expanded first (put the token in a variable).
 * Loaded at start-up after the content: each target is created or replaced (an unchanged one is left as it is).
 */
public final class TargetFiles {
    /** One file. */
    record TargetFile(Integer apiVersion, String environment, List<SyncTargetRequest> targets) {
    }

    private static final ObjectMapper YAML = ProvisioningFiles.yamlMapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TargetFiles() {
    }

    /**
     * @return how many targets were created or changed
     * @throws IllegalStateException naming {@code file: pointer: problem} when a file is invalid
     */
    public static int load(Path provisioningDir, Map<String, String> variables, TargetService targets) {
        Path dir = provisioningDir.resolve("targets");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int changed = 0;
        for (Path file : files) {
            String name = provisioningDir.relativize(file).toString();
            TargetFile parsed = parse(file, name, variables);
            String env = parsed.environment() == null ? "default" : parsed.environment();
            List<SyncTargetRequest> list = parsed.targets() == null ? List.of() : parsed.targets();
            for (int i = 0; i < list.size(); i++) {
                SyncTargetRequest r = list.get(i);
                try {
                    if (targets.provision(env, r)) {
                        changed++;
                    }
                } catch (DomainException e) {
                    String detail = e.errors().isEmpty() ? e.getMessage()
                            : e.errors().get(0).pointer() + ": " + e.errors().get(0).message();
                    throw new IllegalStateException(name + ": /targets/" + i + (detail.startsWith("/") ? "" : ": ")
                            + detail, e);
                }
            }
        }
        return changed;
    }

    private static TargetFile parse(Path file, String name, Map<String, String> variables) {
        try {
            TargetFile f = YAML.readValue(EnvInterpolation.expand(Files.readString(file), variables), TargetFile.class);
            if (f == null || f.apiVersion() == null || f.apiVersion() != 1) {
                throw new IllegalStateException(name + ": apiVersion must be 1");
            }
            return f;
        } catch (UnrecognizedPropertyException e) {
            StringBuilder pointer = new StringBuilder();
            e.getPath().forEach(r -> pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : r.getIndex()));
            throw new IllegalStateException(name + ": " + pointer + ": unknown key '" + e.getPropertyName() + "'", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
