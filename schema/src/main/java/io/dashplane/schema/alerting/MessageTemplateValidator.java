package io.dashplane.schema.alerting;

import io.dashplane.schema.validation.ValidationReport;

/** Checks a message template: a name and Go template text with balanced actions and define/end pairs. */
public final class MessageTemplateValidator {
    public static final int MAX_NAME_LENGTH = 190;

    public ValidationReport validate(MessageTemplate template, String pointerPrefix) {
        FindingCollector findings = new FindingCollector(pointerPrefix);
        validate(template, findings);
        return findings.report();
    }

    public void validate(MessageTemplate template, FindingCollector findings) {
        if (template == null) {
            findings.error("", "template must be a JSON object");
            return;
        }
        if (CommonChecks.blank(template.name())) {
            findings.error("/name", "name is required");
        } else if (template.name().length() > MAX_NAME_LENGTH) {
            findings.error("/name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (template.template() == null || template.template().isBlank()) {
            findings.error("/template", "template text is required");
            return;
        }
        for (String problem : GoTemplates.check(template.template()).problems()) {
            findings.error("/template", problem);
        }
    }
}
