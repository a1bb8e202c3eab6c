package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/creatorops/creatorops/contract"
)

// The SQL of agreements is plain (no upsert, no JSON functions), so that a
// PostgreSQL store can take it as it is, with $1 placeholders.
const (
	agreementColumns = `id, hash, campaign, brand, creator, deliverables, created`
	agreementSQL     = `SELECT ` + agreementColumns + `, body FROM agreements WHERE workspace_id = ? AND id = ?`
	agreementsSQL    = `SELECT ` + agreementColumns + ` FROM agreements WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?`
	insertAgreement  = `INSERT INTO agreements (workspace_id, id, body, hash, campaign, brand, creator, deliverables, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

var _ AgreementStore = (*SQLite)(nil)

func (s *SQLite) CreateAgreement(ctx context.Context, workspace string, a contract.Agreement) (Agreement, bool, error) {
	rec, err := EncodeAgreement(a)
	if err != nil {
		return Agreement{}, false, err
	}
	rec.Created = stampNow(s.now)
	created := false
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		have, err := scanAgreement(tx.QueryRowContext(ctx, agreementSQL, workspace, rec.ID), true)
		switch {
		case err == nil && have.Hash == rec.Hash:
			rec = have
			return nil
		case err == nil:
			return fmt.Errorf("store: agreement %q holds another agreement (%s): %w", rec.ID, contract.ShortHash(have.Hash), ErrConflict)
		case !errors.Is(err, ErrNotFound):
			return err
		}
		created = true
		_, err = tx.ExecContext(ctx, insertAgreement, workspace, rec.ID, string(rec.Body), rec.Hash,
			rec.Campaign, rec.Brand, rec.Creator, rec.Deliverables, stamp(rec.Created))
		return err
	})
	if err != nil {
		return Agreement{}, false, wrap("create agreement", err)
	}
	return rec, created, nil
}

func (s *SQLite) Agreement(ctx context.Context, workspace, id string) (Agreement, error) {
	a, err := scanAgreement(s.read.QueryRowContext(ctx, agreementSQL, workspace, id), true)
	if err != nil {
		return Agreement{}, wrap("agreement", err)
	}
	return a, nil
}

func (s *SQLite) Agreements(ctx context.Context, workspace, after string, limit int) ([]Agreement, error) {
	rows, err := s.read.QueryContext(ctx, agreementsSQL, workspace, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: agreements: %w", err)
	}
	defer rows.Close()
	var out []Agreement
	for rows.Next() {
		a, err := scanAgreement(rows, false)
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

// scanAgreement reads a row of agreementColumns, followed by the body when
// withBody. No row is ErrNotFound.
func scanAgreement(row interface{ Scan(...any) error }, withBody bool) (Agreement, error) {
	var a Agreement
	var created, body string
	dest := []any{&a.ID, &a.Hash, &a.Campaign, &a.Brand, &a.Creator, &a.Deliverables, &created}
	if withBody {
		dest = append(dest, &body)
	}
	err := row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return Agreement{}, ErrNotFound
	}
	if err != nil {
		return Agreement{}, err
	}
	if withBody {
		a.Body = []byte(body)
	}
	if a.Created, err = parseStamp(created); err != nil {
		return Agreement{}, err
	}
	return a, nil
}
