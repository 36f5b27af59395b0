package io.dashplane.schema.alerting;

import org.junit.jupiter.api.Test;

import static io.dashplane.schema.alerting.Findings.assertSingleError;
import static io.dashplane.schema.alerting.Findings.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageTemplateValidatorTest {
    private final MessageTemplateValidator validator = new MessageTemplateValidator();

    @Test
    void validTemplate() {
        assertValid(validator.validate(new MessageTemplate("ml", """
                {{ define "ml.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}
                {{ define "ml.text" }}{{ range .Alerts }}{{ .Annotations.summary }}
                {{ end }}{{ end }}
                """), ""));
        assertValid(validator.validate(new MessageTemplate("plain", "no actions at all"), ""));
    }

    @Test
    void definedNames() {
        assertEquals(java.util.List.of("ml.title", "ml.text"), new MessageTemplate("ml",
                "{{ define \"ml.title\" }}x{{ end }}{{ define \"ml.text\" }}y{{ end }}").definedTemplateNames());
    }

    @Test
    void unbalancedDefine() {
        assertSingleError(validator.validate(new MessageTemplate("ml", "{{ define \"ml.title\" }}x"), "/t"),
                "/t/template", "{{define}} at line 1, column 1 is never closed");
        assertSingleError(validator.validate(new MessageTemplate("ml", "{{ define \"a\" }}x{{ end }}{{ end }}"), ""),
                "/template", "has no matching");
    }

    @Test
    void requiredFields() {
        assertSingleError(validator.validate(new MessageTemplate(null, "x"), ""), "/name", "required");
        assertSingleError(validator.validate(new MessageTemplate("n", "  "), ""), "/template", "required");
    }

    @Test
    void normalizedTextIsTrimmed() {
        assertEquals("{{ define \"a\" }}{{ end }}", new MessageTemplate("a", "\n{{ define \"a\" }}{{ end }}\n  ").normalizedTemplate());
    }
}
