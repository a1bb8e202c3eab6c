package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/contract"
	"github.com/creatorops/creatorops/examples/server/internal/store"
	"github.com/creatorops/creatorops/pricing"
)

// The tests of agreements are written against the Store interface, like
// store_test.go, so that they can run on every implementation.

// TestAgreementRoundTrip stores the library's sample agreement and reads back
// its canonical JSON, its content hash and its summary, and an agreement
// equal to the one stored.
func TestAgreementRoundTrip(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		in := contract.SampleAgreement()
		require.NotEmpty(t, in.ID)

		stored, created, err := s.CreateAgreement(ctx, w.ID, in)
		require.NoError(t, err)
		require.True(t, created)
		assert.True(t, stored.Created.Equal(now()), "created %v", stored.Created)

		got, err := s.Agreement(ctx, w.ID, in.ID)
		require.NoError(t, err)
		canonical, err := in.Canonical()
		require.NoError(t, err)
		assert.Equal(t, string(canonical), string(got.Body), "the body is the canonical JSON, byte for byte")
		hash, err := in.Hash()
		require.NoError(t, err)
		assert.Equal(t, hash, got.Hash)
		sum := sha256.Sum256(got.Body)
		assert.Equal(t, contract.HashPrefix+hex.EncodeToString(sum[:]), got.Hash, "the hash is the SHA-256 of the stored body")
		assert.Equal(t, stored.Hash, got.Hash)
		assert.True(t, got.Created.Equal(stored.Created))

		assert.Equal(t, in.ID, got.ID)
		assert.Equal(t, in.Campaign.Name, got.Campaign)
		assert.Equal(t, "GlowCo", got.Brand)
		assert.Equal(t, "Maya Reyes", got.Creator)
		assert.Equal(t, len(in.Deliverables), got.Deliverables)
		assert.Equal(t, 2, got.Deliverables)

		out, err := store.DecodeAgreement(got.Body)
		require.NoError(t, err)
		assert.True(t, in.Equal(out), "the stored agreement reads back equal")
		// Money and dates come back exactly.
		require.NotNil(t, out.Commercial.RateCard)
		assert.Equal(t, in.Commercial.RateCard.Base[0].Fee.String(), out.Commercial.RateCard.Base[0].Fee.String())
		assert.Equal(t, in.Deliverables[0].PostDate, out.Deliverables[0].PostDate)
		assert.Equal(t, in.Brand.Calendar.Spec(), out.Brand.Calendar.Spec())
	})
}

// TestCreateAgreementAgain: the same agreement again is a retry; another
// agreement under the same id is a conflict, and the stored one is kept.
func TestCreateAgreementAgain(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		a := contract.SampleAgreement()
		first, created, err := s.CreateAgreement(ctx, w.ID, a)
		require.NoError(t, err)
		require.True(t, created)

		// The same content, decoded from its canonical form: equal, same hash.
		again, err := store.DecodeAgreement(first.Body)
		require.NoError(t, err)
		second, created, err := s.CreateAgreement(ctx, w.ID, again)
		require.NoError(t, err)
		assert.False(t, created, "the same agreement again is a retry")
		assert.Equal(t, first, second)

		changed := contract.SampleAgreement()
		changed.Commercial.RateCard.Base[0].Fee = pricing.MustParseMoney("2600.00 USD")
		_, _, err = s.CreateAgreement(ctx, w.ID, changed)
		require.ErrorIs(t, err, store.ErrConflict)

		got, err := s.Agreement(ctx, w.ID, a.ID)
		require.NoError(t, err)
		assert.Equal(t, first.Hash, got.Hash, "the stored agreement did not change")

		// A new version is a new agreement under a new id.
		changed.ID = a.ID + "/v2"
		v2, created, err := s.CreateAgreement(ctx, w.ID, changed)
		require.NoError(t, err)
		assert.True(t, created)
		assert.NotEqual(t, first.Hash, v2.Hash)
	})
}

func TestCreateAgreementWithoutID(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		w := workspace(t, s, "Glow Labs")
		a := contract.SampleAgreement()
		a.ID = ""
		_, _, err := s.CreateAgreement(context.Background(), w.ID, a)
		require.Error(t, err)
		list, err := s.Agreements(context.Background(), w.ID, "", 10)
		require.NoError(t, err)
		assert.Empty(t, list)
	})
}

// TestAgreementIsolation: one workspace never reads or lists another's
// agreements, and both may use one id for agreements of their own.
func TestAgreementIsolation(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		a := workspace(t, s, "A")
		b := workspace(t, s, "B")
		mine := contract.SampleAgreement()
		stored, _, err := s.CreateAgreement(ctx, a.ID, mine)
		require.NoError(t, err)

		_, err = s.Agreement(ctx, b.ID, mine.ID)
		assert.ErrorIs(t, err, store.ErrNotFound)
		list, err := s.Agreements(ctx, b.ID, "", 100)
		require.NoError(t, err)
		assert.Empty(t, list)

		theirs := contract.SampleAgreement()
		theirs.Brand.Name = "Other Brand"
		other, created, err := s.CreateAgreement(ctx, b.ID, theirs)
		require.NoError(t, err)
		assert.True(t, created, "B's agreement under A's id is B's own")
		assert.NotEqual(t, stored.Hash, other.Hash)

		got, err := s.Agreement(ctx, a.ID, mine.ID)
		require.NoError(t, err)
		assert.Equal(t, stored.Hash, got.Hash)
		assert.Equal(t, "GlowCo", got.Brand)
		got, err = s.Agreement(ctx, b.ID, mine.ID)
		require.NoError(t, err)
		assert.Equal(t, other.Hash, got.Hash)
		assert.Equal(t, "Other Brand", got.Brand)
	})
}

func TestAgreementList(t *testing.T) {
	each(t, func(t *testing.T, s store.Store) {
		ctx := context.Background()
		w := workspace(t, s, "Glow Labs")
		for _, id := range []string{"c", "a/2", "a", "b"} {
			a := contract.SampleAgreement()
			a.ID = id
			_, _, err := s.CreateAgreement(ctx, w.ID, a)
			require.NoError(t, err)
		}
		var ids []string
		after := ""
		for {
			page, err := s.Agreements(ctx, w.ID, after, 3)
			require.NoError(t, err)
			for _, a := range page {
				ids = append(ids, a.ID)
				assert.Nil(t, a.Body, "a list leaves the bodies out")
				assert.NotEmpty(t, a.Hash)
				assert.Equal(t, "GlowCo Dew Serum launch", a.Campaign)
				assert.Equal(t, 2, a.Deliverables)
			}
			if len(page) < 3 {
				break
			}
			after = page[len(page)-1].ID
		}
		assert.Equal(t, []string{"a", "a/2", "b", "c"}, ids, "in id order, by bytes")
	})
}
