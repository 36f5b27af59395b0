package io.dashplane.schema.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;

/**
 * A secret left out of a bundle that the importer must supply: a {@code secureJsonData} key of a datasource,
 * or a secret setting (dotted path) of a contact point's integration (by contact point name and index).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretInput(String datasourceUid, String contactPoint, Integer integration, String key) {
    static final Comparator<SecretInput> ORDER = Comparator
            .comparing(SecretInput::datasourceUid, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(SecretInput::contactPoint, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(SecretInput::integration, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(SecretInput::key, Comparator.nullsLast(Comparator.<String>naturalOrder()));

    public static SecretInput ofDatasource(String datasourceUid, String key) {
        return new SecretInput(datasourceUid, null, null, key);
    }

    public static SecretInput ofContactPoint(String contactPoint, int integration, String key) {
        return new SecretInput(null, contactPoint, integration, key);
    }
}
