package io.dashplane.schema.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A folder in a bundle; {@code parentUid} null for a top-level folder. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleFolder(String uid, String title, String parentUid) {
}
