package api

import "sync"

// cache holds values under a hash of the JSON they were built from, at most
// max of them (when full, an arbitrary one makes room). Its values are
// immutable and safe to share (compiled timelines, calendars), and the key is
// their content, so an entry is never stale and may serve any workspace that
// sends the same document.
type cache[K comparable, V any] struct {
	mu  *sync.Mutex
	m   map[K]V
	max int
}

func newCache[K comparable, V any](max int) cache[K, V] {
	return cache[K, V]{mu: new(sync.Mutex), m: make(map[K]V), max: max}
}

func (c cache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c cache[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; !ok && len(c.m) >= c.max {
		for old := range c.m {
			delete(c.m, old)
			break
		}
	}
	c.m[k] = v
}
