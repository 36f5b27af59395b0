-- Grafana's HTTP API names organizations, folders and datasources by number as well as by uid
-- (X-Grafana-Org-Id, folderId, /api/datasources/{id}). Each environment gets a stable org id (the
-- default environment is org 1); folders and datasources get ids from id_sequences, as dashboards do.
ALTER TABLE environments ADD COLUMN org_id BIGINT;
UPDATE environments SET org_id = 1 WHERE name = 'default';
UPDATE environments SET org_id = 1 + (SELECT COUNT(*) FROM environments e2
                                      WHERE e2.name <> 'default' AND e2.name <= environments.name)
WHERE name <> 'default';
CREATE UNIQUE INDEX environments_org_id ON environments (org_id);

ALTER TABLE folders ADD COLUMN id BIGINT;
UPDATE folders SET id = (SELECT COUNT(*) FROM folders f2
                         WHERE f2.env < folders.env OR (f2.env = folders.env AND f2.uid <= folders.uid));
CREATE UNIQUE INDEX folders_id ON folders (id);
INSERT INTO id_sequences (name, last_id) SELECT 'folder', COUNT(*) FROM folders;

ALTER TABLE datasources ADD COLUMN id BIGINT;
UPDATE datasources SET id = (SELECT COUNT(*) FROM datasources d2
                             WHERE d2.env < datasources.env OR (d2.env = datasources.env AND d2.uid <= datasources.uid));
CREATE UNIQUE INDEX datasources_id ON datasources (id);
INSERT INTO id_sequences (name, last_id) SELECT 'datasource', COUNT(*) FROM datasources;
