package io.dashplane.server.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The number of rows of a table and a SHA-256 digest of their contents, computed the same way on SQLite and
 * PostgreSQL: each row is encoded column by column (null, or the value's text with its length) and hashed; the
 * digest is the SHA-256 of the row hashes in byte order. Sorting the row hashes instead of the rows (ORDER BY the
 * primary key) keeps both sides in the same order: SQLite compares text byte by byte, PostgreSQL by the database's
 * collation. The primary key makes every row distinct, so equal digests mean equal sets of rows.
 */
public record TableDigest(long rows, String sha256) {

    public static TableDigest of(DSLContext dsl, StoredTable table) {
        List<byte[]> rowHashes = new ArrayList<>();
        try (Cursor<Record> rows = dsl.select(table.fields()).from(table.table()).fetchSize(1000).fetchLazy()) {
            for (Record row : rows) {
                rowHashes.add(hash(row));
            }
        }
        rowHashes.sort(Arrays::compareUnsigned);
        MessageDigest all = newSha256();
        for (byte[] h : rowHashes) {
            all.update(h);
        }
        return new TableDigest(rowHashes.size(), HexFormat.of().formatHex(all.digest()));
    }

    /** The first 16 hex digits, for the summary lines. */
    public String shortSha256() {
        return sha256.substring(0, 16);
    }

    private static byte[] hash(Record row) {
        MessageDigest md = newSha256();
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            if (value == null) {
                md.update((byte) 0);
            } else {
                byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                md.update((byte) 1);
                md.update(ByteBuffer.allocate(4).putInt(text.length).array());
                md.update(text);
            }
        }
        return md.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
