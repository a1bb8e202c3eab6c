package sla_test

import (
	"fmt"
	"time"

	"github.com/creatorops/creatorops/sla"
)

// A creator in Los Angeles who works afternoons and evenings sends a draft on a
// Friday evening. The brand in New York answers within 1 business day, and its
// 48-hour approval window does not count its quiet weekend; the creator then
// has 2 business days for the revision.
func Example() {
	brand := sla.MustNewCalendar(sla.CalendarSpec{
		TimeZone: "America/New_York",
		Quiet:    []string{"sat-sun"},
		Holidays: []string{"2026-12-24 09:00-13:00", "2026-12-25"},
	})
	creator := sla.MustNewCalendar(sla.CalendarSpec{
		TimeZone: "America/Los_Angeles",
		Hours:    []string{"mon-fri 14:00-22:00"},
		Quiet:    []string{"daily 23:00-10:00"},
	})

	draftIn := time.Date(2026, 12, 4, 19, 30, 0, 0, creator.Location()) // a Friday evening
	reply := brand.Due(draftIn, sla.BusinessDays(1))
	approve := brand.Due(draftIn, sla.Hours(48))
	fmt.Println("draft in:     ", draftIn.Format("Mon Jan 2 15:04 MST"))
	fmt.Println("brand replies:", reply.Format("Mon Jan 2 15:04 MST"))
	fmt.Println("approval due: ", approve.Format("Mon Jan 2 15:04 MST"))
	fmt.Println("creator sees: ", approve.In(creator.Location()).Format("Mon Jan 2 15:04 MST"))
	fmt.Println("revision due: ", creator.Due(approve, sla.BusinessDays(2)).Format("Mon Jan 2 15:04 MST"))
	// Output:
	// draft in:      Fri Dec 4 19:30 PST
	// brand replies: Mon Dec 7 17:00 EST
	// approval due:  Tue Dec 8 22:30 EST
	// creator sees:  Tue Dec 8 19:30 PST
	// revision due:  Thu Dec 10 19:30 PST
}

func ExampleNewCalendar() {
	cal, err := sla.NewCalendar(sla.CalendarSpec{
		TimeZone:  "Europe/London",
		Hours:     []string{"mon-fri 09:00-12:30, 13:30-17:30", "daily 22:00-02:00"},
		Holidays:  []string{"2026-12-24 09:00-13:00", "2026-12-25..2026-12-28"},
		Quiet:     []string{"sat-sun"},
		Scheduled: []string{"2026-12-05 10:00-12:00"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cal.Spec().Hours)
	sat := time.Date(2026, 12, 5, 11, 0, 0, 0, cal.Location())
	fmt.Println("Saturday 11:00 working:", cal.IsWorking(sat), "quiet:", cal.IsQuiet(sat))
	fmt.Println("Saturday 13:00 quiet:", cal.IsQuiet(sat.Add(2*time.Hour)))

	_, err = sla.NewCalendar(sla.CalendarSpec{TimeZone: "Europe/London", Hours: []string{"mon-fry 09:00-17:00"}})
	fmt.Println(err)
	// Output:
	// [mon-fri 09:00-12:30, 13:30-17:30 daily 22:00-02:00]
	// Saturday 11:00 working: true quiet: false
	// Saturday 13:00 quiet: true
	// sla: calendar spec: hours[0]: parse hours "mon-fry 09:00-17:00": unknown day "fry" (want mon..sun, a range mon-fri, a list sat,sun, or daily)
}

// Business hours: the earliest instant at which that much working time lies
// between start and the deadline. Landing on a closing time returns it.
func ExampleCalendar_Due_businessHours() {
	cal := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York"}) // mon-fri 09:00-17:00
	mon := time.Date(2026, 3, 2, 9, 0, 0, 0, cal.Location())
	fmt.Println(cal.Due(mon, sla.BusinessHours(8)).Format("Mon 15:04"))
	fmt.Println(cal.Due(mon.Add(7*time.Hour), sla.BusinessHours(2)).Format("Mon 15:04"))
	// Output:
	// Mon 17:00
	// Tue 10:00
}

// Business days keep the working offset into the day: a message at Monday 10:00
// is due Tuesday 10:00. A start outside working time counts from the next
// opening, and a half day ends early.
func ExampleCalendar_Due_businessDays() {
	cal := sla.MustNewCalendar(sla.CalendarSpec{
		TimeZone: "America/New_York",
		Holidays: []string{"2026-12-24 09:00-13:00", "2026-12-25"},
	})
	loc := cal.Location()
	for _, s := range []time.Time{
		time.Date(2026, 12, 14, 10, 0, 0, 0, loc), // Mon 10:00
		time.Date(2026, 12, 18, 16, 0, 0, 0, loc), // Fri 16:00
		time.Date(2026, 12, 18, 18, 0, 0, 0, loc), // Fri 18:00, after hours
		time.Date(2026, 12, 23, 15, 0, 0, 0, loc), // Wed 15:00, before the half day
		time.Date(2026, 12, 24, 12, 0, 0, 0, loc), // Thu 12:00, over Christmas
	} {
		fmt.Println(s.Format("Mon Jan 2 15:04"), "→", cal.Due(s, sla.BusinessDays(1)).Format("Mon Jan 2 15:04"))
	}
	// Output:
	// Mon Dec 14 10:00 → Tue Dec 15 10:00
	// Fri Dec 18 16:00 → Mon Dec 21 16:00
	// Fri Dec 18 18:00 → Mon Dec 21 17:00
	// Wed Dec 23 15:00 → Thu Dec 24 13:00
	// Thu Dec 24 12:00 → Mon Dec 28 12:00
}

// Hours are real elapsed time that is not quiet: with a quiet weekend, 48 hours
// from Friday noon end on Tuesday noon.
func ExampleCalendar_Due_hours() {
	cal := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Quiet: []string{"sat-sun"}})
	fri := time.Date(2026, 2, 27, 12, 0, 0, 0, cal.Location())
	fmt.Println(cal.Due(fri, sla.Hours(48)).Format("Mon 15:04"))
	// Output:
	// Tue 12:00
}

