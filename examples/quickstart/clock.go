package main

import (
	"fmt"
	"io"
	"time"

	"github.com/creatorops/creatorops/sla"
)

// clockSection computes the deadlines of a few real messages between a brand in
// New York (Mon–Fri 09:00–17:00, quiet weekends, a half day before Christmas)
// and a creator in Los Angeles who works evenings, each printed in both
// parties' local time.
func clockSection(w io.Writer) error {
	brand, err := sla.NewCalendar(sla.CalendarSpec{
		TimeZone: "America/New_York",
		Hours:    []string{"mon-fri 09:00-17:00"},
		Quiet:    []string{"sat-sun"},
		Holidays: []string{"2026-12-24 09:00-13:00", "2026-12-25"},
	})
	if err != nil {
		return err
	}
	creator, err := sla.NewCalendar(sla.CalendarSpec{
		TimeZone: "America/Los_Angeles",
		Hours:    []string{"mon-fri 13:00-21:00"},
		Quiet:    []string{"daily 22:00-10:00"},
		Holidays: []string{"2026-12-25"},
	})
	if err != nil {
		return err
	}
	both := func(t time.Time) string {
		return t.In(brand.Location()).Format("Mon Jan 2 15:04 MST") + " / " +
			t.In(creator.Location()).Format("Mon 15:04 MST")
	}
	window := func(s string) sla.Window { return sla.MustParseWindow(s) }

	fmt.Fprintln(w, "== The clock: brand in New York, creator in Los Angeles (evenings) ==")
	fmt.Fprintln(w, "brand:  ", brand)
	fmt.Fprintln(w, "creator:", creator)

	type message struct {
		what  string
		sent  time.Time
		cal   *sla.Calendar
		owner string
		win   sla.Window
	}
	for _, m := range []message{
		{"draft sent Friday evening; brand replies within", time.Date(2026, 12, 4, 19, 30, 0, 0, creator.Location()), brand, "brand", window("1 business day")},
		{"final cut sent Friday noon; brand approves within", time.Date(2026, 12, 11, 12, 0, 0, 0, brand.Location()), brand, "brand", window("48 hours")},
		{"feedback sent Monday; creator revises within", time.Date(2026, 12, 14, 16, 0, 0, 0, brand.Location()), creator, "creator", window("2 business days")},
		{"question sent before the half day; brand answers within", time.Date(2026, 12, 23, 15, 0, 0, 0, brand.Location()), brand, "brand", window("1 business day")},
		{"analytics due after posting Thursday 18:00 ET", time.Date(2026, 12, 17, 18, 0, 0, 0, brand.Location()), creator, "creator", window("7 days")},
	} {
		due := m.cal.Due(m.sent, m.win)
		fmt.Fprintf(w, "\n%s %v (%s's clock)\n", m.what, m.win, m.owner)
		fmt.Fprintf(w, "  sent %s\n  due  %s  (%s of %s working time)\n", both(m.sent), both(due),
			hours(m.cal.WorkingTime(m.sent, due)), m.owner)
	}

	// A reminder the brand's tool wants to send at 09:30 New York time reaches the
	// creator at a decent hour in Los Angeles.
	remind := time.Date(2026, 12, 15, 9, 30, 0, 0, brand.Location())
	fmt.Fprintf(w, "\nreminder queued %s goes out %s\n", both(remind), both(creator.NextContact(remind)))

	// When are both at work, for a call?
	slot, err := sla.NextOverlap(time.Date(2026, 12, 14, 9, 0, 0, 0, brand.Location()), 45*time.Minute, brand, creator)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "first 45-minute call with both at work: %s\n", both(slot.Start))
	return nil
}

func hours(d time.Duration) string { return fmt.Sprintf("%gh", d.Hours()) }
