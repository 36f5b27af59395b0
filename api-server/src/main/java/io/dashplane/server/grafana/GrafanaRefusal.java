package io.dashplane.server.grafana;

/** A refusal Grafana documents with its own status and status text (412 version-mismatch, ...). */
final class GrafanaRefusal extends RuntimeException {
    enum Kind {
        VERSION_MISMATCH(412, "version-mismatch"),
        NAME_EXISTS(412, "name-exists"),
        NOT_FOUND(404, "not-found"),
        BAD_REQUEST(400, null);

        final int status;
        final String statusText;

        Kind(int status, String statusText) {
            this.status = status;
            this.statusText = statusText;
        }
    }

    private final Kind kind;

    GrafanaRefusal(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
