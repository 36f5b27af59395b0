package io.dashplane.server.grafana;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of Grafana's folder create and update ({@code version} and {@code overwrite} on update). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrafanaFolderRequest(
        @Size(max = 40) String uid,
        @NotBlank(message = "folder title cannot be empty") @Size(max = 190) String title,
        @Size(max = 40) String parentUid,
        Long version,
        Boolean overwrite) {
}
