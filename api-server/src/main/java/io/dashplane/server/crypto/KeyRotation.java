package io.dashplane.server.crypto;

import static io.dashplane.server.storage.Tables.table;
import static io.dashplane.server.storage.Tables.text;

import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.storage.Database;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Re-encrypts every sealed secret of the database from one key to another in a single transaction:
 * either all secrets move to the new key or none does.
 */
public final class KeyRotation {

    /**
     * A column holding {@link SecretBox} output: its table, the columns that identify a row, and how
     * the associated data of a row is formed (it must match what the owning service seals with);
     * {@code kind} and {@code nameColumn} name a row in messages.
     */
    public record SealedColumn(String kind, String table, String column, List<String> keyColumns, String nameColumn,
                               Function<Record, String> associatedData) {}

    /** Every sealed column of the schema. */
    public static final List<SealedColumn> COLUMNS = List.of(
            new SealedColumn("datasource", "datasources", "secure_data", List.of("env", "uid"), "name",
                    r -> "datasource:" + r.get("env", String.class) + "/" + r.get("uid", String.class)),
            new SealedColumn("contact point", "contact_points", "secure_data", List.of("env", "uid"), "name",
                    r -> "contact-point:" + r.get("env", String.class) + "/" + r.get("uid", String.class)),
            new SealedColumn("sync target", "sync_targets", "token_secret", List.of("env", "name"), "name",
                    r -> "sync-target:" + r.get("env", String.class) + "/" + r.get("name", String.class)),
            new SealedColumn("secret key check", "secret_key_check", "secure_data", List.of("env", "uid"), "name",
                    r -> SecretCheck.KEY_CHECK_AAD));

    private KeyRotation() {
    }

    /** Re-seals every secret; returns how many values were re-encrypted. */
    public static int rotate(Database db, SecretBox oldBox, SecretBox newBox) {
        return db.write(tx -> {
            int n = 0;
            for (SealedColumn c : COLUMNS) {
                n += rotate(tx, c, oldBox, newBox);
            }
            AuditRecorder.of(tx).record(null, "secret-key", "secret.key", "rotate", null, null, null);
            return n;
        });
    }

    private static int rotate(DSLContext tx, SealedColumn c, SecretBox oldBox, SecretBox newBox) {
        Field<String> sealed = text(c.column());
        List<Field<?>> fields = new java.util.ArrayList<>();
        c.keyColumns().forEach(k -> fields.add(text(k)));
        fields.add(sealed);
        int n = 0;
        for (Record r : tx.select(fields).from(table(c.table())).where(sealed.isNotNull()).fetch()) {
            String ad = c.associatedData().apply(r);
            String resealed = newBox.seal(oldBox.open(r.get(sealed), ad), ad);
            Condition where = DSL.trueCondition();
            for (String k : c.keyColumns()) {
                where = where.and(text(k).eq(r.get(k, String.class)));
            }
            tx.update(table(c.table())).set(sealed, resealed).where(where).execute();
            n++;
        }
        return n;
    }
}
