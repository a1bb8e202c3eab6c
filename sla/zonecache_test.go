package sla

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestZoneCacheAnswersAsTheTimePackage: a resolver with a calendar's zone
// cache gives the period the time package gives, for instants in random
// order around the transitions of odd zones (Samoa's skipped day, Lord Howe's
// half-hour shift, Santiago's moving rules), from many goroutines at once.
func TestZoneCacheAnswersAsTheTimePackage(t *testing.T) {
	for _, name := range []string{"Pacific/Apia", "Australia/Lord_Howe", "America/Santiago", "America/New_York", "UTC"} {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		var zc zoneCache
		lo := time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
		hi := time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(uint64(g), 9))
				cached := resolver{loc: loc, zc: &zc}
				plain := resolver{loc: loc}
				for range 20000 {
					u := lo + rng.Int64N(hi-lo)
					if rng.IntN(4) == 0 { // stay near the last instant, as queries do
						u = lo + rng.Int64N(3*secPerDay)
					}
					op, ps, pe := cached.period(u)
					wo, ws, we := plain.period(u)
					if op != wo || ps != ws || pe != we {
						t.Errorf("%s: period(%d) = %d [%d, %d), want %d [%d, %d)", name, u, op, ps, pe, wo, ws, we)
						return
					}
				}
			}()
		}
		wg.Wait()
	}
}

// TestZoneCacheAllocatesNothing: looking a period up, hit or miss, allocates
// nothing.
func TestZoneCacheAllocatesNothing(t *testing.T) {
	loc, err := time.LoadLocation("America/Santiago")
	require.NoError(t, err)
	var zc zoneCache
	r := resolver{loc: loc, zc: &zc}
	u := time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC).Unix()
	allocs := testing.AllocsPerRun(100, func() {
		r.period(u)
		r.period(u + 200*secPerDay) // another period, another slot or a miss
		u += secPerDay
	})
	assert.Zero(t, allocs)
}
