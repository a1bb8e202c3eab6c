package sla

import "slices"

// span is a half-open interval [lo, hi) of wall-clock seconds: since midnight in
// a rule, since the owning day's midnight in a calendar's day pieces.
type span struct{ lo, hi int32 }

// normalize sorts spans and merges overlapping and touching ones, dropping empty
// ones. It sorts s in place and reuses it.
func normalize(s []span) []span {
	slices.SortFunc(s, func(a, b span) int { return int(a.lo) - int(b.lo) })
	out := s[:0] // writes never overtake reads
	for _, x := range s {
		if x.hi <= x.lo {
			continue
		}
		if n := len(out); n > 0 && x.lo <= out[n-1].hi {
			if x.hi > out[n-1].hi {
				out[n-1].hi = x.hi
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// union returns the normalized union of a and b in a new slice.
func union(a, b []span) []span {
	out := make([]span, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	return normalize(out)
}

// subtract returns a minus b; both must be normalized.
func subtract(a, b []span) []span {
	var out []span
	j := 0
	for _, x := range a {
		lo := x.lo
		for j < len(b) && b[j].hi <= lo {
			j++
		}
		k := j
		for k < len(b) && b[k].lo < x.hi {
			if b[k].lo > lo {
				out = append(out, span{lo, b[k].lo})
			}
			if b[k].hi > lo {
				lo = b[k].hi
			}
			k++
		}
		if lo < x.hi {
			out = append(out, span{lo, x.hi})
		}
	}
	return out
}

// shift returns s moved by d minutes, in a new slice.
func shift(s []span, d int32) []span {
	out := make([]span, len(s))
	for i, x := range s {
		out[i] = span{x.lo + d, x.hi + d}
	}
	return out
}

func total(s []span) int64 {
	var n int64
	for _, x := range s {
		n += int64(x.hi - x.lo)
	}
	return n
}
