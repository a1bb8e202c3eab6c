-- 0001: workspaces and their tokens, timelines (a plan each) and their events,
-- agreements.
--
-- Instants are TEXT in RFC 3339 (UTC for the service's own stamps, the sender's
-- offset for an event's instant). Plans, events and agreements are stored in the
-- library's canonical JSON, so that Money, windows and dates come back exactly
-- as they went in.

CREATE TABLE workspaces (
	id      TEXT PRIMARY KEY,
	name    TEXT NOT NULL,
	created TEXT NOT NULL
);

-- A token is stored only as the SHA-256 of its text.
CREATE TABLE tokens (
	hash         BLOB PRIMARY KEY,
	workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
	created      TEXT NOT NULL
);
CREATE INDEX tokens_workspace ON tokens (workspace_id);

CREATE TABLE timelines (
	workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
	id           TEXT NOT NULL,
	plan         TEXT NOT NULL, -- timeline.Plan, canonical JSON
	plan_hash    TEXT NOT NULL, -- hex SHA-256 of plan
	created      TEXT NOT NULL,
	PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;

CREATE TABLE events (
	workspace_id TEXT    NOT NULL,
	timeline_id  TEXT    NOT NULL,
	seq          INTEGER NOT NULL,
	at           TEXT    NOT NULL, -- the event's instant, as sent
	kind         TEXT    NOT NULL,
	body         TEXT    NOT NULL, -- timeline.Event, canonical JSON
	recorded     TEXT    NOT NULL,
	PRIMARY KEY (workspace_id, timeline_id, seq),
	FOREIGN KEY (workspace_id, timeline_id) REFERENCES timelines (workspace_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Agreements (package contract): the routes come in a later change; the table
-- is here so that they need no migration of their own.
CREATE TABLE agreements (
	workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
	id           TEXT NOT NULL,
	body         TEXT NOT NULL, -- the agreement, canonical JSON
	hash         TEXT NOT NULL, -- hex SHA-256 of body
	created      TEXT NOT NULL,
	PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;
