package io.dashplane.server.crypto;

import static io.dashplane.server.storage.schema.Tables.CONTACT_POINTS;
import static io.dashplane.server.storage.schema.Tables.DATASOURCES;
import static io.dashplane.server.storage.schema.Tables.SECRET_KEY_CHECK;
import static io.dashplane.server.storage.schema.Tables.SYNC_TARGETS;

import io.dashplane.server.audit.AuditRecorder;
import io.dashplane.server.storage.Database;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
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
    public record SealedColumn(String kind, Table<?> table, Field<String> column, List<Field<String>> keyColumns,
                               Field<String> nameColumn, Function<Record, String> associatedData) {}

    /** Every sealed column of the schema. */
    public static final List<SealedColumn> COLUMNS = List.of(
            new SealedColumn("datasource", DATASOURCES, DATASOURCES.SECURE_DATA,
                    List.of(DATASOURCES.ENV, DATASOURCES.UID), DATASOURCES.NAME,
                    r -> "datasource:" + r.get(DATASOURCES.ENV) + "/" + r.get(DATASOURCES.UID)),
            new SealedColumn("contact point", CONTACT_POINTS, CONTACT_POINTS.SECURE_DATA,
                    List.of(CONTACT_POINTS.ENV, CONTACT_POINTS.UID), CONTACT_POINTS.NAME,
                    r -> "contact-point:" + r.get(CONTACT_POINTS.ENV) + "/" + r.get(CONTACT_POINTS.UID)),
            new SealedColumn("sync target", SYNC_TARGETS, SYNC_TARGETS.TOKEN_SECRET,
                    List.of(SYNC_TARGETS.ENV, SYNC_TARGETS.NAME), SYNC_TARGETS.NAME,
                    r -> "sync-target:" + r.get(SYNC_TARGETS.ENV) + "/" + r.get(SYNC_TARGETS.NAME)),
            new SealedColumn("secret key check", SECRET_KEY_CHECK, SECRET_KEY_CHECK.SECURE_DATA,
                    List.of(SECRET_KEY_CHECK.ENV, SECRET_KEY_CHECK.UID), SECRET_KEY_CHECK.NAME,
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
        Field<String> sealed = c.column();
        List<Field<?>> fields = new java.util.ArrayList<>(c.keyColumns());
        fields.add(sealed);
        int n = 0;
        for (Record r : tx.select(fields).from(c.table()).where(sealed.isNotNull()).fetch()) {
            String ad = c.associatedData().apply(r);
            String resealed = newBox.seal(oldBox.open(r.get(sealed), ad), ad);
            Condition where = DSL.trueCondition();
            for (Field<String> k : c.keyColumns()) {
                where = where.and(k.eq(r.get(k)));
            }
            tx.update(c.table()).set(sealed, resealed).where(where).execute();
            n++;
        }
        return n;
    }
}
