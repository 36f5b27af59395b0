package io.dashplane.server.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.alerting.SecretSettings;
import io.dashplane.schema.bundle.Bundle;
import io.dashplane.schema.bundle.BundleRuleGroup;
import io.dashplane.schema.bundle.BundleDashboard;
import io.dashplane.schema.bundle.BundleDatasource;
import io.dashplane.schema.promotion.DatasourceIdentity;
import io.dashplane.schema.promotion.DatasourceMapping;
import io.dashplane.schema.promotion.DatasourceRewrite;
import io.dashplane.schema.promotion.DatasourceRewriter;
import io.dashplane.schema.promotion.DatasourceUsages;
import io.dashplane.schema.promotion.ReferenceSite;
import io.dashplane.schema.promotion.Rewritten;
import io.dashplane.schema.promotion.UnmappableDatasource;
import io.dashplane.schema.promotion.UnmappableDatasourceException;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.content.ContentSelection;
import io.dashplane.server.content.EnvironmentReader;
import io.dashplane.server.datasource.Datasource;
import io.dashplane.server.datasource.DatasourceService;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.dashplane.server.storage.Page;
import io.dashplane.server.storage.PageRequest;
import io.dashplane.server.storage.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Promotions: computes a plan from a source to a target environment (selection, datasource mapping, reference
 * rewriting), stores it, applies it atomically (now or later by id) and records who applied what. Imports
 * ({@code io.dashplane.server.bundle}) use the same plan, apply and record machinery.
 */
public final class PromotionService {
    public static final String ANONYMOUS = "anonymous";

    private final Database db;
    private final EnvironmentService environments;
    private final DatasourceService datasources;
    private final EnvironmentReader reader;
    private final PlanBuilder builder;
    private final PlanApplier applier;
    private final ChangePlanRepository repository;
    private final Duration planTtl;
    private final Clock clock;
    public static final Duration DEFAULT_PLAN_TTL = Duration.ofHours(24);

    public PromotionService(Database db, EnvironmentService environments, DatasourceService datasources,
                            EnvironmentReader reader, PlanBuilder builder, PlanApplier applier,
                            ChangePlanRepository repository) {
        this(db, environments, datasources, reader, builder, applier, repository, DEFAULT_PLAN_TTL, Clock.systemUTC());
    }

    /**
     * @param planTtl how long a stored plan can be applied; older plans are refused (410) and deleted whenever a
     *                new plan is stored
     */
    public PromotionService(Database db, EnvironmentService environments, DatasourceService datasources,
                            EnvironmentReader reader, PlanBuilder builder, PlanApplier applier,
                            ChangePlanRepository repository, Duration planTtl, Clock clock) {
        this.planTtl = planTtl;
        this.clock = clock;
        this.db = db;
        this.environments = environments;
        this.datasources = datasources;
        this.reader = reader;
        this.builder = builder;
        this.applier = applier;
        this.repository = repository;
    }

    public PromotionOutcome promote(PromotionRequest request, String actor) {
        if (request.source() == null || request.source().isBlank()) {
            throw DomainException.invalid("/source", "source is required");
        }
        if (request.target() == null || request.target().isBlank()) {
            throw DomainException.invalid("/target", "target is required");
        }
        if (request.source().equals(request.target())) {
            throw DomainException.invalid("/target", "source and target must be different environments");
        }
        ContentSelection selection = request.selection() == null ? ContentSelection.ALL : request.selection();
        if (selection.isEmpty()) {
            throw DomainException.invalid("/selection", "the selection is empty; use {\"all\": true} or list objects");
        }
        boolean prune = Boolean.TRUE.equals(request.prune());
        if (prune && !selection.isAll()) {
            throw DomainException.invalid("/prune", "prune needs selection {\"all\": true}");
        }
        return run(tx -> plan(tx, request, selection, prune), Boolean.TRUE.equals(request.dryRun()),
                copyFrom(request.source()), actor);
    }

    /** Computes (and when not {@code dryRun}, applies in the same transaction) a plan; stores and records it. */
    public PromotionOutcome run(Function<DSLContext, ChangePlan> compute, boolean dryRun,
                                PlanApplier.SecretSource secrets, String actor) {
        if (dryRun) {
            ChangePlan plan = db.read(compute);
            db.write(tx -> {
                storePlan(tx, plan);
                return null;
            });
            return new PromotionOutcome(plan, null);
        }
        return db.write(tx -> {
            ChangePlan plan = compute.apply(tx);
            storePlan(tx, plan);
            return new PromotionOutcome(plan, applyAndRecord(tx, plan, secrets, actor));
        });
    }

