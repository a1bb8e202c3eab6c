package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrations embed.FS

// migration is one versioned SQL file, "0001_init.sql".
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the migrations of one dialect ("sqlite", later
// "postgres") in version order.
func loadMigrations(dialect string) ([]migration, error) {
	dir := path.Join("migrations", dialect)
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, fmt.Errorf("store: migrations of %s: %w", dialect, err)
	}
	var out []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("store: migration file %q: want NNNN_name.sql", name)
		}
		b, err := fs.ReadFile(migrations, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("store: migrations of %s: want version %d, have %q", dialect, i+1, m.name)
		}
	}
	return out, nil
}

// migrate brings db to the latest schema: it applies, in order and each in its
// own transaction, the migrations not yet recorded in schema_migrations. A
// database whose schema is newer than this program knows is an error: an old
// binary must not write to it.
func migrate(ctx context.Context, db *sql.DB, dialect string, now time.Time) (applied int, err error) {
	ms, err := loadMigrations(dialect)
	if err != nil {
		return 0, err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name    TEXT NOT NULL,
		applied TEXT NOT NULL
	)`); err != nil {
		return 0, fmt.Errorf("store: create schema_migrations: %w", err)
	}
	for {
		done, err := migrateStep(ctx, db, ms, now)
		if err != nil || done {
			return applied, err
		}
		applied++
	}
}

// migrateStep applies the first migration not yet recorded, reading the
// version inside the migration's transaction so that two processes starting
// on one database do not both apply it. It reports whether there was none.
func migrateStep(ctx context.Context, db *sql.DB, ms []migration, now time.Time) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store: migrate: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return false, fmt.Errorf("store: read schema version: %w", err)
	}
	if current > len(ms) {
		return false, fmt.Errorf("store: the database's schema is version %d, newer than this program's %d", current, len(ms))
	}
	if current == len(ms) {
		return true, tx.Commit()
	}
	m := ms[current]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`, m.version, m.name, stamp(now)); err != nil {
		return false, fmt.Errorf("store: record migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	return false, nil
}
