-- Portable SQL (SQLite and PostgreSQL): no AUTOINCREMENT/SERIAL, timestamps as RFC 3339 text,
-- JSON as text. Numeric ids come from id_sequences.
CREATE TABLE environments (
    name        VARCHAR(40)  NOT NULL PRIMARY KEY,
    description TEXT         NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  VARCHAR(40)  NOT NULL,
    updated_at  VARCHAR(40)  NOT NULL
);

INSERT INTO environments (name, description, version, created_at, updated_at)
VALUES ('default', 'Default environment', 1, '${now}', '${now}');

CREATE TABLE id_sequences (
    name    VARCHAR(40) NOT NULL PRIMARY KEY,
    last_id BIGINT      NOT NULL
);

INSERT INTO id_sequences (name, last_id) VALUES ('dashboard', 0);

CREATE TABLE datasources (
    env                VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    uid                VARCHAR(40)  NOT NULL,
    name               VARCHAR(190) NOT NULL,
    type               VARCHAR(190) NOT NULL,
    access             VARCHAR(20)  NOT NULL,
    url                TEXT         NOT NULL,
    basic_auth         BOOLEAN      NOT NULL,
    basic_auth_user    TEXT         NOT NULL,
    user_name          TEXT         NOT NULL,
    database_name      TEXT         NOT NULL,
    is_default         BOOLEAN      NOT NULL,
    read_only          BOOLEAN      NOT NULL,
    json_data          TEXT         NOT NULL,
    secure_fields      TEXT         NOT NULL,
    secure_data        TEXT,
    version            BIGINT       NOT NULL,
    created_at         VARCHAR(40)  NOT NULL,
    updated_at         VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, uid)
);

CREATE UNIQUE INDEX datasources_name ON datasources (env, name);
CREATE UNIQUE INDEX datasources_one_default ON datasources (env) WHERE is_default;

CREATE TABLE folders (
    env        VARCHAR(40) NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    uid        VARCHAR(40) NOT NULL,
    title      TEXT        NOT NULL,
    parent_uid VARCHAR(40),
    version    BIGINT      NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (env, uid),
    FOREIGN KEY (env, parent_uid) REFERENCES folders (env, uid) ON DELETE CASCADE
);

CREATE INDEX folders_parent ON folders (env, parent_uid);

CREATE TABLE dashboards (
    env         VARCHAR(40) NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    uid         VARCHAR(40) NOT NULL,
    id          BIGINT      NOT NULL,
    title       TEXT        NOT NULL,
    title_lower TEXT        NOT NULL,
    folder_uid  VARCHAR(40),
    tags        TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    message     TEXT        NOT NULL,
    provenance  VARCHAR(40) NOT NULL,
    data        TEXT        NOT NULL,
    created_at  VARCHAR(40) NOT NULL,
    updated_at  VARCHAR(40) NOT NULL,
    PRIMARY KEY (env, uid),
    FOREIGN KEY (env, folder_uid) REFERENCES folders (env, uid) ON DELETE CASCADE
);

CREATE UNIQUE INDEX dashboards_id ON dashboards (id);
CREATE INDEX dashboards_title ON dashboards (env, title_lower);
CREATE INDEX dashboards_folder ON dashboards (env, folder_uid);

CREATE TABLE dashboard_tags (
    env VARCHAR(40)  NOT NULL,
    uid VARCHAR(40)  NOT NULL,
    tag VARCHAR(190) NOT NULL,
    PRIMARY KEY (env, uid, tag),
    FOREIGN KEY (env, uid) REFERENCES dashboards (env, uid) ON DELETE CASCADE
);

CREATE INDEX dashboard_tags_tag ON dashboard_tags (env, tag);

CREATE TABLE dashboard_versions (
    env        VARCHAR(40) NOT NULL,
    uid        VARCHAR(40) NOT NULL,
    version    BIGINT      NOT NULL,
    folder_uid VARCHAR(40),
    message    TEXT        NOT NULL,
    data       TEXT        NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (env, uid, version),
    FOREIGN KEY (env, uid) REFERENCES dashboards (env, uid) ON DELETE CASCADE
);
