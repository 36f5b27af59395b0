-- Sync targets (push delivery, see io.dashplane.server.sync). Portable SQL (SQLite and PostgreSQL): no
-- AUTOINCREMENT/SERIAL, timestamps as RFC 3339 text, JSON as text.
-- A Grafana instance an environment keeps in sync. token_secret is the SecretBox-sealed token (associated data
-- "sync-target:<env>/<name>"); folders is a JSON array of folder uids, or NULL for everything.
CREATE TABLE sync_targets (
    env               VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    name              VARCHAR(63)  NOT NULL,
    url               TEXT         NOT NULL,
    token_secret      TEXT,
    org_id            BIGINT       NOT NULL,
    tls_insecure      BOOLEAN      NOT NULL,
    tls_ca            TEXT,
    folders           TEXT,
    resync_interval   VARCHAR(40)  NOT NULL,
    editable          BOOLEAN      NOT NULL,
    adopt             BOOLEAN      NOT NULL,
    drift             VARCHAR(20)  NOT NULL,
    enabled           BOOLEAN      NOT NULL,
    version           BIGINT       NOT NULL,
    created_at        VARCHAR(40)  NOT NULL,
    updated_at        VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, name)
);

-- What a target's reconciler wrote into its Grafana (ownership): one row per managed object. written_hash is the
-- digest of the payload it last wrote, observed_hash the digest of what the target showed right after the write
-- (the target may add defaults); a later difference from observed_hash is drift.
CREATE TABLE sync_objects (
    env            VARCHAR(40)  NOT NULL,
    target         VARCHAR(63)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    uid            VARCHAR(400) NOT NULL,
    title          TEXT         NOT NULL,
    written_hash   VARCHAR(64)  NOT NULL,
    observed_hash  VARCHAR(64),
    observed_json  TEXT,
    state          VARCHAR(20)  NOT NULL,
    synced_version BIGINT,
    last_sync_at   VARCHAR(40),
    error          TEXT,
    drift          TEXT,
    PRIMARY KEY (env, target, kind, uid),
    FOREIGN KEY (env, target) REFERENCES sync_targets (env, name) ON DELETE CASCADE
);

-- The last sync run of each target.
CREATE TABLE sync_status (
    env             VARCHAR(40)  NOT NULL,
    target          VARCHAR(63)  NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    last_sync_at    VARCHAR(40),
    last_success_at VARCHAR(40),
    last_error      TEXT,
    synced_sequence BIGINT       NOT NULL,
    PRIMARY KEY (env, target),
    FOREIGN KEY (env, target) REFERENCES sync_targets (env, name) ON DELETE CASCADE
);

-- Who may push to a target: a reconciler runs only while its process holds an unexpired lease (replicas).
CREATE TABLE sync_leases (
    env        VARCHAR(40)  NOT NULL,
    target     VARCHAR(63)  NOT NULL,
    holder     VARCHAR(100) NOT NULL,
    expires_at VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, target)
);
