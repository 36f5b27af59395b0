package io.dashplane.server.alerting;

import io.dashplane.schema.alerting.Integration;
import java.util.List;
import java.util.Map;

/**
 * A contact point as stored: integrations with their secret settings taken out, and which secret
 * settings (dotted paths) are stored, per integration uid. The secret values live sealed in the row.
 */
public record StoredContactPoint(String uid, String name, List<Integration> integrations,
                                 Map<String, List<String>> secureFields, ObjectMeta meta) {
}
