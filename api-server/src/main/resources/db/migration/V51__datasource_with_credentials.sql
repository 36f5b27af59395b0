-- Grafana's datasource field withCredentials (send cookies and credentials with browser requests), kept as sent.
ALTER TABLE datasources ADD COLUMN with_credentials BOOLEAN NOT NULL DEFAULT FALSE;
