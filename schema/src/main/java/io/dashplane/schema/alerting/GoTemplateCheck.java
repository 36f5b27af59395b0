package io.dashplane.schema.alerting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The outcome of {@link GoTemplates#check}: structural problems (empty when the text is well formed),
 * the template names it defines ({@code define} and {@code block}) and the names it invokes
 * ({@code template} and {@code block}), each in order of first appearance.
 */
public record GoTemplateCheck(List<String> problems, List<String> definedTemplates, List<String> invokedTemplates) {
    public GoTemplateCheck {
        problems = List.copyOf(problems);
        definedTemplates = List.copyOf(definedTemplates);
        invokedTemplates = List.copyOf(invokedTemplates);
    }

    @JsonIgnore
    public boolean isValid() {
        return problems.isEmpty();
    }
}
