package storage

// Seen remembers which record keys (see Record.Key) have been written, so a
// post met again on a re-fetched or shifted page is written once.
//
// Implementations need not be safe for concurrent use: JSONLWriter calls them
// under its own lock.
type Seen interface {
	// Seen reports whether key was added before.
	Seen(key string) bool
	// Add remembers key.
	Add(key string)
}

// MemorySeen is a Seen kept in memory; it forgets everything when the process
// ends. Its zero value is not ready for use: call NewMemorySeen.
type MemorySeen struct {
	keys map[string]struct{}
}

// NewMemorySeen returns an empty in-memory Seen.
func NewMemorySeen() *MemorySeen {
	return &MemorySeen{keys: make(map[string]struct{})}
}

// Seen reports whether key was added before.
func (m *MemorySeen) Seen(key string) bool {
	_, ok := m.keys[key]
	return ok
}

// Add remembers key.
func (m *MemorySeen) Add(key string) { m.keys[key] = struct{}{} }

// Len returns the number of keys remembered.
func (m *MemorySeen) Len() int { return len(m.keys) }

// NopSeen remembers nothing: every record is written. It is the Seen of a
// writer whose caller decides what is new, as a crawl with a State does.
type NopSeen struct{}

// Seen reports false.
func (NopSeen) Seen(string) bool { return false }

// Add does nothing.
func (NopSeen) Add(string) {}
