package sla

import "time"

// Day numbers and wall-clock resolution.
//
// Internally a local date is a day number: days since 1970-01-01 in the proleptic
// Gregorian calendar. A wall-clock time is "wall seconds": seconds since 1970-01-01
// 00:00 on the wall clock, as if the zone were UTC. Instants are Unix seconds.

const (
	secPerMin = 60
	secPerDay = 86400
)

// daysFromCivil returns the day number of y-m-d (Howard Hinnant's algorithm).
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := int64((153*mp+2)/5 + d - 1)
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil. Within ±a million years of
// 1970 it uses Neri and Schneider's algorithm ("Euclidean affine functions and
// their application to calendar algorithms", 2022), in 32-bit arithmetic with
// constant divisors that compile to multiplications; the day walks of the clock
// call it once per day. Beyond that it falls back to Hinnant's.
func civilFromDays(z int64) (y int64, m, d int) {
	const (
		cycles = 2800                    // 400-year cycles moved so that the day number is unsigned
		shift  = 719468 + 146097*cycles  // day 0 of year 0 (March-based), moved
		years  = 400 * cycles            // the years that moves
		limit  = (1<<32-4)/4 - shift - 1 // 4n+3 must fit in 32 bits
	)
	if z >= -shift && z <= limit {
		n := uint32(z + shift)
		n1 := 4*n + 3
		c := n1 / 146097
		nc := n1 % 146097 / 4
		p := uint64(2939745) * uint64(4*nc+3)
		ny := uint32(p) / 2939745 / 4
		n3 := 2141*ny + 197913
		y = int64(100*c+uint32(p>>32)) - years
		m, d = int(n3>>16), int((n3&0xFFFF)/2141)+1
		if ny >= 306 {
			y++
			m -= 12
		}
		return y, m, d
	}
	return civilFromDaysSlow(z)
}

// civilFromDaysSlow is Howard Hinnant's civil_from_days, for every int64 day
// number whose year fits.
func civilFromDaysSlow(z int64) (y int64, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekdayOf returns the day of the week of a day number (1970-01-01 was a Thursday).
func weekdayOf(day int64) time.Weekday {
	w := (day + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// wallOf returns the local day number of t in loc and the wall seconds since that
// day's midnight.
func wallOf(t time.Time, loc *time.Location) (day int64, sec int64) {
	t = t.In(loc)
	y, m, d := t.Date()
	hh, mm, ss := t.Clock()
	return daysFromCivil(int64(y), int(m), d), int64(hh*3600 + mm*60 + ss)
}
