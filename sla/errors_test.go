package sla_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/creatorops/creatorops/sla"
)

// problems returns "path code" for each problem of err, read as a
// *ValidationError.
func problems(t *testing.T, err error) []string {
	t.Helper()
	var ve *sla.ValidationError
	require.ErrorAs(t, err, &ve)
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Path+" "+p.Code)
	}
	return out
}

// Regression (issue 7, defect 4): a parse error with nothing at fault used to end
// in a dangling "got". Every reason now says what was found.
func TestParseErrorsSayWhatWasFound(t *testing.T) {
	tests := []struct {
		field, in, want string
	}{
		{"hours", "mon-fri 09:00-12:00,", `nothing after ','`},
		{"hours", "mon-fri 09:00-", `nothing after '-' in "09:00-"`},
		{"hours", "mon 09:00-12:00, -13:00", `nothing before '-' in "-13:00"`},
		{"hours", ",,", `nothing before ','`},
		{"quiet", "sat,,sun", `nothing between two ','`},
		{"quiet", "mon- 09:00-10:00", `nothing after '-'`},
		{"hours", "mon-fry 09:00-17:00", `unknown day "fry"`},
		{"hours", "mon 9-17", `want a time HH:MM, found "9"`},
		{"hours", "mon 25:00-26:00", `time "25:00" out of range 00:00-24:00`},
		{"hours", "mon 0900", `want an interval HH:MM-HH:MM, found "0900"`},
		{"hours", "mon 09:00-09:00", `empty interval "09:00-09:00"`},
		{"holidays", "2026-1-5", `want a date YYYY-MM-DD, found "2026-1-5"`},
		{"holidays", "2026-02-30", `no such date "2026-02-30"`},
		{"holidays", "2026-02-01..", `missing date`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			spec := sla.CalendarSpec{TimeZone: "UTC"}
			switch tt.field {
			case "hours":
				spec.Hours = []string{tt.in}
			case "quiet":
				spec.Quiet = []string{tt.in}
			case "holidays":
				spec.Holidays = []string{tt.in}
			}
			_, err := sla.NewCalendar(spec)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "got")
			assert.False(t, strings.HasSuffix(err.Error(), ":"), "message ends in a colon: %v", err)
			assert.Equal(t, []string{tt.field + "[0] malformed"}, problems(t, err))
		})
	}
	for _, in := range []string{"", "-0 days", "3", "3 fortnights", "hours", "1.5 hours"} {
		_, err := sla.ParseWindow(in)
		require.Error(t, err, in)
		assert.NotContains(t, err.Error(), "got", in)
		var pe *sla.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "window", pe.What)
		assert.Equal(t, in, pe.Input)
	}
	_, err := sla.ParseWindow("3 fortnights")
	assert.EqualError(t, err, `sla: parse window "3 fortnights": unknown unit "fortnights": want hours, days, business hours or business days`)
}

func TestDecodeCalendarSpecIsStrict(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"wrong-case keys", `{"TIME_ZONE":"UTC","Hours":["mon-fri 09:00-17:00"]}`, []string{"TIME_ZONE unknown_field", "Hours unknown_field", "time_zone required"}},
		{"duplicate key", `{"time_zone":"UTC","time_zone":"Europe/Paris"}`, []string{"time_zone duplicate_key"}},
		{"unknown field", `{"time_zone":"UTC","hour":["mon"]}`, []string{"hour unknown_field"}},
		{"wrong type", `{"time_zone":"UTC","hours":"mon-fri"}`, []string{"hours malformed"}},
		{"bad rule with its path", `{"time_zone":"UTC","quiet":["sat-sun","daily 21:00-"]}`, []string{"quiet[1] malformed"}},
		{"decode and rule problems together", `{"time_zone":"Mars/Olympus","extra":1}`, []string{"extra unknown_field", "time_zone unknown_zone"}},
		{"too large", `{"time_zone":"UTC","holidays":["` + strings.Repeat("x", sla.MaxSpecBytes) + `"]}`, []string{" too_large"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sla.DecodeCalendarSpec([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, sla.ErrInvalid)
			assert.Equal(t, tt.want, problems(t, err))
		})
	}
	c, err := sla.DecodeCalendar([]byte(`{"time_zone":"America/New_York","quiet":["sat-sun"]}`))
	require.NoError(t, err)
	assert.Equal(t, "America/New_York", c.Location().String())

	var into sla.Calendar
	err = into.UnmarshalJSON([]byte(`{"time_zone":"UTC","Quiet":["sat-sun"]}`))
	assert.Equal(t, []string{"Quiet unknown_field"}, problems(t, err))
}

// Regression (issue 7, defect 6): NextOverlap had a contract of its own (false
// for no calendars, for d <= 0, and for any d of about 336 days or more, even on a
// 24/7 calendar). It now answers like Overlap.
func TestNextOverlapContract(t *testing.T) {
	always := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "UTC", Hours: []string{"daily 00:00-24:00"}})
	brand := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York"})
	nightOwl := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Hours: []string{"daily 20:00-23:00"}})
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

	_, err := sla.NextOverlap(t0, time.Hour)
	assert.Equal(t, []string{" required"}, problems(t, err))
	_, errOverlap := sla.Overlap(t0, t0.Add(time.Hour))
	assert.Equal(t, problems(t, errOverlap), problems(t, err), "same contract as Overlap")

	for _, d := range []time.Duration{0, -time.Hour, sla.MaxOverlapRange + time.Second} {
		_, err := sla.NextOverlap(t0, d, always)
		assert.Equal(t, []string{" out_of_range"}, problems(t, err), "d = %v", d)
	}
	for _, d := range []time.Duration{time.Hour, 336 * 24 * time.Hour, sla.MaxOverlapRange} {
		s, err := sla.NextOverlap(t0, d, always)
		require.NoError(t, err, "d = %v", d)
		assert.True(t, s.Equal(sla.Span{Start: t0, End: t0.Add(d)}), "NextOverlap(%v, %v) = %v", t0, d, s)
	}
	_, err = sla.NextOverlap(t0, time.Hour, brand, nightOwl)
	assert.ErrorIs(t, err, sla.ErrNoOverlap)
	var ve *sla.ValidationError
	assert.False(t, errors.As(err, &ve), "no slot is not bad input")
}
