-- 0001: workspaces and their tokens, timelines (a plan each) and their events,
-- agreements. The PostgreSQL twin of migrations/sqlite/0001_init.sql.
--
-- Instants are timestamptz (to the microsecond; the service's own stamps are
-- taken to the microsecond on both stores, so they read back equal). An
-- event's instant as sent, with its offset and nanoseconds, is in its body.
-- Plans, events and agreements are stored as text in the library's canonical
-- JSON, not jsonb (which reorders keys and drops duplicates): they come back
-- byte for byte, and the stored hashes stay the SHA-256 of what is stored.
--
-- IDs are text COLLATE "C", so that lists come in the IDs' byte order, as on
-- SQLite, whatever the database's collation.

CREATE TABLE workspaces (
	id      text COLLATE "C" PRIMARY KEY,
	name    text NOT NULL,
	created timestamptz NOT NULL
);

-- A token is stored only as the SHA-256 of its text.
CREATE TABLE tokens (
	hash         bytea PRIMARY KEY,
	workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
	created      timestamptz NOT NULL
);
CREATE INDEX tokens_workspace ON tokens (workspace_id);

CREATE TABLE timelines (
	workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
	id           text COLLATE "C" NOT NULL,
	plan         text NOT NULL, -- timeline.Plan, canonical JSON
	plan_hash    text NOT NULL, -- hex SHA-256 of plan
	created      timestamptz NOT NULL,
	PRIMARY KEY (workspace_id, id)
);

CREATE TABLE events (
	workspace_id text COLLATE "C" NOT NULL,
	timeline_id  text COLLATE "C" NOT NULL,
	seq          bigint NOT NULL,
	at           timestamptz NOT NULL, -- the event's instant (as sent: in body)
	kind         text NOT NULL,
	body         text NOT NULL, -- timeline.Event, canonical JSON
	recorded     timestamptz NOT NULL,
	PRIMARY KEY (workspace_id, timeline_id, seq),
	FOREIGN KEY (workspace_id, timeline_id) REFERENCES timelines (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE agreements (
	workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
	id           text COLLATE "C" NOT NULL,
	body         text NOT NULL, -- the agreement, canonical JSON
	hash         text NOT NULL, -- "sha256:" and the hex SHA-256 of body
	created      timestamptz NOT NULL,
	PRIMARY KEY (workspace_id, id)
);
