-- 0002: the summary of an agreement, for lists without reading each body.
-- The PostgreSQL twin of migrations/sqlite/0002_agreements.sql.

ALTER TABLE agreements ADD COLUMN campaign text NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN brand text NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN creator text NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN deliverables integer NOT NULL DEFAULT 0;
