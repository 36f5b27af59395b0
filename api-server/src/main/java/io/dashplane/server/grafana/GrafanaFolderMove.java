package io.dashplane.server.grafana;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;

/** The body of Grafana's {@code POST /api/folders/{uid}/move}: the new parent, empty or absent for the root. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrafanaFolderMove(@Size(max = 40) String parentUid) {
}
