package io.dashplane.server.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.schema.Uid;
import io.dashplane.schema.bundle.Bundle;
import io.dashplane.schema.bundle.BundleDatasource;
import io.dashplane.schema.bundle.BundleValidator;
import io.dashplane.schema.bundle.Bundles;
import io.dashplane.schema.bundle.SecretInput;
import io.dashplane.schema.provisioning.ProvisioningParseException;
import io.dashplane.schema.provisioning.ProvisioningReader;
import io.dashplane.schema.validation.ValidationReport;
import io.dashplane.server.content.ContentSelection;
import io.dashplane.server.content.EnvironmentReader;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.promotion.ChangePlan;
import io.dashplane.server.promotion.PlanBuilder;
import io.dashplane.server.promotion.PlanItem;
import io.dashplane.server.promotion.PromotionOutcome;
import io.dashplane.server.promotion.PromotionService;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Export of an environment as a bundle (JSON or YAML, canonical bytes) and import of a bundle with the plan and
 * apply semantics of promotions ({@link PromotionService#run}).
 */
public final class BundleService {
    public enum Format { JSON, YAML }

    private final Database db;
    private final EnvironmentService environments;
    private final EnvironmentReader reader;
    private final PlanBuilder builder;
    private final PromotionService promotions;
    private final ObjectMapper mapper;
    private final BundleValidator validator = new BundleValidator();

    public BundleService(Database db, EnvironmentService environments, EnvironmentReader reader, PlanBuilder builder,
                         PromotionService promotions, ObjectMapper mapper) {
        this.db = db;
        this.environments = environments;
        this.reader = reader;
        this.builder = builder;
        this.promotions = promotions;
        this.mapper = mapper;
    }

    public String export(String env, ContentSelection selection, Format format) {
        Bundle bundle = db.read(tx -> {
            environments.requireExists(tx, env);
            return reader.read(tx, env, selection.isEmpty() ? ContentSelection.ALL : selection, true);
        });
        return format == Format.YAML ? Bundles.writeYaml(bundle) : Bundles.writeJson(bundle);
    }

    /**
     * @param text    the bundle (JSON or YAML), or a JSON envelope {@code {"bundle": ..., "secrets": {dsUid: {key: value}}}}
     */
    public PromotionOutcome importBundle(String env, String text, boolean dryRun, boolean prune, String actor) {
        if (text == null || text.isBlank()) {
            throw DomainException.malformed("", "a bundle (JSON or YAML) is required");
        }
        Map<String, Map<String, String>> secrets = Map.of();
        Map<String, Map<String, String>> contactPointSecrets = Map.of();
        String bundleText = text;
        if (text.stripLeading().startsWith("{")) {
            JsonNode tree = parseJson(text);
            if (tree.has("bundle") && !tree.has("apiVersion")) {
                Set<String> unknown = new java.util.TreeSet<>();
                tree.fieldNames().forEachRemaining(unknown::add);
                unknown.removeAll(Set.of("bundle", "secrets", "contactPointSecrets"));
                if (!unknown.isEmpty()) {
                    throw DomainException.malformed("/" + unknown.iterator().next(),
                            "unknown member '" + unknown.iterator().next()
                                    + "'; an import envelope has bundle, secrets and contactPointSecrets");
                }
                JsonNode b = tree.get("bundle");
                bundleText = b.isTextual() ? b.asText() : b.toString();
                secrets = readSecrets(tree.get("secrets"), "/secrets");
                contactPointSecrets = readSecrets(tree.get("contactPointSecrets"), "/contactPointSecrets");
            }
        }
        Bundle bundle;
        try {
            bundle = ProvisioningReader.readBundle("bundle", bundleText);
        } catch (ProvisioningParseException e) {
            var f = e.finding();
            throw DomainException.malformed(f.pointer() == null ? "" : f.pointer(),
                    (f.line() > 0 ? "line " + f.line() + ": " : "") + f.message());
        }
        if (bundle == null) {
            throw DomainException.malformed("", "a bundle (JSON or YAML) is required");
        }
        ValidationReport report = validator.validate(bundle, db.read(tx -> {
            environments.requireExists(tx, env);
            return environments.validationMode(tx, env);
        }));
        if (report.hasErrors()) {
            throw DomainException.validation(report.errors(), report.warnings());
        }
        Bundle desired = normalize(bundle).sorted();
        Map<String, Map<String, String>> given = secrets;
        Map<String, Map<String, String>> givenContactPoints = contactPointSecrets;
        return promotions.run(tx -> {
            environments.requireExists(tx, env);
            List<PlanItem> items = builder.build(tx, env, desired, Map.of(), Map.of(), prune, true);
            Set<String> created = items.stream()
                    .filter(i -> i.kind().equals(PlanItem.DATASOURCE) && i.action().equals(PlanItem.CREATE))
                    .map(PlanItem::uid).collect(Collectors.toSet());
            Set<String> createdPoints = items.stream()
                    .filter(i -> i.kind().equals(PlanItem.CONTACT_POINT) && i.action().equals(PlanItem.CREATE))
                    .map(PlanItem::uid).collect(Collectors.toSet());
            List<SecretInput> needed = desired.secretInputs() == null ? List.of() : desired.secretInputs().stream()
                    .filter(s -> s.datasourceUid() != null ? created.contains(s.datasourceUid())
                            : createdPoints.contains(s.contactPoint())).toList();
            ChangePlan plan = new ChangePlan(Uid.generate(), ChangePlan.IMPORT, null, env, prune, Timestamps.now(),
                    ChangePlan.summarize(items), items, needed.isEmpty() ? null : needed, report.warnings());
            if (!dryRun) {
                PromotionService.importSecrets(plan, given, givenContactPoints);
            }
            return plan;
        }, dryRun, PromotionService.importSecrets(new ChangePlan(null, null, null, env, false, null, null, List.of(), null),
                given, givenContactPoints), actor);
    }

    /** Grafana's defaults made explicit, so that an imported datasource compares equal to its export. */
    private Bundle normalize(Bundle b) {
        List<BundleDatasource> datasources = new ArrayList<>();
        if (b.datasources() != null) {
            for (BundleDatasource d : b.datasources()) {
                datasources.add(new BundleDatasource(d.uid(), d.name(), d.type(), d.access() == null ? "proxy" : d.access(),
                        orEmpty(d.url()), orEmpty(d.user()), orEmpty(d.database()), Boolean.TRUE.equals(d.basicAuth()),
                        orEmpty(d.basicAuthUser()), Boolean.TRUE.equals(d.withCredentials()), Boolean.TRUE.equals(d.isDefault()),
                        Boolean.TRUE.equals(d.readOnly()), d.jsonData() == null ? mapper.createObjectNode() : d.jsonData()));
            }
        }
        List<io.dashplane.schema.bundle.BundleDashboard> dashboards = b.dashboards() == null ? null : b.dashboards().stream()
                .map(d -> new io.dashplane.schema.bundle.BundleDashboard(d.uid(), d.folderUid(),
                        EnvironmentReader.portable(d.dashboard()))).toList();
        return new Bundle(b.apiVersion(), b.environment(), datasources, b.secretInputs(), b.folders(), dashboards,
                b.ruleGroups(), b.contactPoints(), b.policies(), b.muteTimings(), b.templates());
    }

    private JsonNode parseJson(String text) {
        try {
            return mapper.readTree(text);
        } catch (io.dashplane.schema.json.JsonReadFailure e) {
            throw DomainException.malformed(e.pointer(), "line " + e.line() + ", column " + e.column() + ": " + e.problem());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw DomainException.malformed("", "line " + line + ": malformed JSON");
        }
    }

    private static Map<String, Map<String, String>> readSecrets(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw DomainException.malformed(at, "must be an object {uid or name: {key: value}}");
        }
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(ds -> {
            if (!ds.getValue().isObject()) {
                throw DomainException.malformed(at + "/" + ds.getKey(), "must be an object {key: value}");
            }
            Map<String, String> values = new java.util.TreeMap<>();
            ds.getValue().fields().forEachRemaining(kv -> {
                if (!kv.getValue().isTextual()) {
                    throw DomainException.malformed(at + "/" + ds.getKey() + "/" + kv.getKey(), "must be a string");
                }
                values.put(kv.getKey(), kv.getValue().asText());
            });
            out.put(ds.getKey(), values);
        });
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