    /** Applies a stored plan exactly; 409 when it was applied already or the target changed since. */
    public PromotionOutcome apply(String planId, Map<String, Map<String, String>> importSecrets,
                                  Map<String, Map<String, String>> contactPointSecrets, String actor) {
        return db.write(tx -> {
            ChangePlan plan = unexpired(repository.findPlan(tx, planId), planId);
            if (repository.isApplied(tx, planId)) {
                throw DomainException.conflict("plan '" + planId + "' has been applied already");
            }
            PlanApplier.SecretSource secrets = ChangePlan.IMPORT.equals(plan.kind())
                    ? importSecrets(plan, importSecrets == null ? Map.of() : importSecrets,
                    contactPointSecrets == null ? Map.of() : contactPointSecrets)
                    : copyFrom(plan.source());
            return new PromotionOutcome(plan, applyAndRecord(tx, plan, secrets, actor));
        });
    }

    public Page<PromotionRecord> list(PageRequest page) {
        return db.read(tx -> Page.of(repository.listRecords(tx, page.offset(), page.perPage()),
                repository.countRecords(tx), page));
    }

    public PromotionRecord get(String id) {
        return db.read(tx -> repository.findRecord(tx, id)
                .orElseThrow(() -> DomainException.notFound("promotion '" + id + "' does not exist")));
    }

    public ChangePlan getPlan(String id) {
        return db.read(tx -> unexpired(repository.findPlan(tx, id), id));
    }

    /** Stores a new plan and deletes the expired ones. */
    private void storePlan(DSLContext tx, ChangePlan plan) {
        repository.deletePlansCreatedBefore(tx, Timestamps.format(clock.instant().minus(planTtl)));
        repository.insertPlan(tx, plan);
    }

    private ChangePlan unexpired(java.util.Optional<ChangePlan> found, String id) {
        ChangePlan plan = found.orElseThrow(() -> DomainException.notFound("plan '" + id + "' does not exist (plans "
                + "expire " + planTtl.toSeconds() + " s after they are computed)"));
        java.time.Instant expiresAt = java.time.Instant.parse(plan.createdAt()).plus(planTtl);
        if (!clock.instant().isBefore(expiresAt)) {
            throw DomainException.gone("plan '" + id + "' expired at " + Timestamps.format(expiresAt) + " (plans can be "
                    + "applied for " + planTtl.toSeconds() + " s); compute a new plan with a dry run",
                    Map.of("expiredAt", Timestamps.format(expiresAt)));
        }
        return plan;
    }

    /**
     * The secrets of an import: per datasource uid ({@code key -> value}) and per contact point name
     * ({@code "<integration index>/<key>" -> value}); every input of an object the plan creates is required.
     */
    public static PlanApplier.SecretSource importSecrets(ChangePlan plan, Map<String, Map<String, String>> given,
                                                         Map<String, Map<String, String>> contactPoints) {
        List<Finding> missing = new ArrayList<>();
        if (plan.secretInputs() != null) {
            plan.secretInputs().forEach(input -> {
                if (input.datasourceUid() != null) {
                    Map<String, String> forDs = given.get(input.datasourceUid());
                    if (forDs == null || forDs.get(input.key()) == null) {
                        missing.add(new Finding("/secrets/" + input.datasourceUid() + "/" + input.key(),
                                "secret input '" + input.key() + "' of datasource '" + input.datasourceUid()
                                        + "' is required"));
                    }
                } else {
                    Map<String, String> forCp = contactPoints.get(input.contactPoint());
                    String key = input.integration() + "/" + input.key();
                    if (forCp == null || forCp.get(key) == null) {
                        missing.add(new Finding("/contactPointSecrets/" + input.contactPoint().replace("~", "~0")
                                .replace("/", "~1") + "/" + key.replace("~", "~0").replace("/", "~1"),
                                "secret input '" + input.key() + "' of integration " + input.integration()
                                        + " of contact point '" + input.contactPoint() + "' is required"));
                    }
                }
            });
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid(missing, Map.of());
        }
        return new PlanApplier.SecretSource() {
            @Override
            public Map<String, String> secretsFor(PlanItem item) {
                return given.get(item.uid());
            }

            @Override
            public Map<String, String> contactPointSecrets(DSLContext tx, PlanItem item) {
                return contactPoints.get(item.uid());
            }
        };
    }

