package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.schema.alerting.Integration;
import io.dashplane.schema.validation.Finding;
import io.dashplane.server.alerting.AlertRuleVersion;
import io.dashplane.server.alerting.AlertingWrite;
import io.dashplane.server.alerting.ObjectMeta;
import io.dashplane.server.alerting.PolicyTree;
import io.dashplane.server.alerting.RuleGroupView;
import io.dashplane.server.alerting.StoredAlertRule;
import io.dashplane.server.alerting.StoredContactPoint;
import io.dashplane.server.alerting.StoredMuteTiming;
import io.dashplane.server.alerting.StoredPolicyRoot;
import io.dashplane.server.alerting.StoredRoute;
import io.dashplane.server.alerting.StoredTemplate;
import java.util.List;

/** Response bodies: the object in Grafana's JSON shape plus {@code version}, {@code createdAt}, {@code updatedAt}. */
final class AlertingResponses {
    private final ObjectMapper mapper;

    AlertingResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode ruleGroup(RuleGroupView view) {
        ObjectNode node = mapper.createObjectNode();
        node.put("folderUid", view.group().folderUid());
        node.put("name", view.group().name());
        node.put("interval", view.group().interval());
        ArrayNode rules = node.putArray("rules");
        view.ruleUids().forEach(rules::add);
        return meta(node, view.group().meta());
    }

    ObjectNode rule(StoredAlertRule rule) {
        return meta(mapper.valueToTree(rule.rule()), rule.meta());
    }

    ObjectNode ruleVersionSummary(AlertRuleVersion version) {
        ObjectNode node = mapper.createObjectNode();
        node.put("version", version.version());
        node.put("message", version.message());
        node.put("createdAt", version.createdAt());
        return node;
    }

    ObjectNode ruleVersion(AlertRuleVersion version) {
        ObjectNode node = ruleVersionSummary(version);
        node.set("rule", mapper.valueToTree(version.rule()));
        return node;
    }

    ObjectNode contactPoint(StoredContactPoint contactPoint) {
        ObjectNode node = mapper.createObjectNode();
        node.put("uid", contactPoint.uid());
        node.put("name", contactPoint.name());
        ArrayNode integrations = node.putArray("integrations");
        for (Integration integration : contactPoint.integrations()) {
            ObjectNode entry = mapper.valueToTree(integration);
            ObjectNode secureFields = entry.putObject("secureFields");
            contactPoint.secureFields().getOrDefault(integration.uid(), List.of()).forEach(path -> secureFields.put(path, true));
            integrations.add(entry);
        }
        return meta(node, contactPoint.meta());
    }

    ObjectNode policyTree(PolicyTree tree) {
        ObjectNode node = mapper.valueToTree(tree.tree());
        StoredPolicyRoot root = tree.root();
        node.put("version", root == null ? 0 : root.meta().version());
        if (root != null) {
            node.put("createdAt", root.meta().createdAt());
            node.put("updatedAt", root.meta().updatedAt());
        }
        return node;
    }

    ObjectNode policyRoot(StoredPolicyRoot root) {
        return meta(mapper.valueToTree(root.root()), root.meta());
    }

    ObjectNode route(StoredRoute route) {
        ObjectNode node = mapper.createObjectNode();
        node.put("uid", route.uid());
        node.put("parentUid", route.parentUid());
        node.put("position", route.position());
        node.setAll((ObjectNode) mapper.valueToTree(route.route()));
        return meta(node, route.meta());
    }

    ObjectNode muteTiming(StoredMuteTiming timing) {
        ObjectNode node = mapper.createObjectNode();
        node.put("uid", timing.uid());
        node.setAll((ObjectNode) mapper.valueToTree(timing.timing()));
        return meta(node, timing.meta());
    }

    ObjectNode template(StoredTemplate template) {
        return meta(mapper.valueToTree(template.template()), template.meta());
    }

    /** A write's body: the object plus its warnings (always present, possibly empty). */
    ObjectNode withWarnings(ObjectNode node, AlertingWrite<?> write) {
        List<Finding> warnings = write.warnings();
        node.set("warnings", mapper.valueToTree(warnings));
        return node;
    }

    private static ObjectNode meta(ObjectNode node, ObjectMeta meta) {
        node.put("version", meta.version());
        node.put("createdAt", meta.createdAt());
        node.put("updatedAt", meta.updatedAt());
        return node;
    }
}
