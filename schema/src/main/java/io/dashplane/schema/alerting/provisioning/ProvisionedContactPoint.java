package io.dashplane.schema.alerting.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dashplane.schema.alerting.ContactPoint;
import io.dashplane.schema.alerting.Integration;

import java.util.List;

/** A contact point in a provisioning file: its integrations are called {@code receivers}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"orgId", "name", "receivers"})
public record ProvisionedContactPoint(Long orgId, String name, List<Integration> receivers) {
    public ContactPoint toContactPoint() {
        return new ContactPoint(null, name, receivers);
    }

    public static ProvisionedContactPoint of(ContactPoint contactPoint) {
        return new ProvisionedContactPoint(1L, contactPoint.name(), contactPoint.integrations());
    }
}
