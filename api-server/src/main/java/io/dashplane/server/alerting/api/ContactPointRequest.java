package io.dashplane.server.alerting.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.dashplane.schema.alerting.ContactPoint;
import jakarta.validation.Valid;
import java.util.List;

/**
 * A contact point write: Grafana's shape (the list also read as {@code receivers}, as provisioning files
 * name it) plus the compare-and-set {@code version}.
 */
@JsonIgnoreProperties({"createdAt", "updatedAt", "warnings"})
public record ContactPointRequest(
        String uid,
        String name,
        @JsonAlias("receivers") List<@Valid IntegrationRequest> integrations,
        Long version) {

    public ContactPoint contactPoint() {
        return new ContactPoint(uid, name, integrations == null ? null
                : integrations.stream().map(i -> i == null ? null : i.integration()).toList());
    }
}
