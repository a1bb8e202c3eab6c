package api

// For the tests of package api_test: the rewriting of public_holidays and the
// calendars it looks at.
var (
	ExpandHolidays    = expandHolidays
	DeadlineCalendars = deadlineCalendars
	PlanCalendars     = planCalendars
	JSONObjectMembers = func(raw []byte) ([]string, []string, bool) {
		ms, ok := members(raw)
		keys, vals := make([]string, len(ms)), make([]string, len(ms))
		for i, m := range ms {
			keys[i], vals[i] = m.key, string(m.raw)
		}
		return keys, vals, ok
	}
)
