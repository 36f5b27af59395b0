package io.dashplane.schema.alerting;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** An integration's settings with the secret values taken out, keyed by dotted setting path. */
public record SplitSettings(ObjectNode settings, Map<String, String> secrets) {
    public SplitSettings {
        secrets = Map.copyOf(secrets);
    }
}
