package io.dashplane.schema.alerting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoTemplatesTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "plain text without actions",
            "{{ $labels.instance }} is down",
            "{{ if gt $values.A.Value 0.5 }}high{{ else if gt $values.A.Value 0.2 }}medium{{ else }}low{{ end }}",
            "{{- range .Alerts -}}{{ .Labels.alertname }}{{ if .Annotations.summary }}: {{ .Annotations.summary }}{{ end }}\n{{ end -}}",
            "{{ range $i, $a := .Alerts }}{{ if eq $i 3 }}{{ break }}{{ end }}{{ continue }}{{ end }}",
            "{{/* a comment with }} inside */}}text",
            "{{- /* trimmed comment */ -}}",
            "{{ \"}}\" }} quoted braces are not the end",
            "{{ `raw }} string` }}",
            "{{ with .CommonLabels }}{{ .team }}{{ end }}",
            "{{if.Labels}}x{{end}}",
            "{{ define \"a\" }}{{ block \"b\" . }}default{{ end }}{{ end }}",
            "}} stray closing braces are text"
    })
    void wellFormed(String text) {
        GoTemplateCheck check = GoTemplates.check(text);
        assertEquals(List.of(), check.problems(), text);
        assertTrue(check.isValid());
    }

    @Test
    void unclosedAction() {
        List<String> problems = GoTemplates.check("value {{ $labels.x ").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("line 1, column 7"), problems.get(0));
        assertTrue(problems.get(0).contains("never closed"), problems.get(0));
    }

    @Test
    void actionInterruptedByAnotherAction() {
        List<String> problems = GoTemplates.check("{{ .A {{ .B }}").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("before the next {{"), problems.get(0));
    }

    @Test
    void ifWithoutEnd() {
        List<String> problems = GoTemplates.check("first line\n  {{ if .X }}yes").problems();
        assertEquals(List.of("{{if}} at line 2, column 3 is never closed with {{end}}"), problems);
    }

    @Test
    void endWithoutOpening() {
        List<String> problems = GoTemplates.check("{{ .X }}{{ end }}").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("{{end}} at line 1, column 9 has no matching"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ range .Alerts }}", "{{ with .X }}", "{{ define \"x\" }}", "{{ block \"x\" . }}"})
    void everyBlockKeywordNeedsEnd(String text) {
        assertFalse(GoTemplates.check(text).isValid());
        assertTrue(GoTemplates.check(text + "{{ end }}").isValid());
    }

    @Test
    void elseOutsideBlock() {
        assertEquals(1, GoTemplates.check("{{ else }}").problems().size());
        assertEquals(1, GoTemplates.check("{{ define \"x\" }}{{ else }}{{ end }}").problems().size());
    }

    @Test
    void breakOutsideRange() {
        List<String> problems = GoTemplates.check("{{ if .X }}{{ break }}{{ end }}").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("not inside a range"));
    }

    @Test
    void defineMustBeTopLevel() {
        List<String> problems = GoTemplates.check("{{ if .X }}{{ define \"a\" }}{{ end }}{{ end }}").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("top level"));
    }

    @Test
    void defineNeedsQuotedName() {
        List<String> problems = GoTemplates.check("{{ define a }}{{ end }}").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("template name in double quotes"));
    }

    @Test
    void duplicateDefinition() {
        List<String> problems = GoTemplates.check("{{ define \"a\" }}1{{ end }}{{ define \"a\" }}2{{ end }}").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("defined more than once"));
    }

    @Test
    void unclosedCommentAndString() {
        assertFalse(GoTemplates.check("{{/* never closed }}").isValid());
        assertFalse(GoTemplates.check("{{ \"open string }}").isValid());
        assertFalse(GoTemplates.check("{{ `open raw }}").isValid());
        assertFalse(GoTemplates.check("{{ }}").isValid());
    }

    @Test
    void extractsDefinedAndInvokedNames() {
        GoTemplateCheck check = GoTemplates.check("""
                {{ define "ml.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}
                {{ define "ml.message" }}{{ template "ml.title" . }}
                {{ range .Alerts }}{{ template "__text_alert_list" . }}{{ end }}{{ end }}
                """);
        assertEquals(List.of(), check.problems());
        assertEquals(List.of("ml.title", "ml.message"), check.definedTemplates());
        assertEquals(List.of("ml.title", "__text_alert_list"), check.invokedTemplates());
    }
}
