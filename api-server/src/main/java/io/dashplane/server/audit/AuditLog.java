package io.dashplane.server.audit;

import static io.dashplane.server.storage.Tables.bigint;
import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import io.dashplane.server.storage.IdSequence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jooq.DSLContext;

/**
 * The write path of the audit log. Services call {@link #record} inside the transaction of the change
 * itself, so an entry exists exactly when the change was committed. The actor comes from
 * {@link Actor#current()}.
 *
 * <p>Callers pass the object's state as the API shows it (secrets are never part of that: datasources
 * carry only {@code secureJsonFields} flags), so the digest cannot be used to test guesses of a secret.
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

    /** Records a change. {@code state} is a JSON string, or any object Jackson can serialize, or null. */
    public static void record(DSLContext tx, String env, String kind, String uid, String action,
                              Long versionBefore, Long versionAfter, Object state) {
        long id = IdSequence.next(tx, "audit");
        tx.insertInto(table("audit_log"), bigint("id"), text("at"), text("actor"), text("env"), text("kind"),
                        text("uid"), text("action"), bigint("version_before"), bigint("version_after"), text("digest"))
                .values(id, timestamp(Instant.now()), Actor.current().name(), env, kind, uid, action, versionBefore,
                        versionAfter, digest(state))
                .execute();
    }

    /** Create when there was no version before, update otherwise. */
    public static void recordWrite(DSLContext tx, String env, String kind, String uid, Long versionBefore,
                                   long versionAfter, Object state) {
        record(tx, env, kind, uid, versionBefore == null ? CREATE : UPDATE, versionBefore, versionAfter, state);
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
