package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.dashplane.schema.alerting.MessageTemplate;

/** A message template write (the name comes from the path) plus the compare-and-set {@code version}. */
@JsonIgnoreProperties({"provenance", "createdAt", "updatedAt", "warnings"})
public record MessageTemplateRequest(String name, String template, Long version) {
    public MessageTemplate messageTemplate() {
        return new MessageTemplate(name, template);
    }
}
