-- A short JSON summary for entries that are not an object write, such as a sync run's counts and error
-- (never a secret). Portable SQL: JSON as text.
ALTER TABLE audit_log ADD COLUMN detail TEXT;
