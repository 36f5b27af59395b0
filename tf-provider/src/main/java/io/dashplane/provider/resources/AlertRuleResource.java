package io.dashplane.provider.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dashplane.provider.client.AlertingClient;
import io.dashplane.provider.framework.Attr;
import io.dashplane.provider.framework.ProviderException;
import io.dashplane.provider.framework.Schema;
import io.dashplane.provider.framework.SemanticEquality;
import io.dashplane.provider.framework.Validators;
import io.dashplane.provider.framework.Values;

import java.util.Map;

import static io.dashplane.provider.resources.Common.ENVIRONMENT;
import static io.dashplane.provider.resources.Common.ID;
import static io.dashplane.provider.resources.Common.UID;
import static io.dashplane.provider.resources.Common.VERSION;

/**
 * {@code dashplane_alert_rule}: one alert or recording rule (docs/resources/alert_rule.md). One resource per
 * rule, so modules own rules independently and reordering configuration never reassigns identity.
 * {@code data_json} is compared through the server's canonical form of queries (key order, number
 * spelling, defaulted expression time ranges do not count), durations by value. The server stores a
 * rule as sent, so members read back are exactly the configured ones (no server defaults to suppress).
 */
public final class AlertRuleResource extends UidObjectResource {
    public static final String TYPE_NAME = "dashplane_alert_rule";
    private static final Schema SCHEMA = Schema.of(0, "A Grafana-managed alert or recording rule.",
            Attr.string(UID).optional().computed().requiresReplace().useStateForUnknown().validate(Validators.uid())
                    .description("generated when absent; changing it replaces the rule"),
            Attr.string("title").required().validate(Validators.notBlank()).description("rule title, unique in the folder"),
            Attr.string("folder_uid").required().validate(Validators.uid())
                    .description("folder of the rule group; changing it moves the rule (uid and history stay)"),
            Attr.string("rule_group").required().validate(Validators.notBlank())
                    .description("name of the rule group in the folder; changing it moves the rule"),
            Attr.string("condition").optional().description("refId of the query or expression that decides firing (alert rules)"),
            Attr.string("data_json").required().semanticEquality(AlertingSupport.alertData())
                    .validate(dataArray())
                    .description("the rule's queries and expressions: Grafana's `data` array as JSON (use jsonencode)"),
            AlertingSupport.duration("for", "pending period before firing, e.g. 5m"),
            AlertingSupport.duration("keep_firing_for", "how long to keep firing after the condition clears"),
            Attr.string("no_data_state").optional().validate(Validators.oneOf("NoData", "Alerting", "OK", "KeepLast"))
                    .description("state when the queries return no data (server default NoData)"),
            Attr.string("exec_err_state").optional().validate(Validators.oneOf("Error", "Alerting", "OK", "KeepLast"))
                    .description("state when evaluation fails (server default Alerting)"),
            Attr.of("labels", AlertingSupport.STRING_MAP).optional().description("labels, used by notification routing"),
            Attr.of("annotations", AlertingSupport.STRING_MAP).optional()
                    .description("annotations; __dashboardUid__ and __panelId__ link a dashboard panel"),
            Attr.bool("is_paused").optional().description("pauses evaluation"),
            Attr.string("notification_settings_json").optional().semanticEquality(SemanticEquality.json())
                    .validate(Validators.jsonObject())
                    .description("simplified routing: Grafana's notification_settings object as JSON (receiver, group_by, ...)"),
            Attr.of("record", AlertingSupport.STRING_MAP).optional()
                    .description("recording rule: {metric = \"...\", from = \"<refId>\"} instead of a condition"),
            Common.environment("alert rule"),
            Common.id(),
            Common.version());
    private static final ApiErrors.PointerMapping POINTERS = ApiErrors.fields(Map.ofEntries(
            Map.entry("uid", UID), Map.entry("title", "title"), Map.entry("folderUID", "folder_uid"),
            Map.entry("ruleGroup", "rule_group"), Map.entry("condition", "condition"), Map.entry("data", "data_json"),
            Map.entry("for", "for"), Map.entry("keepFiringFor", "keep_firing_for"),
            Map.entry("noDataState", "no_data_state"), Map.entry("execErrState", "exec_err_state"),
            Map.entry("labels", "labels"), Map.entry("annotations", "annotations"), Map.entry("isPaused", "is_paused"),
            Map.entry("notification_settings", "notification_settings_json"), Map.entry("record", "record")));

