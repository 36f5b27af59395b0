package io.dashplane.server.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A target's sync state: {@code ok}, {@code error}, {@code pending} (not synced yet) or {@code disabled}.
 * {@code syncedSequence} is the environment's change-feed sequence the last successful sync brought over.
 */
public record TargetStatus(String name, String state, String lastSyncAt, String lastError, long syncedSequence,
                           List<ObjectStatus> objects) {
    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String PENDING = "pending";
    public static final String DISABLED = "disabled";

    /** One managed object: {@code synced}, {@code error} or {@code drifted} (with an RFC 6902 diff). */
    public record ObjectStatus(String kind, String uid, String title, String state, Long syncedVersion,
                               String lastSyncAt, String error, JsonNode drift) {
        public static final String SYNCED = "synced";
        public static final String ERROR = "error";
        public static final String DRIFTED = "drifted";
    }
}
