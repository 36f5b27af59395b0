package io.dashplane.server.http;

import io.dashplane.server.storage.StorageFullException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A full disk is 507 Insufficient Storage, not a 500: the request was fine and nothing was written.
 * 507 rather than 503 + Retry-After because space does not come back by itself: an operator must free it,
 * so there is no honest retry time to promise. Database logs the episode once.
 */
public final class StorageFullMapper implements ExceptionMapper<StorageFullException> {
    static final int INSUFFICIENT_STORAGE = 507;

    @Override
    public Response toResponse(StorageFullException e) {
        return response();
    }

    static Response response() {
        return Problems.simple(INSUFFICIENT_STORAGE, "storage-full", "Insufficient Storage",
                "the server's storage is full: nothing was changed; retry once an operator has freed disk space");
    }
}
