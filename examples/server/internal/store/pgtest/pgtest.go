// Package pgtest gives each test a database of its own on a PostgreSQL
// server: a fresh, empty database created for the test and dropped when it
// ends, so that tests are isolated from one another and may run in parallel.
//
// The server is given by the environment variable CREATOROPS_TEST_POSTGRES, a
// postgres:// URL of a role that may create databases (`bash .ci/postgres.sh
// start` starts a throwaway server and prints it). Without it, a test that
// needs PostgreSQL is skipped, saying so, unless the environment variable CI is
// set: in CI a missing server fails the test instead of hiding it.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names the environment variable holding the server's URL.
const EnvURL = "CREATOROPS_TEST_POSTGRES"

// Prefix starts the name of every database this package creates.
const Prefix = "creatorops_test_"

// ServerURL returns the server's URL from CREATOROPS_TEST_POSTGRES. Without
// one it skips the test, or fails it when CI is set.
func ServerURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvURL)
	if u != "" {
		return u
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not set, and CI is: the PostgreSQL tests need a server (bash .ci/postgres.sh start)", EnvURL)
	}
	t.Skipf("PostgreSQL: %s is not set (a postgres:// URL of a role that may create databases; "+
		"`eval \"$(bash .ci/postgres.sh start)\"` starts a throwaway server and sets it)", EnvURL)
	return ""
}

// URL creates a fresh, empty database on the server of ServerURL and returns
// its URL (the server's URL with the database's name for its path). The
// database is dropped when the test and its subtests end, connections and
// all (register what uses it after calling URL, so that it is closed first).
func URL(t testing.TB) string {
	t.Helper()
	server := ServerURL(t)
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s: want a postgres:// URL", EnvURL)
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	name := Prefix + hex.EncodeToString(b[:])
	// A linguistic collation ("a" < "B" < "b"), where the server has ICU: a
	// query that sorts without COLLATE "C" then lists in another order than
	// SQLite's byte order, and a test can see it.
	ident := pgx.Identifier{name}.Sanitize()
	if err := execErr(server, `CREATE DATABASE `+ident+` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`); err != nil {
		exec(t, server, `CREATE DATABASE `+ident)
	}
	t.Cleanup(func() {
		exec(t, server, `DROP DATABASE IF EXISTS `+ident+` WITH (FORCE)`)
	})
	u.Path = "/" + name
	return u.String()
}

// exec runs one statement on the server's own database, failing the test
// on an error.
func exec(t testing.TB, server, sql string) {
	t.Helper()
	if err := execErr(server, sql); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
}

func execErr(server, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		return fmt.Errorf("connect to the server of %s: %w", EnvURL, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		return fmt.Errorf("%s: %w", sql, err)
	}
	return nil
}
