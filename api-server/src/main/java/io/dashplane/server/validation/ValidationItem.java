package io.dashplane.server.validation;

import io.dashplane.server.dashboard.DashboardWriteRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One write to check.
 *
 * @param key     the client's name for it (a Terraform resource address, a file name), echoed in the answer
 * @param kind    what is written; {@code dashboard} is the only kind so far
 * @param uid     absent: checked as a create ({@code POST .../dashboards}); set: as a create-or-replace
 *                ({@code PUT .../dashboards/{uid}})
 * @param body    the body the write would send
 * @param unknown JSON pointers into {@code body} whose values are only known when the write really happens;
 *                no problem at or under them is reported (send null there, {@code {}} for a whole dashboard)
 */
public record ValidationItem(
        @NotBlank(message = "key is required: the client's name of the item") @Size(max = 1000) String key,
        @NotNull(message = "kind is required") @Pattern(regexp = "dashboard", message = "must be \"dashboard\", the only kind validated so far") String kind,
        String uid,
        @NotNull(message = "body is required: the body the write would send") @Valid DashboardWriteRequest body,
        List<@NotNull @Pattern(regexp = "(/[^/]*)*", message = "must be a JSON pointer such as /dashboard/panels/0/datasource/uid") String> unknown) {
}
