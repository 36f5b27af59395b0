-- The change feed: one row per write to an environment's content, numbered per environment, written in the
-- transaction of the write (see io.dashplane.server.changes.ChangeFeed). No foreign key to environments on
-- purpose: when an environment is deleted and created again its numbering continues, so a watcher holding an
-- old sequence number still sees every later change.
CREATE TABLE change_feed (
    env        VARCHAR(40)  NOT NULL,
    sequence   BIGINT       NOT NULL,
    kind       VARCHAR(40)  NOT NULL,
    object_key VARCHAR(400) NOT NULL,
    action     VARCHAR(20)  NOT NULL,
    at         VARCHAR(30)  NOT NULL,
    PRIMARY KEY (env, sequence)
);
