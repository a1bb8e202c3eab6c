package main

import (
	"fmt"
	"os"

	"github.com/creatorops/creatorops/examples/server/internal/service"
)

// envDatabaseURL names the environment variable that is -db's default.
const envDatabaseURL = "DATABASE_URL"

// dbUsage documents -db.
const dbUsage = "a PostgreSQL URL (postgres://user:password@host:5432/db): keep the data there instead of in -data's SQLite; $" + envDatabaseURL + " when not given"

// where returns where the data is kept: the PostgreSQL URL of -db, or else
// of DATABASE_URL, when there is one; the SQLite data directory dir
// otherwise. (-db's default is not DATABASE_URL itself, so that -h does not
// print a password.)
func where(db, dir string) (string, error) {
	if db == "" {
		db = os.Getenv(envDatabaseURL)
	}
	if db == "" {
		return dir, nil
	}
	if !service.IsPostgresURL(db) {
		return "", fmt.Errorf("-db: want a postgres:// URL, have %q", service.Redact(db))
	}
	return db, nil
}
