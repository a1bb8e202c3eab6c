package sla

import (
	"sync"
	"time"
)

// Zones loads each IANA time zone once and shares it between the calendars it
// builds. [NewCalendar] reads the zone's rules from the system (or the embedded
// tzdata) every time, which is most of what building a plain calendar costs; a
// platform that builds thousands of calendars in a few dozen zones, say every
// creator's and brand's calendar from its database, builds them with one Zones.
//
// The zero Zones is ready to use. A Zones is safe for concurrent use. It holds
// only zones that loaded, each once, so it never holds more than the zone
// database's few hundred names, whatever names it is asked for.
type Zones struct {
	m sync.Map // name → *time.Location
}

// Load returns the location named name, loading it on first use. Like
// [NewCalendar] it refuses "" and "Local" (a calendar names its zone); its
// error for an unknown name is a *[FieldError] at "time_zone", wrapping
// [ErrInvalid], as NewCalendar reports it.
func (z *Zones) Load(name string) (*time.Location, error) {
	if v, ok := z.m.Load(name); ok {
		return v.(*time.Location), nil
	}
	if err := zoneNameProblem(name); err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, unknownZone(name)
	}
	v, _ := z.m.LoadOrStore(name, loc)
	return v.(*time.Location), nil
}

// NewCalendar is [NewCalendar] with the zone taken from z: the same
// validation, the same errors, the same calendar.
func (z *Zones) NewCalendar(spec CalendarSpec) (*Calendar, error) {
	return newCalendar(spec, z.Load)
}

// DecodeCalendar is [DecodeCalendar] with the zone taken from z: the same
// strict reading, the same errors, the same calendar.
func (z *Zones) DecodeCalendar(data []byte) (*Calendar, error) {
	_, c, err := decodeCalendar(data, z.Load)
	return c, err
}
