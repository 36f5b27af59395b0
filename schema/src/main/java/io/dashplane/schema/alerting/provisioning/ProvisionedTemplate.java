package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dashplane.schema.alerting.MessageTemplate;

/** An entry of {@code templates}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"orgId", "name", "template"})
public record ProvisionedTemplate(Long orgId, String name, String template) {
    public MessageTemplate toMessageTemplate() {
        return new MessageTemplate(name, template);
    }

    public static ProvisionedTemplate of(MessageTemplate template) {
        return new ProvisionedTemplate(1L, template.name(), template.template());
    }
}