// Days keep the wall-clock time, across DST too; a deadline that falls in quiet
// time moves to the end of that quiet stretch.
func ExampleCalendar_Due_days() {
	cal := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York", Quiet: []string{"sat-sun"}})
	loc := cal.Location()
	posted := time.Date(2026, 3, 5, 18, 0, 0, 0, loc) // Thursday, EST
	fmt.Println(cal.Due(posted, sla.Days(7)).Format("Mon Jan 2 15:04 MST"))
	fmt.Println(cal.Due(posted, sla.Days(2)).Format("Mon Jan 2 15:04 MST"))
	// Output:
	// Thu Mar 12 18:00 EDT
	// Mon Mar 9 00:00 EDT
}

// Working time counts only the calendar's working hours. From Friday 15:00 to
// Tuesday 11:00 in New York, on Mon–Fri 09:00–17:00 with a quiet weekend, it is
// 2 h on Friday, 8 h on Monday and 2 h on Tuesday: 12 h, across the weekend of
// the change to summer time. A closed day counts nothing and a half day counts
// only its hours.
func ExampleCalendar_WorkingTime() {
	cal := sla.MustNewCalendar(sla.CalendarSpec{
		TimeZone: "America/New_York",
		Hours:    []string{"mon-fri 09:00-17:00"},
		Quiet:    []string{"sat-sun"},
	})
	loc := cal.Location()
	fri := time.Date(2026, 3, 6, 15, 0, 0, 0, loc)  // Friday, EST
	tue := time.Date(2026, 3, 10, 11, 0, 0, 0, loc) // Tuesday, EDT
	fmt.Println("Fri 15:00 to Tue 11:00:", cal.WorkingTime(fri, tue))

	// The same calendar, with Christmas Eve a half day and Christmas closed.
	xmas := sla.MustNewCalendar(sla.CalendarSpec{
		TimeZone: "America/New_York",
		Hours:    []string{"mon-fri 09:00-17:00"},
		Quiet:    []string{"sat-sun"},
		Holidays: []string{"2026-12-24 09:00-13:00", "2026-12-25"},
	})
	wed := time.Date(2026, 12, 23, 15, 0, 0, 0, loc) // Wednesday
	mon := time.Date(2026, 12, 28, 11, 0, 0, 0, loc) // Monday
	fmt.Println("Wed 15:00 to Mon 11:00:", xmas.WorkingTime(wed, mon))
	fmt.Println("Thu Dec 24 (half day): ", xmas.WorkingTime(time.Date(2026, 12, 24, 0, 0, 0, 0, loc), time.Date(2026, 12, 25, 0, 0, 0, 0, loc)))
	fmt.Println("Fri Dec 25 (closed):   ", xmas.WorkingTime(time.Date(2026, 12, 25, 0, 0, 0, 0, loc), time.Date(2026, 12, 26, 0, 0, 0, 0, loc)))
	// Output:
	// Fri 15:00 to Tue 11:00: 12h0m0s
	// Wed 15:00 to Mon 11:00: 8h0m0s
	// Thu Dec 24 (half day):  4h0m0s
	// Fri Dec 25 (closed):    0s
}

func ExampleParseWindow() {
	for _, s := range []string{"48h", "1 Business Day", "8bh", "7 days", "3 fortnights"} {
		w, err := sla.ParseWindow(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-14q → %v\n", s, w)
	}
	// Output:
	// "48h"          → 48 hours
	// "1 Business Day" → 1 business day
	// "8bh"          → 8 business hours
	// "7 days"       → 7 days
	// sla: parse window "3 fortnights": unknown unit "fortnights": want hours, days, business hours or business days
}

// When are a brand in New York and a creator in Los Angeles who starts at noon
// both at work? And what is the first hour they can meet after Friday 16:30?
func ExampleOverlap() {
	brand := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/New_York"})
	creator := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "America/Los_Angeles", Hours: []string{"mon-fri 12:00-20:00"}})
	mon := time.Date(2026, 3, 2, 0, 0, 0, 0, brand.Location())
	spans, _ := sla.Overlap(mon, mon.Add(48*time.Hour), brand, creator)
	for _, s := range spans {
		fmt.Println(s.Start.Format("Mon 15:04"), "–", s.End.Format("15:04 MST"), "=", s.Duration())
	}
	slot, err := sla.NextOverlap(time.Date(2026, 3, 6, 16, 30, 0, 0, brand.Location()), time.Hour, brand, creator)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("next 1h call:", slot.Start.Format("Mon Jan 2 15:04 MST"))
	// Output:
	// Mon 15:00 – 17:00 EST = 2h0m0s
	// Tue 15:00 – 17:00 EST = 2h0m0s
	// next 1h call: Mon Mar 9 15:00 EDT
}

func ExampleCalendar_NextContact() {
	creator := sla.MustNewCalendar(sla.CalendarSpec{TimeZone: "Asia/Kolkata", Quiet: []string{"daily 21:00-08:00"}})
	// A reminder the brand in New York wants to send at 14:00 its time.
	send := time.Date(2026, 3, 2, 14, 0, 0, 0, time.FixedZone("EST", -5*3600))
	fmt.Println(creator.NextContact(send).Format("Mon 15:04 MST"))
	// Output:
	// Tue 08:00 IST
}
