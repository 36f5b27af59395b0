package io.dashplane.schema.bundle;

import io.dashplane.schema.Uid;
import io.dashplane.schema.alerting.AlertRule;
import io.dashplane.schema.alerting.AlertRuleValidator;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.MessageTemplate;
import io.dashplane.schema.alerting.MessageTemplateValidator;
import io.dashplane.schema.alerting.MuteTiming;
import io.dashplane.schema.alerting.MuteTimingValidator;
import io.dashplane.schema.alerting.NotificationLookup;
import io.dashplane.schema.alerting.NotificationPolicyValidator;
import io.dashplane.schema.alerting.RuleGroupValidator;
import io.dashplane.schema.dashboard.DashboardValidator;
import io.dashplane.schema.dashboard.DatasourceLookup;
import io.dashplane.schema.validation.Finding;
import io.dashplane.schema.validation.ValidationMode;
import io.dashplane.schema.validation.ValidationReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a bundle as a whole: uids valid and unique per kind, folder references resolvable inside the bundle,
 * dashboards and alerting objects through the API's validators with the bundle's own datasources, contact
 * points and mute timings as the environment. Pointers are into the bundle document.
 */
public final class BundleValidator {
    private final DashboardValidator dashboards = new DashboardValidator();
    private final AlertRuleValidator rules = new AlertRuleValidator();
    private final RuleGroupValidator groups = new RuleGroupValidator();
    private final NotificationPolicyValidator policies = new NotificationPolicyValidator();
    private final MuteTimingValidator muteTimings = new MuteTimingValidator();
    private final MessageTemplateValidator templates = new MessageTemplateValidator();

    public ValidationReport validate(Bundle bundle) {
        return validate(bundle, ValidationMode.STRICT);
    }

