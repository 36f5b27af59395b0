package io.dashplane.server.validation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of a bulk validation: the writes to check and the objects the same plan creates first.
 *
 * @param planned objects to take as existing although they are not stored yet; absent for none
 * @param items   the writes, answered in the same order
 */
public record ValidationRequest(
        @Valid PlannedRequest planned,
        @NotNull(message = "items is required: a list of {\"key\", \"kind\", \"body\"}")
        @Size(max = MAX_ITEMS, message = "at most " + MAX_ITEMS + " items per request")
        List<@NotNull(message = "an item must be an object") @Valid ValidationItem> items) {
    public static final int MAX_ITEMS = 10_000;
}
