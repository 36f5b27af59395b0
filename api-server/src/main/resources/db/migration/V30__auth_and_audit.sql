-- Service accounts, their API tokens (only a SHA-256 hash of each token is stored), role grants per
-- environment, and the audit log. Portable SQL like V1.
CREATE TABLE service_accounts (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    name         VARCHAR(190) NOT NULL,
    description  TEXT         NOT NULL,
    server_admin BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   VARCHAR(40)  NOT NULL,
    updated_at   VARCHAR(40)  NOT NULL
);

CREATE UNIQUE INDEX service_accounts_name ON service_accounts (name);

CREATE TABLE service_account_roles (
    account_id VARCHAR(40) NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
    env        VARCHAR(40) NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    role       VARCHAR(20) NOT NULL,
    PRIMARY KEY (account_id, env)
);

CREATE TABLE api_tokens (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    account_id   VARCHAR(40)  NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
    name         VARCHAR(190) NOT NULL,
    hint         VARCHAR(20)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    expires_at   VARCHAR(40),
    revoked_at   VARCHAR(40),
    last_used_at VARCHAR(40),
    created_at   VARCHAR(40)  NOT NULL
);

CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- No foreign keys: entries outlive the environments and objects they describe.
CREATE TABLE audit_log (
    id             BIGINT       NOT NULL PRIMARY KEY,
    at             VARCHAR(40)  NOT NULL,
    actor          VARCHAR(190) NOT NULL,
    env            VARCHAR(40),
    kind           VARCHAR(40)  NOT NULL,
    uid            VARCHAR(190) NOT NULL,
    action         VARCHAR(20)  NOT NULL,
    version_before BIGINT,
    version_after  BIGINT,
    digest         VARCHAR(64)
);

CREATE INDEX audit_log_env ON audit_log (env, id);
CREATE INDEX audit_log_object ON audit_log (kind, uid, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);

INSERT INTO id_sequences (name, last_id) VALUES ('audit', 0);
