package io.dashplane.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dashplane.server.auth.TokenExpiry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Item "Token lifetimes": bounded by a documented maximum, refused with a pointer beyond it, always RFC 3339. */
class TokenLifetimeTest extends ServerTestSupport {
    /** RFC 3339 date-time in UTC as the server writes it: four-digit year, no sign. */
    private static final Pattern RFC_3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    @Test
    void tokenLifetimesAreBoundedByADocumentedMaximumAndEveryExpiresAtIsRfc3339() {
        Accounts.Account ci = Accounts.create(api, "ci", Map.of("default", "Viewer"));
        String tokens = "/api/v1/service-accounts/" + ci.id() + "/tokens";
        long max = TokenExpiry.MAX_LIFETIME.toSeconds();
        assertEquals(Duration.ofDays(3650), TokenExpiry.MAX_LIFETIME, "the maximum docs/security.md names");

        List<String> failures = new ArrayList<>();
        // refused, with a pointer to the field
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{\"expiresInSeconds\":100000000000000000}", "/expiresInSeconds");
        refused.put("{\"expiresInSeconds\":1000000000000}", "/expiresInSeconds");
        refused.put("{\"expiresInSeconds\":100000000000000000000000}", "/expiresInSeconds");
        refused.put("{\"expiresInSeconds\":" + (max + 1) + "}", "/expiresInSeconds");
        refused.put("{\"expiresInSeconds\":0}", "/expiresInSeconds");
        refused.put("{\"expiresInSeconds\":-5}", "/expiresInSeconds");
        refused.put("{\"expiresInSeconds\":1.5}", "/expiresInSeconds");
        refused.put("{\"expiresInSeconds\":1e30}", "/expiresInSeconds");
        refused.put("{\"expiresInSeconds\":\"soon\"}", "/expiresInSeconds");
        refused.put("{\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}", "/expiresAt");
        refused.put("{\"expiresAt\":\"10000-01-01T00:00:00Z\"}", "/expiresAt");
        refused.put("{\"expiresAt\":\"" + Instant.now().plus(TokenExpiry.MAX_LIFETIME).plus(Duration.ofDays(2)) + "\"}",
                "/expiresAt");
        refused.put("{\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "/expiresAt");
        refused.put("{\"expiresAt\":\"tomorrow\"}", "/expiresAt");
        refused.put("{\"expiresAt\":\"2027-13-01T00:00:00Z\"}", "/expiresAt");
        refused.put("{\"expiresAt\":12345}", "/expiresAt");
        refused.put("{\"expiresAt\":\"2030-01-01T00:00:00Z\",\"expiresInSeconds\":60}", "/expiresAt");
        refused.forEach((body, pointer) -> {
            Api.Reply r = api.post(tokens, body);
            String at = body + ": ";
            if (r.status() != 400 && r.status() != 422) {
                failures.add(at + "expected 400 or 422, got " + r);
            } else if (!"application/problem+json".equals(r.contentType())) {
                failures.add(at + "not a problem: " + r.contentType());
            } else if (!pointers(r.json()).contains(pointer)) {
                failures.add(at + "no pointer " + pointer + " in " + r);
            }
        });
        // accepted up to the maximum, in either form, and written as RFC 3339
        List<String> accepted = List.of("{\"expiresInSeconds\":" + max + "}", "{\"expiresInSeconds\":60}",
                "{\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(365)) + "\"}",
                "{\"expiresAt\":\"" + OffsetDateTime.now().plusDays(30).withNano(0)
                        .atZoneSameInstant(java.time.ZoneOffset.ofHours(2)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\"}",
                "{\"expiresAt\":\"" + Instant.now().plus(TokenExpiry.MAX_LIFETIME).minus(Duration.ofDays(1)) + "\"}",
                "{}");
        for (String body : accepted) {
            Api.Reply r = api.post(tokens, body);
            if (r.status() != 201) {
                failures.add(body + ": expected 201, got " + r);
                continue;
            }
            JsonNode expiresAt = r.json().get("expiresAt");
            if (body.equals("{}")) {
                if (!expiresAt.isNull()) {
                    failures.add(body + ": a token without expiry got " + expiresAt);
                }
            } else if (!RFC_3339.matcher(expiresAt.asText()).matches()) {
                failures.add(body + ": expiresAt is not RFC 3339: " + expiresAt);
            }
        }
        for (JsonNode t : api.get(tokens).json().get("items")) {
            for (String field : List.of("expiresAt", "createdAt", "lastUsedAt", "revokedAt")) {
                JsonNode v = t.get(field);
                if (v != null && !v.isNull() && !RFC_3339.matcher(v.asText()).matches()) {
                    failures.add("listed " + field + " is not RFC 3339: " + v);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
        Api.Reply beyond = api.post(tokens, "{\"expiresInSeconds\":" + (max + 1) + "}");
        assertEquals(422, beyond.status(), beyond.toString());
        assertTrue(beyond.json().at("/errors/0/message").asText().contains("3650 days"), beyond.toString());
        assertEquals(422, api.post(tokens, "{\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}").status());
        assertEquals(422, api.post(tokens, "{\"expiresAt\":\"10000-01-01T00:00:00Z\"}").status());

        assertFalse(api.get(tokens).body().contains("+"), "no signed years in the listing");
    }

    private static List<String> pointers(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.path("pointer").asText()));
        return out;
    }
}
