package io.dashplane.server.backup;

import io.dashplane.server.errors.DomainException;
import io.dashplane.server.storage.Database;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * {@code GET /api/v1/admin/backup}: a consistent snapshot of the running server's database (SQLite's
 * {@code VACUUM INTO}), streamed as the response. Server admins only (the snapshot holds every object, the audit
 * log and the sealed secrets; the secret key is not in it).
 */
@Path("/api/v1/admin/backup")
@Tag(name = "operations")
public final class BackupResource {
    public static final String MEDIA_TYPE = "application/vnd.sqlite3";

    private final Database db;

    public BackupResource(Database db) {
        this.db = db;
    }

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(summary = "Download a consistent snapshot of the database (server admin)")
    @ApiResponse(responseCode = "200", description = "The backup", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(type = "string", format = "binary")))
    public Response backup() {
        if (db.isPostgres()) {
            throw DomainException.conflict("this server stores its data in PostgreSQL: back it up with pg_dump "
                    + "(see docs/operations.md); dashplane backup takes snapshots of the embedded SQLite database");
        }
        java.nio.file.Path dir = db.file().getParent();
        java.nio.file.Path snapshot;
        try {
            // a unique name next to the database: same file system, deleted once streamed
            snapshot = Files.createTempFile(dir, ".backup-", ".db");
            Files.delete(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            db.snapshotTo(snapshot);
        } catch (RuntimeException e) {
            deleteQuietly(snapshot);
            throw e;
        }
        StreamingOutput body = out -> {
            try {
                Files.copy(snapshot, out);
            } finally {
                deleteQuietly(snapshot);
            }
        };
        long length;
        try {
            length = Files.size(snapshot);
        } catch (IOException e) {
            deleteQuietly(snapshot);
            throw new UncheckedIOException(e);
        }
        return Response.ok(body, MEDIA_TYPE).header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Content-Disposition", "attachment; filename=\"dashplane-backup.db\"").build();
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .backup-*.db file is harmless; the next start does not read it
        }
    }
}
