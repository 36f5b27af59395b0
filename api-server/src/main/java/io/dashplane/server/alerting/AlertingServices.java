package io.dashplane.server.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dashplane.server.crypto.SecretBox;
import io.dashplane.server.datasource.DatasourceRepository;
import io.dashplane.server.environment.EnvironmentService;
import io.dashplane.server.folder.FolderRepository;
import io.dashplane.server.storage.Database;

/** The alerting services of one server, wired over the shared database. */
public record AlertingServices(RuleGroupService ruleGroups, AlertRuleService rules, ContactPointService contactPoints,
                               NotificationPolicyService policies, MuteTimingService muteTimings,
                               MessageTemplateService templates, AlertingTransferService transfer,
                               AlertRuleRepository ruleRepository, AlertingCounts counts, ObjectMapper mapper) {

    public static AlertingServices create(Database db, EnvironmentService environments, DatasourceRepository datasources,
                                          FolderRepository folders, SecretBox secretBox, ObjectMapper mapper,
                                          io.dashplane.server.provenance.ProvisionedObjects provisioned) {
        StoredJson json = new StoredJson(mapper);
        var groupRepo = new RuleGroupRepository();
        var ruleRepo = new AlertRuleRepository(json);
        var contactPointRepo = new ContactPointRepository(json);
        var policyRepo = new NotificationPolicyRepository(json);
        var muteTimingRepo = new MuteTimingRepository(json);
        var templateRepo = new MessageTemplateRepository();
        var lookups = new AlertingLookups(datasources, contactPointRepo, muteTimingRepo);
        var references = new AlertingReferences(policyRepo, ruleRepo);

        var ruleGroups = new RuleGroupService(db, environments, groupRepo, ruleRepo, folders, provisioned);
        var rules = new AlertRuleService(db, environments, ruleRepo, groupRepo, folders, lookups, provisioned);
        var contactPoints = new ContactPointService(db, environments, contactPointRepo, references, secretBox, json, provisioned);
        var policies = new NotificationPolicyService(db, environments, policyRepo, lookups, provisioned);
        var muteTimings = new MuteTimingService(db, environments, muteTimingRepo, references, provisioned);
        var templates = new MessageTemplateService(db, environments, templateRepo, provisioned);
        var transfer = new AlertingTransferService(db, environments, lookups, folders, groupRepo, ruleRepo, ruleGroups,
                rules, contactPoints, policies, muteTimings, templates, provisioned);
        var counts = new AlertingCounts(groupRepo, ruleRepo, contactPointRepo, policyRepo, muteTimingRepo, templateRepo);
        return new AlertingServices(ruleGroups, rules, contactPoints, policies, muteTimings, templates, transfer,
                ruleRepo, counts, mapper);
    }
}