    private PromotionRecord applyAndRecord(DSLContext tx, ChangePlan plan, PlanApplier.SecretSource secrets,
                                           String actor) {
        String message = ChangePlan.PROMOTION.equals(plan.kind())
                ? "Promoted from " + plan.source() + " (plan " + plan.id() + ")"
                : "Imported (plan " + plan.id() + ")";
        List<AppliedObject> objects = applier.apply(tx, AuditRecorder.of(tx), plan, secrets, message);
        PromotionRecord record = new PromotionRecord(plan.id(), plan.kind(),
                actor == null || actor.isBlank() ? ANONYMOUS : actor, plan.source(), plan.target(), objects,
                Timestamps.now());
        repository.insertRecord(tx, record);
        repository.markApplied(tx, plan.id());
        return record;
    }

    /** Promotions copy secrets from the source: datasources they create, every contact point they write. */
    private PlanApplier.SecretSource copyFrom(String source) {
        return new PlanApplier.SecretSource() {
            @Override
            public Map<String, String> secretsFor(PlanItem item) {
                return copySecrets(source, item);
            }

            @Override
            public Map<String, String> contactPointSecrets(DSLContext tx, PlanItem item) {
                Map<String, String> out = new LinkedHashMap<>();
                reader.alerting().contactPoints(tx, source, true).stream().filter(c -> c.name().equals(item.uid()))
                        .findFirst().ifPresent(c -> {
                            List<Integration> integrations = list(c.integrations());
                            for (int i = 0; i < integrations.size(); i++) {
                                int index = i;
                                SecretSettings.split(integrations.get(i).type(), integrations.get(i).settings()).secrets()
                                        .forEach((k, v) -> out.put(index + "/" + k, v));
                            }
                        });
                return out;
            }
        };
    }

    private Map<String, String> copySecrets(String source, PlanItem item) {
        if (!PlanItem.CREATE.equals(item.action()) || item.sourceUid() == null) {
            return null;
        }
        Map<String, String> secrets = datasources.decryptSecrets(source, item.sourceUid());
        return secrets.isEmpty() ? null : secrets;
    }

