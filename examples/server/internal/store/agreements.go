package store

import (
	"context"
	"fmt"
	"time"

	"github.com/creatorops/creatorops/contract"
)

// Agreement is a stored agreement (package contract): its ID (the
// agreement's id, unique in its workspace), its canonical JSON
// (contract.Agreement.Canonical), its content hash and a summary for lists.
//
// A stored agreement never changes: it is what was, or will be, signed. A new
// version of an agreement is a new agreement under a new ID
// ("glowco-dew-2027/maya-reyes/v2"); its hash differs, so a sheet printed
// from either says which one it is.
type Agreement struct {
	ID string
	// Body is the agreement's canonical JSON; [AgreementStore.Agreements]
	// leaves it nil.
	Body []byte
	// Hash is contract.Agreement.Hash: "sha256:" and the hex SHA-256 of Body.
	Hash string
	// The summary: the campaign's name, the brand's and the creator's names,
	// and the number of deliverables.
	Campaign     string
	Brand        string
	Creator      string
	Deliverables int
	Created      time.Time
}

// AgreementStore is the agreements part of a [Store]. Like timelines,
// agreements are scoped to a workspace: another workspace's agreement is
// [ErrNotFound], and two workspaces may each use an ID for their own.
type AgreementStore interface {
	// CreateAgreement records an agreement under its ID (a.ID, which must not
	// be empty) in the workspace and returns the stored agreement and whether
	// it was created now. Creating the same agreement again (the same content
	// hash, however its JSON was written) is not an error: it returns the
	// stored one with created false. Another agreement under the same ID is
	// ErrConflict: a stored agreement never changes.
	CreateAgreement(ctx context.Context, workspace string, a contract.Agreement) (stored Agreement, created bool, err error)
	// Agreement returns one agreement of the workspace, with its Body, or
	// ErrNotFound.
	Agreement(ctx context.Context, workspace, id string) (Agreement, error)
	// Agreements lists the workspace's agreements in ID order (by the IDs'
	// bytes), those after the ID after ("" for the first page), at most limit
	// of them, without their Body.
	Agreements(ctx context.Context, workspace, after string, limit int) ([]Agreement, error)
}

// EncodeAgreement returns the row of an agreement: its canonical JSON, its
// content hash and its summary, with a zero Created. The agreement must
// validate (only a valid agreement has a canonical form) and have an ID.
func EncodeAgreement(a contract.Agreement) (Agreement, error) {
	if a.ID == "" {
		return Agreement{}, fmt.Errorf("store: encode agreement: no id")
	}
	body, err := a.Canonical()
	if err != nil {
		return Agreement{}, fmt.Errorf("store: encode agreement %q: %w", a.ID, err)
	}
	hash, err := a.Hash()
	if err != nil {
		return Agreement{}, fmt.Errorf("store: encode agreement %q: %w", a.ID, err)
	}
	return Agreement{
		ID:           a.ID,
		Body:         body,
		Hash:         hash,
		Campaign:     a.Campaign.Name,
		Brand:        a.Brand.Name,
		Creator:      a.Creator.Name,
		Deliverables: len(a.Deliverables),
	}, nil
}

// DecodeAgreement reads an agreement stored by EncodeAgreement, with the
// library's strict decoder (which validates it again).
func DecodeAgreement(b []byte) (contract.Agreement, error) {
	a, err := contract.DecodeAgreement(b)
	if err != nil {
		return contract.Agreement{}, fmt.Errorf("store: decode stored agreement: %w", err)
	}
	return a, nil
}
