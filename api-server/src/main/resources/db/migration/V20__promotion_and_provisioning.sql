-- Plans computed by promotions and imports (dry runs), applied later by id. The plan JSON holds the
-- desired objects and the target versions seen; never secrets. Plans and records outlive environments.
CREATE TABLE change_plans (
    id          VARCHAR(40) NOT NULL PRIMARY KEY,
    kind        VARCHAR(20) NOT NULL,
    source_env  VARCHAR(40),
    target_env  VARCHAR(40) NOT NULL,
    plan        TEXT        NOT NULL,
    applied     BOOLEAN     NOT NULL,
    created_at  VARCHAR(40) NOT NULL
);

-- Applied promotions and imports: who, when, from, to, which objects and their resulting versions.
CREATE TABLE promotions (
    id          VARCHAR(40) NOT NULL PRIMARY KEY,
    seq         BIGINT      NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    plan_id     VARCHAR(40) NOT NULL,
    actor       VARCHAR(190) NOT NULL,
    source_env  VARCHAR(40),
    target_env  VARCHAR(40) NOT NULL,
    objects     TEXT        NOT NULL,
    created_at  VARCHAR(40) NOT NULL
);

CREATE UNIQUE INDEX promotions_seq ON promotions (seq);
INSERT INTO id_sequences (name, last_id) VALUES ('promotion', 0);

-- Provenance of objects loaded from provisioning files (kind: datasource, folder, dashboard, ...).
-- Objects without a row here were written through the API. Dashboards also carry provenance 'file'.
CREATE TABLE provisioned_objects (
    env              VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    kind             VARCHAR(20)  NOT NULL,
    uid              VARCHAR(190) NOT NULL,
    file             TEXT         NOT NULL,
    allow_ui_updates BOOLEAN      NOT NULL,
    disable_deletion BOOLEAN      NOT NULL,
    PRIMARY KEY (env, kind, uid)
);
