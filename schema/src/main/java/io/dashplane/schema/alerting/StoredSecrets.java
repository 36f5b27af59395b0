package io.dashplane.schema.alerting;

/**
 * Which secret settings the server already holds for an integration, so an update may omit them
 * (secrets are write-only and never echoed back).
 */
@FunctionalInterface
public interface StoredSecrets {
    boolean isStored(String integrationUid, String settingPath);

    /** Nothing stored: a create, or offline validation of a complete document. */
    StoredSecrets NONE = (integrationUid, settingPath) -> false;
}
