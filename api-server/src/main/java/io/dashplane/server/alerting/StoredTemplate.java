package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.MessageTemplate;

/** A message template as stored; its name is its identity. */
public record StoredTemplate(MessageTemplate template, ObjectMeta meta) {
    public String name() {
        return template.name();
    }
}
