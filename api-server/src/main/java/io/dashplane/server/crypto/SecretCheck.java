package io.dashplane.server.crypto;

import static io.dashplane.server.storage.schema.Tables.SECRET_KEY_CHECK;

import io.dashplane.server.storage.Database;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;

/**
 * The start-up check that every sealed secret opens with the configured key. A server with the wrong
 * key would otherwise run and fail later on the first request that needs a secret (promotion, export
 * with decrypt) with a 500.
 */
public final class SecretCheck {
    /** A stored object whose secrets do not open: never its values. */
    public record Undecryptable(String kind, String env, String uid, String name) {
        @Override
        public String toString() {
            return kind + " '" + uid + "' (\"" + name + "\") in environment '" + env + "'";
        }
    }

    /** Thrown at start-up when some secrets do not open with the configured key. */
    public static final class WrongKeyException extends IllegalStateException {
        private final transient List<Undecryptable> objects;

        WrongKeyException(String message, List<Undecryptable> objects) {
            super(message);
            this.objects = List.copyOf(objects);
        }

        public List<Undecryptable> objects() {
            return objects;
        }
    }

    private static final int LISTED = 20;
    static final String KEY_CHECK_AAD = "secret-key-check";
    private static final String KEY_CHECK_ENV = "-";
    private static final String KEY_CHECK_UID = "key-check";

    /**
     * Seals a known value with {@code box} into the database at its first start (nothing when it is there): from
     * then on {@link #requireAllOpen} refuses another key even while no object holds a secret, e.g. a replica of a
     * shared PostgreSQL database configured with a different key.
     */
    public static void sealKeyCheck(Database db, SecretBox box) {
        db.write(tx -> {
            if (tx.fetchExists(SECRET_KEY_CHECK)) {
                return null;
            }
            return tx.insertInto(SECRET_KEY_CHECK)
                    .set(SECRET_KEY_CHECK.ENV, KEY_CHECK_ENV).set(SECRET_KEY_CHECK.UID, KEY_CHECK_UID)
                    .set(SECRET_KEY_CHECK.NAME, "the value sealed at the first start")
                    .set(SECRET_KEY_CHECK.SECURE_DATA, box.seal("dashplane", KEY_CHECK_AAD))
                    .execute();
        });
    }

    private SecretCheck() {
    }

    /** Every object with sealed secrets that {@code box} cannot open. */
    public static List<Undecryptable> undecryptable(Database db, SecretBox box) {
        return db.read(tx -> {
            List<Undecryptable> out = new ArrayList<>();
            for (KeyRotation.SealedColumn c : KeyRotation.COLUMNS) {
                Field<String> sealed = c.column();
                List<Field<?>> fields = new ArrayList<>(c.keyColumns());
                if (!c.keyColumns().contains(c.nameColumn())) {
                    fields.add(c.nameColumn());
                }
                fields.add(sealed);
                for (Record r : tx.select(fields).from(c.table()).where(sealed.isNotNull()).fetch()) {
                    try {
                        box.open(r.get(sealed), c.associatedData().apply(r));
                    } catch (RuntimeException e) {
                        out.add(new Undecryptable(c.kind(), r.get(c.keyColumns().get(0)), r.get(c.keyColumns().get(1)),
                                r.get(c.nameColumn())));
                    }
                }
            }
            return out;
        });
    }

    /**
     * @param keySource where the key came from, for the message (e.g. {@code DASHPLANE_SECRET_KEY})
     * @throws WrongKeyException naming the objects (never their secrets) and how to recover
     */
    public static void requireAllOpen(Database db, SecretBox box, String keySource) {
        List<Undecryptable> bad = undecryptable(db, box);
        if (bad.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        bad.stream().limit(LISTED).forEach(u -> names.append(names.length() == 0 ? "" : ", ").append(u));
        if (bad.size() > LISTED) {
            names.append(" and ").append(bad.size() - LISTED).append(" more");
        }
        throw new WrongKeyException("the secret key from " + keySource + " cannot decrypt " + bad.size()
                + " stored secret(s): " + names + ". They were sealed with another key: start with that key (restore the"
                + " previous secret.key file of this data directory, or set DASHPLANE_SECRET_KEY to it; after an"
                + " interrupted rotate-key it may be in secret.key.new). Refusing to start rather than failing later.",
                bad);
    }
}
