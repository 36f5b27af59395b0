package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A notification template group: Go text/template text, usually one or more {@code define} blocks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"version", "provenance"})
@JsonPropertyOrder({"name", "template"})
public record MessageTemplate(String name, String template) {
    /** Names the text defines with {@code define} or {@code block}; Grafana needs them unique per environment. */
    public List<String> definedTemplateNames() {
        return template == null ? List.of() : GoTemplates.check(template).definedTemplates();
    }

    /** The text as compared for drift: surrounding whitespace is not significant. */
    public String normalizedTemplate() {
        return template == null ? null : template.strip();
    }
}
