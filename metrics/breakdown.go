package metrics

import "slices"

// Group is one line of a breakdown: a key (a creator or a platform) and the roll-up of
// its posts.
type Group struct {
	Key     string
	Summary Summary
}

// ByCreator breaks the roll-up down by [Post.Creator], sorted by creator. Each group's
// figures divide that creator's sums.
func (s Summary) ByCreator() []Group { return s.groupBy(func(r *row) string { return r.creator }) }

// ByPlatform breaks the roll-up down by [Post.Platform], sorted by platform.
func (s Summary) ByPlatform() []Group { return s.groupBy(func(r *row) string { return r.platform }) }

func (s Summary) groupBy(key func(*row) string) []Group {
	idx := make(map[string]int)
	var groups []Group
	for i := range s.rows {
		k := key(&s.rows[i])
		j, ok := idx[k]
		if !ok {
			j = len(groups)
			idx[k] = j
			groups = append(groups, Group{Key: k, Summary: Summary{def: s.def, window: s.window}})
		}
		g := &groups[j].Summary
		if len(g.rows) == 0 {
			g.cost = s.rows[i].cost
		} else {
			// Same currency: Summarize checked it.
			g.cost, _ = g.cost.Add(s.rows[i].cost)
		}
		g.rows = append(g.rows, s.rows[i])
	}
	slices.SortFunc(groups, func(a, b Group) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	return groups
}
