-- Which datasources the current version of each dashboard names, so that deleting a datasource can
-- list its referrers without parsing every dashboard. One row per distinct reference text (a uid, or
-- a name in the legacy string form) with the JSON pointers that hold it. Written with every dashboard
-- write; rows of existing dashboards are filled in by the Java migration V3_1.
CREATE TABLE dashboard_datasource_refs (
    env           VARCHAR(40)  NOT NULL,
    dashboard_uid VARCHAR(40)  NOT NULL,
    ref           VARCHAR(190) NOT NULL,
    pointers      TEXT         NOT NULL,
    PRIMARY KEY (env, dashboard_uid, ref),
    FOREIGN KEY (env, dashboard_uid) REFERENCES dashboards (env, uid) ON DELETE CASCADE
);

CREATE INDEX dashboard_datasource_refs_ref ON dashboard_datasource_refs (env, ref);
