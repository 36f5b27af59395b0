-- Grafana's alerting provisioning API marks each object with a provenance: "api" unless the writing request
-- carried X-Disable-Provenance (then "", editable in Grafana's UI). The Grafana door remembers the choice per
-- object; no row means "api".
CREATE TABLE grafana_provenance (
    env        VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    kind       VARCHAR(40)  NOT NULL,
    object_key VARCHAR(400) NOT NULL,
    provenance VARCHAR(20)  NOT NULL,
    PRIMARY KEY (env, kind, object_key)
);
