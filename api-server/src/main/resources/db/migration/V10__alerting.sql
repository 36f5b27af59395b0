-- Alerting configuration (issue 4). Objects are stored in Grafana's JSON shape in `data`; the columns
-- beside it are what queries, uniqueness and referential integrity need.
CREATE TABLE alert_rule_groups (
    env           VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    folder_uid    VARCHAR(40)  NOT NULL,
    name          VARCHAR(190) NOT NULL,
    interval_text VARCHAR(40)  NOT NULL,
    version       BIGINT       NOT NULL,
    created_at    VARCHAR(40)  NOT NULL,
    updated_at    VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, folder_uid, name),
    FOREIGN KEY (env, folder_uid) REFERENCES folders (env, uid) ON DELETE CASCADE
);

CREATE TABLE alert_rules (
    env        VARCHAR(40)  NOT NULL,
    uid        VARCHAR(40)  NOT NULL,
    title      VARCHAR(190) NOT NULL,
    folder_uid VARCHAR(40)  NOT NULL,
    rule_group VARCHAR(190) NOT NULL,
    position   BIGINT       NOT NULL,
    data       TEXT         NOT NULL,
    version    BIGINT       NOT NULL,
    created_at VARCHAR(40)  NOT NULL,
    updated_at VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, uid),
    FOREIGN KEY (env, folder_uid, rule_group) REFERENCES alert_rule_groups (env, folder_uid, name) ON DELETE CASCADE
);

CREATE UNIQUE INDEX alert_rules_title ON alert_rules (env, folder_uid, title);
CREATE INDEX alert_rules_group ON alert_rules (env, folder_uid, rule_group, position);

CREATE TABLE alert_rule_versions (
    env        VARCHAR(40)  NOT NULL,
    uid        VARCHAR(40)  NOT NULL,
    version    BIGINT       NOT NULL,
    folder_uid VARCHAR(40)  NOT NULL,
    rule_group VARCHAR(190) NOT NULL,
    message    TEXT         NOT NULL,
    data       TEXT         NOT NULL,
    created_at VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, uid, version),
    FOREIGN KEY (env, uid) REFERENCES alert_rules (env, uid) ON DELETE CASCADE
);

CREATE TABLE contact_points (
    env           VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    uid           VARCHAR(40)  NOT NULL,
    name          VARCHAR(190) NOT NULL,
    data          TEXT         NOT NULL,
    secure_fields TEXT         NOT NULL,
    secure_data   TEXT,
    version       BIGINT       NOT NULL,
    created_at    VARCHAR(40)  NOT NULL,
    updated_at    VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, uid)
);

CREATE UNIQUE INDEX contact_points_name ON contact_points (env, name);

CREATE TABLE notification_policies (
    env        VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES environments (name) ON DELETE CASCADE,
    data       TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL
);

CREATE TABLE notification_routes (
    env        VARCHAR(40) NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    uid        VARCHAR(40) NOT NULL,
    parent_uid VARCHAR(40),
    position   BIGINT      NOT NULL,
    data       TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    PRIMARY KEY (env, uid),
    FOREIGN KEY (env, parent_uid) REFERENCES notification_routes (env, uid) ON DELETE CASCADE
);

CREATE INDEX notification_routes_parent ON notification_routes (env, parent_uid);

CREATE TABLE mute_timings (
    env        VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    uid        VARCHAR(40)  NOT NULL,
    name       VARCHAR(190) NOT NULL,
    data       TEXT         NOT NULL,
    version    BIGINT       NOT NULL,
    created_at VARCHAR(40)  NOT NULL,
    updated_at VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, uid)
);

CREATE UNIQUE INDEX mute_timings_name ON mute_timings (env, name);

CREATE TABLE message_templates (
    env        VARCHAR(40)  NOT NULL REFERENCES environments (name) ON DELETE CASCADE,
    name       VARCHAR(190) NOT NULL,
    template   TEXT         NOT NULL,
    version    BIGINT       NOT NULL,
    created_at VARCHAR(40)  NOT NULL,
    updated_at VARCHAR(40)  NOT NULL,
    PRIMARY KEY (env, name)
);
