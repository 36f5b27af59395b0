package io.dashplane.server.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.BatchBindStep;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Copies every row of one Dashplane database into another, empty one (migrate-storage: SQLite to PostgreSQL): all
 * tables of the migrated schema in foreign-key order, values as they are (ids, id sequences, history, audit, and
 * secrets still sealed with the source's key), in one transaction on the target that is committed only when every
 * table's row count and {@link TableDigest} equal the source's. Both databases must be migrated to the same schema
 * ({@link Database#open} does that).
 */
public final class StorageCopy {
    private static final int BATCH = 500;

    private StorageCopy() {
    }

    /** What {@link #copy} tells while it works; the calls come from the copying thread, in this order. */
    public interface Listener {
        /** Copying starts: the tables in copy order, each with its number of rows in the source. */
        void started(List<TableSize> tables);

        /** {@code rows} rows of {@code table} are written so far (after each batch). */
        void copying(String table, long rows);

        /** Every row of {@code table} is written. */
        void copied(String table, long rows);

        /** {@code table}'s copy is being compared with the source (count and digest). */
        void verifying(String table);
    }

    /** A table and its number of rows in the source. */
    public record TableSize(String name, long rows) {
    }

    /** One table, copied and verified: the same count and digest on both sides. */
    public record Copied(String table, TableDigest digest) {
    }

    /** The target already holds data: nothing was written. */
    public static final class TargetNotEmptyException extends IllegalStateException {
        public TargetNotEmptyException(String message) {
            super(message);
        }
    }

    /** The copy differs from the source (or the schemas differ): the transaction was rolled back. */
    public static final class VerificationException extends IllegalStateException {
        public VerificationException(String message) {
            super(message);
        }
    }

    /**
     * Copies {@code source} into {@code target}, telling {@code progress} what it does.
     *
     * @throws TargetNotEmptyException when the target holds any row besides what the migrations insert
     * @throws VerificationException when the schemas or, after copying, a count or digest differ; nothing stays written
     */
    public static List<Copied> copy(Database source, Database target, Listener progress) {
        return target.write(tx -> source.read(src -> {
            List<StoredTable> tables = StoredTable.discover(tx);
            sameSchema(StoredTable.discover(src), tables);
            refuseContent(tx, tables);
            // what the migrations inserted (the default environment, the id sequences) is replaced by the source's
            for (int i = tables.size() - 1; i >= 0; i--) {
                tx.deleteFrom(tables.get(i).table()).execute();
            }
            progress.started(tables.stream().map(t -> new TableSize(t.name(), src.fetchCount(t.table()))).toList());
            for (StoredTable table : tables) {
                progress.copied(table.name(), copyTable(src, tx, table, progress));
            }
            List<Copied> copied = new ArrayList<>();
            for (StoredTable table : tables) {
                progress.verifying(table.name());
                TableDigest expected = TableDigest.of(src, table);
                TableDigest actual = TableDigest.of(tx, table);
                if (!expected.equals(actual)) {
                    throw new VerificationException("the copy of table " + table.name() + " differs from the source: "
                            + actual.rows() + " rows (sha256 " + actual.shortSha256() + ") instead of "
                            + expected.rows() + " (sha256 " + expected.shortSha256() + "); nothing was committed");
                }
                copied.add(new Copied(table.name(), actual));
            }
            return copied;
        }));
    }

    private static void sameSchema(List<StoredTable> source, List<StoredTable> target) {
        Map<String, List<String>> s = columns(source);
        Map<String, List<String>> t = columns(target);
        if (!s.equals(t)) {
            throw new VerificationException("the source and target schemas differ (source " + s + ", target " + t
                    + "): both must be migrated by the same Dashplane version");
        }
    }

    private static Map<String, List<String>> columns(List<StoredTable> tables) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        tables.stream().sorted(java.util.Comparator.comparing(StoredTable::name))
                .forEach(t -> columns.put(t.name(), t.columnNames().stream().sorted().toList()));
        return columns;
    }

    /**
     * Refuses a target with content: a row in any table, except the rows the migrations themselves insert (the
     * default environment unchanged at version 1, the id sequences at 0). A migration that inserts rows into
     * another table must be allowed for here.
     */
    private static void refuseContent(DSLContext tx, List<StoredTable> tables) {
        Map<String, Integer> content = new LinkedHashMap<>();
        for (StoredTable table : tables) {
            var rows = switch (table.name()) {
                case "environments" -> tx.selectCount().from(table.table()).where(DSL.not(
                        DSL.field(DSL.name("name"), String.class).eq("default")
                                .and(DSL.field(DSL.name("version"), Long.class).eq(1L))));
                case "id_sequences" -> tx.selectCount().from(table.table())
                        .where(DSL.field(DSL.name("last_id"), Long.class).ne(0L));
                default -> tx.selectCount().from(table.table());
            };
            int count = rows.fetchSingle().value1();
            if (count > 0) {
                content.put(table.name(), count);
            }
        }
        if (!content.isEmpty()) {
            StringBuilder tablesWithRows = new StringBuilder();
            content.forEach((t, n) -> tablesWithRows.append(tablesWithRows.isEmpty() ? "" : ", ").append(t)
                    .append(" (").append(n).append(n == 1 ? " row)" : " rows)"));
            throw new TargetNotEmptyException("the target database is not empty: " + tablesWithRows
                    + "; migrate-storage copies only into a new, empty database (create one; a server started on it"
                    + " has already written to it)");
        }
    }

    private static long copyTable(DSLContext src, DSLContext tx, StoredTable table, Listener progress) {
        List<Field<Object>> fields = table.fields();
        var insert = tx.insertInto(table.table()).columns(fields)
                .values(fields.stream().map(f -> DSL.val(null, f)).toList());
        long rows = 0;
        BatchBindStep batch = tx.batch(insert);
        try (Cursor<Record> cursor = src.select(fields).from(table.table()).fetchSize(1000).fetchLazy()) {
            Iterable<Record> ordered = table.selfReferences().isEmpty() ? cursor : parentsFirst(table, cursor.fetch());
            for (Record row : ordered) {
                batch = batch.bind(row.intoArray());
                rows++;
                if (rows % BATCH == 0) {
                    batch.execute();
                    batch = tx.batch(insert);
                    progress.copying(table.name(), rows);
                }
            }
        }
        if (rows % BATCH != 0) {
            batch.execute();
            progress.copying(table.name(), rows);
        }
        return rows;
    }

    /**
     * The rows of a table with foreign keys onto itself (folders in folders, notification routes under routes) in an
     * order in which every row comes after the row it points to: foreign keys are checked row by row.
     */
    private static List<Record> parentsFirst(StoredTable table, List<Record> rows) {
        List<Set<List<Object>>> keys = new ArrayList<>();
        for (StoredTable.SelfReference ref : table.selfReferences()) {
            Set<List<Object>> present = new HashSet<>();
            rows.forEach(r -> present.add(values(r, ref.referenced())));
            keys.add(present);
        }
        List<Set<List<Object>>> placed = new ArrayList<>();
        table.selfReferences().forEach(ref -> placed.add(new HashSet<>()));
        List<Record> ordered = new ArrayList<>(rows.size());
        List<Record> waiting = rows;
        while (!waiting.isEmpty()) {
            List<Record> next = new ArrayList<>();
            for (Record row : waiting) {
                if (ready(table, row, keys, placed)) {
                    ordered.add(row);
                    for (int i = 0; i < table.selfReferences().size(); i++) {
                        placed.get(i).add(values(row, table.selfReferences().get(i).referenced()));
                    }
                } else {
                    next.add(row);
                }
            }
            if (next.size() == waiting.size()) {
                throw new VerificationException("the rows of table " + table.name()
                        + " point to each other in a cycle; they cannot be copied one by one");
            }
            waiting = next;
        }
        return ordered;
    }

    private static boolean ready(StoredTable table, Record row, List<Set<List<Object>>> keys,
                                 List<Set<List<Object>>> placed) {
        for (int i = 0; i < table.selfReferences().size(); i++) {
            List<Object> pointsTo = values(row, table.selfReferences().get(i).columns());
            // a null column means no reference; a key absent from the table is the database's to refuse
            if (!pointsTo.contains(null) && keys.get(i).contains(pointsTo) && !placed.get(i).contains(pointsTo)) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> values(Record row, List<String> columns) {
        List<Object> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            values.add(row.get(DSL.name(column)));
        }
        return values;
    }
}
