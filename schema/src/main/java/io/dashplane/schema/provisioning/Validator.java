package io.dashplane.schema.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.bundle.Bundle;
import io.dashplane.schema.bundle.BundleValidator;
import io.dashplane.schema.dashboard.DashboardValidator;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline validation of files and directories, for {@code dashplane validate PATH...}. Each path is
 * <ul>
 *   <li>a directory: a provisioning root, scanned by {@link ProvisioningScanner};</li>
 *   <li>a {@code .yaml}/{@code .yml} file inside a {@code datasources/}, {@code dashboards/} or {@code alerting/}
 *       directory: a provisioning file, checked as part of the root above it (only its own findings reported);</li>
 *   <li>any other {@code .yaml}/{@code .yml} file, or a {@code .json} file with a top-level {@code apiVersion}: a bundle;</li>
 *   <li>any other {@code .json} file: a dashboard (every referenced datasource is assumed to exist).</li>
 * </ul>
 * Findings print as {@code file:line: message} or {@code file#/pointer: message} ({@link FileFinding#format()}).
 */
public final class Validator {
    private static final Set<String> PROVISIONING_DIRECTORIES = Set.of("datasources", "dashboards", "alerting");

    private final ProvisioningScanner scanner = new ProvisioningScanner();
    private final BundleValidator bundleValidator = new BundleValidator();
    private final DashboardValidator dashboardValidator = new DashboardValidator();
    private final List<Path> allowedRoots;
    private final long maxRequestBytes;

    public Validator() {
        this(List.of());
    }

    /** @param allowedRoots directories besides each provisioning root that dashboard provider paths may lead into */
    public Validator(List<Path> allowedRoots) {
        this(allowedRoots, Long.MAX_VALUE);
    }

    /**
     * @param maxRequestBytes the server's request body limit: a bundle or dashboard file larger than this cannot be
     *                        sent to it (provisioning files are read from disk, so the limit does not apply to them)
     */
    public Validator(List<Path> allowedRoots, long maxRequestBytes) {
        this.allowedRoots = List.copyOf(allowedRoots);
        this.maxRequestBytes = maxRequestBytes;
    }

    public List<FileFinding> validate(List<Path> paths, Map<String, String> env) {
        List<FileFinding> findings = new ArrayList<>();
        for (Path path : paths) {
            findings.addAll(validate(path, env));
        }
        return findings;
    }

    public List<FileFinding> validate(Path path, Map<String, String> env) {
        if (Files.isDirectory(path)) {
            return scanner.scan(path, allowedRoots, env, null).findings();
        }
        if (!Files.isRegularFile(path)) {
            return List.of(FileFinding.at(path.toString(), "", "no such file or directory"));
        }
        String name = path.getFileName().toString();
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        Path parent = path.toAbsolutePath().getParent();
        if (yaml && parent != null && parent.getParent() != null
                && PROVISIONING_DIRECTORIES.contains(parent.getFileName().toString())) {
            return provisioningFile(path, env);
        }
        String text;
        try {
            long size = Files.size(path);
            if (size > maxRequestBytes) {
                return List.of(FileFinding.at(path.toString(), "", "is " + size + " bytes, over the server's request "
                        + "body limit of " + maxRequestBytes + " bytes (the server answers 413; raise it with "
                        + "--max-body-size or DASHPLANE_MAX_BODY_SIZE on both serve and validate)"));
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(FileFinding.at(path.toString(), "", "cannot be read: " + e.getMessage()));
        }
        try {
            if (yaml) {
                return bundle(path, ProvisioningReader.readBundle(path.toString(), text));
            }
            JsonNode json = ProvisioningReader.readDashboardJson(path.toString(), text);
            if (json.has("apiVersion")) {
                return bundle(path, ProvisioningReader.readBundle(path.toString(), text));
            }
            return findings(path, dashboardValidator.validate(json, "", DatasourceLookup.ANY));
        } catch (ProvisioningParseException e) {
            return List.of(e.finding());
        }
    }

    private List<FileFinding> provisioningFile(Path file, Map<String, String> env) {
        Path absolute = file.toAbsolutePath();
        Path root = absolute.getParent().getParent();
        List<FileFinding> own = new ArrayList<>();
        for (FileFinding f : scanner.scan(root, allowedRoots, env, null).findings()) {
            if (Path.of(f.file()).toAbsolutePath().normalize().equals(absolute.normalize())) {
                own.add(new FileFinding(f.severity(), file.toString(), f.line(), f.pointer(), f.message()));
            }
        }
        return own;
    }

    private List<FileFinding> bundle(Path file, Bundle bundle) {
        return findings(file, bundleValidator.validate(bundle));
    }

    private static List<FileFinding> findings(Path file, ValidationReport report) {
        List<FileFinding> out = new ArrayList<>();
        for (Finding f : report.errors()) {
            out.add(FileFinding.at(file.toString(), f.pointer(), f.message()));
        }
        for (Finding f : report.warnings()) {
            out.add(FileFinding.warningAt(file.toString(), f.pointer(), f.message()));
        }
        return out;
    }
}
