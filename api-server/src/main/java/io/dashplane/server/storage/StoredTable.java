package io.dashplane.server.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One table of the migrated schema as the JDBC metadata describes it: its columns (typed with the portable types
 * the migrations may use), its primary key, the tables its foreign keys point to, and its foreign keys onto itself
 * (a folder's parent folder). Read from the database rather than listed by hand, so that a table a later migration
 * adds is copied by {@link StorageCopy} without anyone remembering to.
 */
public record StoredTable(String name, List<Field<Object>> fields, List<String> primaryKey, Set<String> parents,
                          List<SelfReference> selfReferences) {

    /** Flyway's own bookkeeping: each database keeps the history of its own migrations. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    /** A foreign key from {@code columns} of a table to {@code referenced} columns of the same table. */
    public record SelfReference(List<String> columns, List<String> referenced) {
    }

    public Table<?> table() {
        return DSL.table(DSL.name(name));
    }

    /** The column names, in the table's order. */
    public List<String> columnNames() {
        return fields.stream().map(Field::getName).toList();
    }

    /**
     * Every table of the schema the connection of {@code dsl} uses (Flyway's history and SQLite's internal tables
     * left out), ordered so that a table comes after every other table its foreign keys point to.
     */
    public static List<StoredTable> discover(DSLContext dsl) {
        return dsl.connectionResult(StoredTable::discover);
    }

    private static List<StoredTable> discover(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String catalog = c.getCatalog();
        String schema = c.getSchema();
        Map<String, StoredTable> byName = new TreeMap<>();
        for (String table : tableNames(meta, catalog, schema)) {
            byName.put(table, describe(meta, catalog, schema, table));
        }
        return dependencyOrder(byName);
    }

    private static Set<String> tableNames(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(FLYWAY_HISTORY) && !name.startsWith("sqlite_")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static StoredTable describe(DatabaseMetaData meta, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, Field<Object>> columns = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                // the name is a LIKE pattern: "sync_objects" would also match "syncXobjects"
                if (rs.getString("TABLE_NAME").equals(table)) {
                    String column = rs.getString("COLUMN_NAME");
                    columns.put(rs.getInt("ORDINAL_POSITION"), DSL.field(DSL.name(column),
                            portableType(table, column, rs.getString("TYPE_NAME"))));
                }
            }
        }
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        Set<String> parents = new TreeSet<>();
        Map<String, List<String[]>> selfKeys = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            int foreignKey = 0;
            while (rs.next()) {
                if (rs.getInt("KEY_SEQ") == 1) {
                    foreignKey++;
                }
                String referenced = rs.getString("PKTABLE_NAME");
                if (referenced.equals(table)) {
                    // by name where the driver names foreign keys (PostgreSQL lists the columns of several keys onto
                    // one table interleaved by KEY_SEQ), else by the KEY_SEQ restarting at 1
                    String fkName = rs.getString("FK_NAME");
                    String group = fkName == null || fkName.isEmpty() ? "#" + foreignKey : fkName;
                    selfKeys.computeIfAbsent(group, k -> new ArrayList<>())
                            .add(new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
                } else {
                    parents.add(referenced);
                }
            }
        }
        List<SelfReference> self = selfKeys.values().stream().map(pairs -> new SelfReference(
                pairs.stream().map(p -> p[0]).toList(), pairs.stream().map(p -> p[1]).toList())).toList();
        return new StoredTable(table, List.copyOf(columns.values()), List.copyOf(key.values()), parents, self);
    }

    /**
     * The Java type a column is read and written as: only the types the migrations' portability rules allow. By the
     * declared type name, which both drivers report as written ("BIGINT", "VARCHAR(40)") or as PostgreSQL's
     * internal name ("int8", "bool", "varchar", "text").
     */
    @SuppressWarnings("unchecked")
    private static DataType<Object> portableType(String table, String column, String typeName) {
        String declared = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT).replaceAll("\\(.*", "").trim();
        DataType<?> type = switch (declared) {
            case "BIGINT", "INT8", "INTEGER", "INT", "INT4", "SMALLINT", "INT2" -> SQLDataType.BIGINT;
            case "BOOLEAN", "BOOL" -> SQLDataType.BOOLEAN;
            case "VARCHAR", "CHARACTER VARYING", "TEXT", "CHAR", "CHARACTER", "BPCHAR" -> SQLDataType.CLOB;
            default -> throw new IllegalStateException("column " + table + "." + column + " has the type " + typeName
                    + ", which the migrations' portable SQL does not allow (BOOLEAN, BIGINT, VARCHAR, TEXT)");
        };
        return (DataType<Object>) type;
    }

    /** Kahn's algorithm, alphabetical among the tables that are ready, so that the order is the same every time. */
    private static List<StoredTable> dependencyOrder(Map<String, StoredTable> byName) {
        List<StoredTable> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (placed.size() < byName.size()) {
            StoredTable next = byName.values().stream()
                    .filter(t -> !placed.contains(t.name()))
                    .filter(t -> placed.containsAll(t.parents().stream().filter(byName::containsKey).toList()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the foreign keys between the tables "
                            + byName.keySet().stream().filter(n -> !placed.contains(n)).toList() + " form a cycle"));
            ordered.add(next);
            placed.add(next.name());
        }
        return ordered;
    }
}
