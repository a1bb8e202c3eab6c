package sla

import "testing"

var sinkY int64
var sinkM, sinkD int

func BenchmarkCivilFromDays(b *testing.B) {
	d := int64(20000)
	for b.Loop() {
		y, m, dd := civilFromDays(d)
		sinkY += y
		sinkM += m
		sinkD += dd
		d++
	}
}

func TestCivilFromDaysFastMatchesSlow(t *testing.T) {
	check := func(z int64) {
		y, m, d := civilFromDays(z)
		sy, sm, sd := civilFromDaysSlow(z)
		if y != sy || m != sm || d != sd {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d, want %d-%d-%d", z, y, m, d, sy, sm, sd)
		}
		if back := daysFromCivil(y, m, d); back != z {
			t.Fatalf("daysFromCivil(civilFromDays(%d)) = %d", z, back)
		}
	}
	// Every day of years -1000..11000, and the edges of the fast range.
	for z := daysFromCivil(-1000, 1, 1); z <= daysFromCivil(11000, 1, 1); z++ {
		check(z)
	}
	for _, z := range []int64{-719468 - 146097*2800, -719468 - 146097*2800 - 1, (1<<32-4)/4 - 719468 - 146097*2800 - 1, (1<<32-4)/4 - 719468 - 146097*2800, 1 << 40, -(1 << 40)} {
		check(z)
	}
}
