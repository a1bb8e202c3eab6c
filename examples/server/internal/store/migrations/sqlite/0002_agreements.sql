-- 0002: the summary of an agreement, for lists without reading each body.
--
-- 0001 created the agreements table (workspace_id, id, body, hash, created).
-- body is the agreement's canonical JSON (contract.Agreement.Canonical); hash
-- is contract.Agreement.Hash, "sha256:" and the hex SHA-256 of body. A row
-- never changes: a new version of an agreement is a new row under a new id.
--
-- Plain ALTER TABLE ... ADD COLUMN with a constant default, which SQLite and
-- PostgreSQL read alike. No route wrote agreements before this migration, so no
-- row needs its summary filled in.

ALTER TABLE agreements ADD COLUMN campaign TEXT NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN brand TEXT NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN creator TEXT NOT NULL DEFAULT '';
ALTER TABLE agreements ADD COLUMN deliverables INTEGER NOT NULL DEFAULT 0;
