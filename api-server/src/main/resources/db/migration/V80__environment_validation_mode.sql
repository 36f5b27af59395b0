-- Portable SQL (SQLite and PostgreSQL). How an environment treats unresolved references in dashboards:
-- 'strict' (rejected with 422, the default) or 'warn' (stored, reported as warnings).
ALTER TABLE environments ADD COLUMN validation VARCHAR(10) NOT NULL DEFAULT 'strict';
