package sla_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

func TestZonesBuildTheSameCalendars(t *testing.T) {
	var z sla.Zones
	spec := sla.CalendarSpec{TimeZone: "Australia/Lord_Howe", Hours: []string{"mon-fri 09:00-17:00"}, Quiet: []string{"sat-sun"}, Holidays: []string{"2027-01-26"}}
	want, err := sla.NewCalendar(spec)
	require.NoError(t, err)
	got, err := z.NewCalendar(spec)
	require.NoError(t, err)
	assert.Equal(t, want.Spec(), got.Spec())
	start := time.Date(2027, 1, 25, 16, 0, 0, 0, want.Location())
	for _, w := range []sla.Window{sla.BusinessHours(3), sla.BusinessDays(2), sla.Hours(48), sla.Days(7)} {
		assert.True(t, want.Due(start, w).Equal(got.Due(start, w)), "Due(%v, %v)", start, w)
	}
	again, err := z.NewCalendar(spec)
	require.NoError(t, err)
	assert.Same(t, got.Location(), again.Location(), "the zone is loaded once")
}

func TestZonesErrorsAreNewCalendars(t *testing.T) {
	var z sla.Zones
	for _, name := range []string{"", "Local", "Nowhere/Atlantis", "../../etc/passwd"} {
		spec := sla.CalendarSpec{TimeZone: name}
		_, want := sla.NewCalendar(spec)
		_, got := z.NewCalendar(spec)
		require.Error(t, got, "%q", name)
		assert.Equal(t, want.Error(), got.Error(), "%q", name)
		assert.True(t, errors.Is(got, sla.ErrInvalid))
		_, err := z.Load(name)
		var fe *sla.FieldError
		require.True(t, errors.As(err, &fe), "%q: %v", name, err)
		assert.Equal(t, "time_zone", fe.Path)
	}
}

func TestZonesConcurrent(t *testing.T) {
	var z sla.Zones
	names := []string{"Pacific/Apia", "America/Santiago", "Europe/London", "UTC"}
	var wg sync.WaitGroup
	locs := make([][]*time.Location, 8)
	for g := range locs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, n := range names {
				l, err := z.Load(n)
				if err == nil {
					locs[g] = append(locs[g], l)
				}
			}
		}()
	}
	wg.Wait()
	for g := range locs {
		require.Len(t, locs[g], len(names))
		for i := range names {
			assert.Same(t, locs[0][i], locs[g][i], "every goroutine gets the one location of %s", names[i])
		}
	}
}
