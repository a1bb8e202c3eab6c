package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/creatorops/creatorops/contract"
)

// The agreements' SQL is SQLite's (sqlite_agreements.go) with $n placeholders.
var (
	pgAgreementSQL    = Dollars(agreementSQL)
	pgAgreementsSQL   = Dollars(agreementsSQL)
	pgInsertAgreement = Dollars(insertAgreement) + ` ON CONFLICT (workspace_id, id) DO NOTHING`
)

var _ AgreementStore = (*Postgres)(nil)

// Dollars numbers the ? placeholders of a query for PostgreSQL: $1, $2, ...
// (the queries it is given hold no ? in a string literal), so that one query
// text serves SQLite and PostgreSQL.
func Dollars(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (s *Postgres) CreateAgreement(ctx context.Context, workspace string, a contract.Agreement) (Agreement, bool, error) {
	rec, err := EncodeAgreement(a)
	if err != nil {
		return Agreement{}, false, err
	}
	rec.Created = stampNow(s.now)
	// As CreateTimeline: of two requests storing one id together, one
	// inserts; the other's INSERT waits for it, does nothing, and reads the
	// row after.
	tag, err := s.pool.Exec(ctx, pgInsertAgreement, workspace, rec.ID, string(rec.Body), rec.Hash,
		rec.Campaign, rec.Brand, rec.Creator, rec.Deliverables, rec.Created)
	if err != nil {
		return Agreement{}, false, fmt.Errorf("store: create agreement: %w", err)
	}
	if tag.RowsAffected() == 1 {
		return rec, true, nil
	}
	have, err := s.Agreement(ctx, workspace, rec.ID)
	if err != nil {
		return Agreement{}, false, wrap("create agreement", err)
	}
	if have.Hash != rec.Hash {
		return Agreement{}, false, fmt.Errorf("store: agreement %q holds another agreement (%s): %w", rec.ID, contract.ShortHash(have.Hash), ErrConflict)
	}
	return have, false, nil
}

func (s *Postgres) Agreement(ctx context.Context, workspace, id string) (Agreement, error) {
	a, err := scanPgAgreement(s.pool.QueryRow(ctx, pgAgreementSQL, workspace, id), true)
	if err != nil {
		return Agreement{}, wrap("agreement", err)
	}
	return a, nil
}

func (s *Postgres) Agreements(ctx context.Context, workspace, after string, limit int) ([]Agreement, error) {
	rows, err := s.pool.Query(ctx, pgAgreementsSQL, workspace, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: agreements: %w", err)
	}
	defer rows.Close()
	var out []Agreement
	for rows.Next() {
		a, err := scanPgAgreement(rows, false)
		if err != nil {
			return nil, wrap("agreements", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: agreements: %w", err)
	}
	return out, nil
}

// scanPgAgreement reads a row of agreementColumns, followed by the body when
// withBody. No row is ErrNotFound.
func scanPgAgreement(row pgx.Row, withBody bool) (Agreement, error) {
	var a Agreement
	var body string
	dest := []any{&a.ID, &a.Hash, &a.Campaign, &a.Brand, &a.Creator, &a.Deliverables, &a.Created}
	if withBody {
		dest = append(dest, &body)
	}
	err := row.Scan(dest...)
	if errors.Is(err, pgx.ErrNoRows) {
		return Agreement{}, ErrNotFound
	}
	if err != nil {
		return Agreement{}, err
	}
	if withBody {
		a.Body = []byte(body)
	}
	a.Created = a.Created.UTC()
	return a, nil
}
