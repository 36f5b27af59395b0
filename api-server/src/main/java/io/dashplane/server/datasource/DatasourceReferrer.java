package io.dashplane.server.datasource;

import java.util.List;

/** A dashboard that names a datasource, and the JSON pointers (relative to the dashboard) where it does. */
public record DatasourceReferrer(String kind, String uid, String title, List<String> pointers) {
}
