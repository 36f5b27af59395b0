package io.dashplane.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit log's actions, timestamps and digests. Entries are written through an {@link AuditRecorder} bound to
 * the change's own transaction.
 */
public final class AuditLog {
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    private AuditLog() {
    }

    /** {@code value} as canonical JSON (keys sorted), as event details are kept. */
    static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final DateTimeFormatter FIXED_WIDTH =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** RFC 3339 UTC with exactly three fraction digits, so that text order is time order in queries. */
    public static String timestamp(Instant instant) {
        return FIXED_WIDTH.format(instant);
    }

    static String digest(Object state) {
        if (state == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = state instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : CANONICAL.writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an audited object", e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
