-- One value sealed with the server's secret key at the first start (portable SQL: SQLite and PostgreSQL 15).
-- Every later start, on any replica, must open it: a replica configured with another key refuses to start even
-- before any datasource or contact point holds a secret. rotate-key re-seals it with the other sealed columns.
CREATE TABLE secret_key_check (
    env         VARCHAR(64)  NOT NULL,
    uid         VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    secure_data TEXT         NOT NULL,
    PRIMARY KEY (env, uid)
);