    private ChangePlan plan(DSLContext tx, PromotionRequest request, ContentSelection selection, boolean prune) {
        String source = request.source();
        String target = request.target();
        requireEnvironment(tx, source, "/source");
        requireEnvironment(tx, target, "/target");
        Bundle from = reader.read(tx, source, selection, false);

        List<Datasource> sourceDatasources = reader.allDatasources(tx, source);
        List<DatasourceIdentity> sourceIds = sourceDatasources.stream().map(PromotionService::identity).toList();
        List<DatasourceIdentity> targetIds = new ArrayList<>(reader.allDatasources(tx, target).stream()
                .map(PromotionService::identity).toList());
        Map<String, String> uidMap = request.datasourceUidMap() == null ? Map.of() : request.datasourceUidMap();
        Map<String, String> nameMap = request.datasourceNameMap() == null ? Map.of() : request.datasourceNameMap();
        DatasourceMapping mapping = mapping(sourceIds, targetIds, uidMap, nameMap);
        // datasources promoted along get their source uid in the target when they have no counterpart there
        boolean added = false;
        for (BundleDatasource ds : list(from.datasources())) {
            if (mapping.target(ds.uid()).isEmpty()) {
                targetIds.add(new DatasourceIdentity(ds.uid(), ds.name(), ds.type()));
                added = true;
            }
        }
        if (added) {
            mapping = mapping(sourceIds, targetIds, uidMap, nameMap);
        }

        // a target in warn mode takes dashboards and rules naming a datasource it lacks (their references stay as
        // they are, the plan lists warnings)
        boolean warn = environments.validationMode(tx, target) == ValidationMode.WARN;
        List<ReferenceSite> sites = new ArrayList<>();
        if (!warn) {
            list(from.dashboards()).forEach(d -> sites.addAll(DatasourceUsages.ofDashboard(d.uid(), d.dashboard())));
            list(from.ruleGroups()).forEach(g -> list(g.rules()).forEach(r -> sites.addAll(DatasourceUsages.ofAlertRule(r))));
        }
        try {
            DatasourceRewriter.requireMappable(mapping, sites);
        } catch (UnmappableDatasourceException e) {
            throw unmappable(e, target);
        }
        Map<String, List<DatasourceRewrite>> rewrites = new HashMap<>();
        List<BundleDashboard> dashboards = new ArrayList<>();
        for (BundleDashboard d : list(from.dashboards())) {
            Rewritten<JsonNode> r = warn ? DatasourceRewriter.rewriteMappableDashboard(d.uid(), d.dashboard(), mapping)
                    : DatasourceRewriter.rewriteDashboard(d.uid(), d.dashboard(), mapping);
            dashboards.add(new BundleDashboard(d.uid(), d.folderUid(), r.value()));
            if (!r.rewrites().isEmpty()) {
                rewrites.put(d.uid(), r.rewrites());
            }
        }
        List<BundleRuleGroup> groups = new ArrayList<>();
        for (BundleRuleGroup g : list(from.ruleGroups())) {
            List<AlertRule> rules = new ArrayList<>();
            List<DatasourceRewrite> groupRewrites = new ArrayList<>();
            for (AlertRule rule : list(g.rules())) {
                Rewritten<AlertRule> r = warn ? DatasourceRewriter.rewriteMappable(rule, mapping)
                        : DatasourceRewriter.rewriteAlertRule(rule, mapping);
                String at = "/rules/" + rules.size();
                rules.add(r.value());
                r.rewrites().forEach(w -> groupRewrites.add(new DatasourceRewrite(at + w.pointer(), w.from(), w.to())));
            }
            groups.add(new BundleRuleGroup(g.folderUid(), g.name(), g.interval(), rules));
            if (!groupRewrites.isEmpty()) {
                rewrites.put(g.folderUid() + "/" + g.name(), groupRewrites);
            }
        }
        Map<String, String> sourceUids = new LinkedHashMap<>();
        List<BundleDatasource> desiredDatasources = new ArrayList<>();
        for (BundleDatasource ds : list(from.datasources())) {
            String uid = mapping.target(ds.uid()).map(DatasourceIdentity::uid).orElse(ds.uid());
            sourceUids.put(uid, ds.uid());
            desiredDatasources.add(new BundleDatasource(uid, ds.name(), ds.type(), ds.access(), ds.url(), ds.user(),
                    ds.database(), ds.basicAuth(), ds.basicAuthUser(), ds.withCredentials(), ds.isDefault(),
                    ds.readOnly(), ds.jsonData()));
        }
        Bundle desired = new Bundle(Bundle.API_VERSION, null, desiredDatasources, null, from.folders(), dashboards,
                groups, from.contactPoints(), from.policies(), from.muteTimings(), from.templates()).sorted();
        List<PlanItem> items = builder.build(tx, target, desired, rewrites, sourceUids, prune, false);
        return new ChangePlan(Uid.generate(), ChangePlan.PROMOTION, source, target, prune, Timestamps.now(),
                ChangePlan.summarize(items), items, null,
                warn ? unmappedWarnings(from, mapping, targetIds, items, source, target) : null);
    }

    /**
     * One warning per reference of a dashboard or a rule's query whose datasource has no counterpart in a warn-mode
     * target, the pointer into the plan ({@code /items/2/desired/dashboard/panels/0/datasource/uid},
     * {@code /items/3/desired/rules/0/data/0/datasourceUid}).
     */
    private static List<Finding> unmappedWarnings(Bundle from, DatasourceMapping mapping,
                                                  List<DatasourceIdentity> targetIds, List<PlanItem> items,
                                                  String source, String target) {
        List<Finding> warnings = new ArrayList<>();
        for (BundleDashboard d : list(from.dashboards())) {
            for (ReferenceSite site : DatasourceUsages.ofDashboard(d.uid(), d.dashboard())) {
                if (!resolves(site, mapping, targetIds)) {
                    warnings.add(new Finding(dashboardPointer(items, d.uid()) + site.pointer(), "dashboard '"
                            + d.uid() + "': datasource '" + site.reference() + "' does not exist in '" + target
                            + "' (" + why(site, mapping, source) + "); the dashboard is stored but what uses the "
                            + "datasource shows no data until it does"));
                }
            }
        }
        for (BundleRuleGroup g : list(from.ruleGroups())) {
            for (AlertRule rule : list(g.rules())) {
                for (ReferenceSite site : DatasourceUsages.ofAlertRule(rule)) {
                    if (!resolves(site, mapping, targetIds)) {
                        warnings.add(new Finding(rulePointer(items, g, rule.uid()) + site.pointer(), "alert rule '"
                                + rule.uid() + "': datasource '" + site.reference() + "' does not exist in '" + target
                                + "' (" + why(site, mapping, source) + "); the rule is stored but cannot be evaluated "
                                + "until it does"));
                    }
                }
            }
        }
        return warnings;
    }