    /**
     * {@code mode} is the target environment's: in warn mode, unresolved dashboard references and alert rule
     * queries naming a datasource the bundle lacks are warnings.
     */
    public ValidationReport validate(Bundle bundle, ValidationMode mode) {
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        if (bundle == null) {
            errors.add(new Finding("", "the bundle is empty"));
            return new ValidationReport(errors, warnings);
        }
        if (bundle.apiVersion() == null || bundle.apiVersion() != Bundle.API_VERSION) {
            errors.add(new Finding("/apiVersion", "apiVersion must be " + Bundle.API_VERSION));
        }
        List<BundleDatasource> datasources = Bundle.orEmpty(bundle.datasources());
        Set<String> dsUids = new HashSet<>();
        Set<String> dsNames = new HashSet<>();
        Map<String, String> seenUid = new HashMap<>();
        Map<String, String> seenName = new HashMap<>();
        for (int i = 0; i < datasources.size(); i++) {
            BundleDatasource ds = datasources.get(i);
            String p = "/datasources/" + i;
            uid(ds.uid(), p, seenUid, errors);
            required(ds.type(), p + "/type", "type", errors);
            if (required(ds.name(), p + "/name", "name", errors)) {
                unique(ds.name(), p + "/name", "datasource name", seenName, errors);
            }
            dsUids.add(ds.uid());
            dsNames.add(ds.name());
        }
        DatasourceLookup lookup = new DatasourceLookup() {
            @Override
            public boolean existsByUid(String uid) {
                return dsUids.contains(uid);
            }

            @Override
            public boolean existsByName(String name) {
                return dsNames.contains(name);
            }
        };
        List<SecretInput> inputs = Bundle.orEmpty(bundle.secretInputs());
        Set<String> contactPointNames = new HashSet<>();
        Bundle.orEmpty(bundle.contactPoints()).forEach(cp -> contactPointNames.add(cp.name()));
        for (int i = 0; i < inputs.size(); i++) {
            SecretInput input = inputs.get(i);
            String p = "/secretInputs/" + i;
            required(input.key(), p + "/key", "key", errors);
            if ((input.datasourceUid() == null) == (input.contactPoint() == null)) {
                errors.add(new Finding(p, "a secret input names either a datasourceUid or a contactPoint"));
            } else if (input.datasourceUid() != null && !dsUids.contains(input.datasourceUid())) {
                errors.add(new Finding(p + "/datasourceUid", "datasource '" + input.datasourceUid() + "' is not in the bundle"));
            } else if (input.contactPoint() != null && !contactPointNames.contains(input.contactPoint())) {
                errors.add(new Finding(p + "/contactPoint", "contact point '" + input.contactPoint() + "' is not in the bundle"));
            }
        }

        List<BundleFolder> folders = Bundle.orEmpty(bundle.folders());
        Set<String> folderUids = new HashSet<>();
        folders.forEach(f -> folderUids.add(f.uid()));
        Map<String, String> seenFolder = new HashMap<>();
        for (int i = 0; i < folders.size(); i++) {
            BundleFolder folder = folders.get(i);
            String p = "/folders/" + i;
            uid(folder.uid(), p, seenFolder, errors);
            required(folder.title(), p + "/title", "title", errors);
            folderRef(folder.parentUid(), p + "/parentUid", folderUids, errors);
            if (folder.parentUid() != null && folder.parentUid().equals(folder.uid())) {
                errors.add(new Finding(p + "/parentUid", "a folder cannot be its own parent"));
            }
        }

        List<BundleDashboard> dashboardList = Bundle.orEmpty(bundle.dashboards());
        Map<String, String> seenDashboard = new HashMap<>();
        for (int i = 0; i < dashboardList.size(); i++) {
            BundleDashboard dashboard = dashboardList.get(i);
            String p = "/dashboards/" + i;
            uid(dashboard.uid(), p, seenDashboard, errors);
            folderRef(dashboard.folderUid(), p + "/folderUid", folderUids, errors);
            if (dashboard.dashboard() == null) {
                errors.add(new Finding(p + "/dashboard", "dashboard is required"));
                continue;
            }
            String inner = dashboard.dashboard().path("uid").asText(null);
            if (inner != null && dashboard.uid() != null && !inner.equals(dashboard.uid())) {
                errors.add(new Finding(p + "/dashboard/uid", "dashboard uid '" + inner + "' differs from the entry's uid '" + dashboard.uid() + "'"));
            }
            ValidationReport report = dashboards.validate(dashboard.dashboard(), p + "/dashboard", lookup, mode);
            errors.addAll(report.errors());
            warnings.addAll(report.warnings());
        }

        Set<String> timingNames = new HashSet<>();
        Bundle.orEmpty(bundle.muteTimings()).forEach(t -> timingNames.add(t.name()));
        NotificationLookup notifications = new NotificationLookup() {
            @Override
            public boolean contactPointExists(String name) {
                return contactPointNames.contains(name);
            }

            @Override
            public boolean timeIntervalExists(String name) {
                return timingNames.contains(name);
            }
        };
        List<BundleRuleGroup> ruleGroups = Bundle.orEmpty(bundle.ruleGroups());
        Map<String, String> seenRule = new HashMap<>();
        Map<String, String> seenGroup = new HashMap<>();
        for (int i = 0; i < ruleGroups.size(); i++) {
            BundleRuleGroup group = ruleGroups.get(i);
            String p = "/ruleGroups/" + i;
            add(groups.validate(group.group(), p), errors, warnings);
            folderRef(group.folderUid(), p + "/folderUid", folderUids, errors);
            unique(group.folderUid() + "/" + group.name(), p + "/name", "rule group", seenGroup, errors);
            List<AlertRule> ruleList = Bundle.orEmpty(group.rules());
            for (int r = 0; r < ruleList.size(); r++) {
                AlertRule rule = ruleList.get(r).inGroup(group.folderUid(), group.name());
                String rp = p + "/rules/" + r;
                uid(rule.uid(), rp, seenRule, errors);
                ValidationReport report = rules.validate(rule, rp, lookup, notifications, mode);
                errors.addAll(report.errors());
                // a bundle holds many rules: a warning (the import goes on) names the one it is about
                report.warnings().forEach(w -> warnings.add(
                        new Finding(w.pointer(), "alert rule '" + rule.uid() + "': " + w.message())));
            }
        }
        Map<String, String> seenContactPoint = new HashMap<>();
        List<ContactPoint> contactPoints = Bundle.orEmpty(bundle.contactPoints());
        for (int i = 0; i < contactPoints.size(); i++) {
            if (required(contactPoints.get(i).name(), "/contactPoints/" + i + "/name", "name", errors)) {
                unique(contactPoints.get(i).name(), "/contactPoints/" + i + "/name", "contact point", seenContactPoint, errors);
            }
        }
        if (bundle.policies() != null) {
            add(policies.validateTree(bundle.policies(), "/policies", notifications), errors, warnings);
        }
        List<MuteTiming> timings = Bundle.orEmpty(bundle.muteTimings());
        Map<String, String> seenTiming = new HashMap<>();
        for (int i = 0; i < timings.size(); i++) {
            add(muteTimings.validate(timings.get(i), "/muteTimings/" + i), errors, warnings);
            unique(timings.get(i).name(), "/muteTimings/" + i + "/name", "mute timing", seenTiming, errors);
        }
        List<MessageTemplate> templateList = Bundle.orEmpty(bundle.templates());
        Map<String, String> seenTemplate = new HashMap<>();
        for (int i = 0; i < templateList.size(); i++) {
            add(templates.validate(templateList.get(i), "/templates/" + i), errors, warnings);
            unique(templateList.get(i).name(), "/templates/" + i + "/name", "template", seenTemplate, errors);
        }
        return new ValidationReport(errors, warnings);
    }

    private static void add(ValidationReport report, List<Finding> errors, List<Finding> warnings) {
        errors.addAll(report.errors());
        warnings.addAll(report.warnings());
    }

    private static void uid(String uid, String pointer, Map<String, String> seen, List<Finding> errors) {
        String problem = Uid.problem(uid);
        if (problem != null) {
            errors.add(new Finding(pointer + "/uid", problem));
        } else {
            unique(uid, pointer + "/uid", "uid", seen, errors);
        }
    }

    private static void unique(String value, String pointer, String what, Map<String, String> seen, List<Finding> errors) {
        String first = seen.putIfAbsent(value, pointer);
        if (first != null) {
            errors.add(new Finding(pointer, "duplicate " + what + " '" + value + "' (first at " + first + ")"));
        }
    }

    private static boolean required(String value, String pointer, String what, List<Finding> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Finding(pointer, what + " is required"));
            return false;
        }
        return true;
    }

    private static void folderRef(String uid, String pointer, Set<String> folderUids, List<Finding> errors) {
        if (uid != null && !folderUids.contains(uid)) {
            errors.add(new Finding(pointer, "folder '" + uid + "' is not in the bundle"));
        }
    }
}
