package io.dashplane.server.validation;

import java.util.List;

/**
 * The answer of a bulk validation.
 *
 * @param valid whether every item would be written
 * @param items one answer per item, in the request's order
 */
public record ValidationResponse(boolean valid, List<ItemResult> items) {

    /**
     * @param status the HTTP status the write would answer (200 when it would be written)
     * @param body   the body the write would answer: its dry-run result (with {@code warnings}), or its problem
     *               document ({@code errors} with JSON pointers into the item's body, and {@code warnings})
     */
    public record ItemResult(String key, boolean valid, int status, Object body) {
    }
}
