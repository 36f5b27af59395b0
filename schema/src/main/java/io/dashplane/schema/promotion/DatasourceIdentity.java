package io.dashplane.schema.promotion;

/** What promotion needs to know of a datasource: how dashboards and rules can name it. */
public record DatasourceIdentity(String uid, String name, String type) {
}