    /** Whether a reference is mapped, or names (by uid; a legacy string reference also by name) a target datasource. */
    private static boolean resolves(ReferenceSite site, DatasourceMapping mapping, List<DatasourceIdentity> targetIds) {
        boolean legacy = ReferenceSite.DASHBOARD.equals(site.objectKind()) && site.pointer().endsWith("/datasource");
        return mapping.target(site.reference()).isPresent() || targetIds.stream().anyMatch(t ->
                site.reference().equals(t.uid()) || legacy && site.reference().equals(t.name()));
    }

    private static String why(ReferenceSite site, DatasourceMapping mapping, String source) {
        return mapping.source(site.reference())
                .map(s -> "the datasource '" + s.name() + "' of '" + source + "' has no counterpart there")
                .orElse("it is no datasource of '" + source + "' either");
    }

    private static String dashboardPointer(List<PlanItem> items, String dashboardUid) {
        for (int i = 0; i < items.size(); i++) {
            if (PlanItem.DASHBOARD.equals(items.get(i).kind()) && dashboardUid.equals(items.get(i).uid())) {
                return "/items/" + i + "/desired/dashboard";
            }
        }
        throw new IllegalStateException("dashboard '" + dashboardUid + "' is not in the plan");
    }

    private static String rulePointer(List<PlanItem> items, BundleRuleGroup group, String ruleUid) {
        String key = group.folderUid() + "/" + group.name();
        for (int i = 0; i < items.size(); i++) {
            PlanItem item = items.get(i);
            if (PlanItem.RULE_GROUP.equals(item.kind()) && key.equals(item.uid())) {
                JsonNode rules = item.desired().path("rules");
                for (int r = 0; r < rules.size(); r++) {
                    if (ruleUid.equals(rules.get(r).path("uid").asText(null))) {
                        return "/items/" + i + "/desired/rules/" + r;
                    }
                }
            }
        }
        throw new IllegalStateException("rule '" + ruleUid + "' is not in the plan");
    }

    private static DatasourceMapping mapping(List<DatasourceIdentity> source, List<DatasourceIdentity> target,
                                             Map<String, String> uidMap, Map<String, String> nameMap) {
        try {
            return DatasourceMapping.build(source, target, uidMap, nameMap);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(uidMap.isEmpty() ? "/datasourceNameMap" : "/datasourceUidMap", e.getMessage());
        }
    }

    private static DomainException unmappable(UnmappableDatasourceException e, String target) {
        List<Finding> findings = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        for (UnmappableDatasource u : e.unmappable()) {
            findings.add(new Finding("/datasourceNameMap", u.message()));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("reference", u.reference());
            if (u.source() != null) {
                d.put("datasource", Map.of("uid", u.source().uid(), "name", u.source().name(),
                        "type", u.source().type()));
            }
            d.put("usedBy", u.sites().stream().map(s -> Map.of("kind", s.objectKind(), "uid", s.objectUid(),
                    "pointer", s.pointer())).toList());
            details.add(d);
        }
        return DomainException.invalid(findings, Map.of("unmappableDatasources", details,
                "hint", "create the datasource in '" + target + "' or map it with datasourceUidMap / datasourceNameMap"));
    }

    private void requireEnvironment(DSLContext tx, String env, String pointer) {
        try {
            environments.requireExists(tx, env);
        } catch (DomainException e) {
            throw DomainException.invalid(pointer, "environment '" + env + "' does not exist");
        }
    }

    private static DatasourceIdentity identity(Datasource d) {
        return new DatasourceIdentity(d.uid(), d.name(), d.type());
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