    private static final UidObjectCalls CALLS = new UidObjectCalls("alert rule", "title", POINTERS,
            new UidObjectCalls.Endpoint(AlertingClient::getAlertRule, AlertingClient::createAlertRule,
                    AlertingClient::putAlertRule, AlertingClient::deleteAlertRule),
            AlertRuleResource::body, AlertRuleResource::state,
            environment -> Values.empty(SCHEMA.objectType()));

    public AlertRuleResource() {
        super(TYPE_NAME, SCHEMA, CALLS);
    }

    private static io.dashplane.provider.framework.Validator dataArray() {
        return (path, value, diagnostics) -> {
            try {
                if (!AlertingSupport.parseJson(value.asString(), "data_json").isArray()) {
                    diagnostics.error(path, "Invalid data_json", "expected a JSON array of queries and expressions");
                }
            } catch (ProviderException e) {
                e.diagnostics().forEach(d -> diagnostics.error(path, "Invalid data_json", d.detail()));
            }
        };
    }

    private static ObjectNode body(Values planned) {
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        AlertingSupport.putIfPresent(body, "uid", planned.getString(UID));
        body.put("title", planned.getString("title"));
        body.put("folderUID", planned.getString("folder_uid"));
        body.put("ruleGroup", planned.getString("rule_group"));
        AlertingSupport.putIfPresent(body, "condition", planned.getString("condition"));
        body.set("data", AlertingSupport.parseJson(planned.getString("data_json"), "data_json"));
        AlertingSupport.putIfPresent(body, "for", planned.getString("for"));
        AlertingSupport.putIfPresent(body, "keepFiringFor", planned.getString("keep_firing_for"));
        AlertingSupport.putIfPresent(body, "noDataState", planned.getString("no_data_state"));
        AlertingSupport.putIfPresent(body, "execErrState", planned.getString("exec_err_state"));
        AlertingSupport.putMap(body, "labels", AlertingSupport.stringMap(planned, "labels"));
        AlertingSupport.putMap(body, "annotations", AlertingSupport.stringMap(planned, "annotations"));
        if (planned.isPresent("is_paused")) {
            body.put("isPaused", planned.getBool("is_paused"));
        }
        if (planned.isPresent("notification_settings_json")) {
            body.set("notification_settings",
                    AlertingSupport.parseJson(planned.getString("notification_settings_json"), "notification_settings_json"));
        }
        AlertingSupport.putMap(body, "record", AlertingSupport.stringMap(planned, "record"));
        return body;
    }

    private static Values state(Values base, String environment, ObjectNode rule) {
        String uid = Common.text(rule, "uid");
        return base.with(UID, uid)
                .with("title", Common.text(rule, "title"))
                .with("folder_uid", Common.text(rule, "folderUID"))
                .with("rule_group", Common.text(rule, "ruleGroup"))
                .with("condition", AlertingSupport.unlessDefault(rule, "condition", base, "condition", ""))
                .with("data_json", AlertingSupport.jsonText(rule.get("data"), base, "data_json"))
                .with("for", AlertingSupport.unlessDefault(rule, "for", base, "for", ""))
                .with("keep_firing_for", AlertingSupport.unlessDefault(rule, "keepFiringFor", base, "keep_firing_for", ""))
                .with("no_data_state", Common.text(rule, "noDataState"))
                .with("exec_err_state", Common.text(rule, "execErrState"))
                .with("labels", AlertingSupport.stringMapValue(rule.get("labels"), base, "labels"))
                .with("annotations", AlertingSupport.stringMapValue(rule.get("annotations"), base, "annotations"))
                .with("is_paused", AlertingSupport.bool(rule, "isPaused"))
                .with("notification_settings_json",
                        AlertingSupport.jsonText(rule.get("notification_settings"), base, "notification_settings_json"))
                .with("record", AlertingSupport.stringMapValue(rule.get("record"), base, "record"))
                .with(ENVIRONMENT, environment)
                .with(ID, ObjectId.of(environment, uid))
                .with(VERSION, Common.number(rule, "version"));
    }
}
