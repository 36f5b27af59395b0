package io.dashplane.server.http;

import io.dashplane.server.storage.DatabaseUnreachable;
import io.dashplane.server.storage.StorageFullException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last resort: a bug on our side. Logged with its stack trace; the client gets a generic 500 without
 * details. Bad input must never end here (the tests fire bad input and assert no 5xx).
 */
public final class CatchAllMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(CatchAllMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (StorageFullException.causedBy(e)) {
            // e.g. ENOSPC from a file write outside the database
            LOG.error("the storage is full while serving a request", e);
            return StorageFullMapper.response();
        }
        if (DatabaseUnreachable.causedBy(e)) {
            LOG.warn("the database is not reachable: {}", e.getMessage());
            return Problems.simple(503, "unavailable", "Service unavailable", "the database is not reachable; "
                    + "try again later");
        }
        LOG.error("unhandled exception while serving a request", e);
        return Problems.simple(500, "internal", "Internal server error", "internal server error");
    }
}
