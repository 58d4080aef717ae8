package scraper

import (
	"maps"
	"strings"
	"testing"
)

func TestFailureAdviceSaysWhatToDo(t *testing.T) {
	tests := []struct {
		name string
		f    Failure
		want string
	}{
		{"too many requests asks for a larger delay", Failure{Status: 429, Kind: "http"}, "--delay"},
		{"unavailable asks for a larger delay", Failure{Status: 503, Kind: "http"}, "--delay"},
		{"forbidden speaks of login and cookies", Failure{Status: 403, Kind: "http"}, "cookies"},
		{"not found says the page is gone", Failure{Status: 404, Kind: "http"}, "gone"},
		{"a server error says re-run later", Failure{Status: 500, Kind: "http"}, "re-run later"},
		{"a timeout names --timeout", Failure{Kind: "timeout"}, "--timeout"},
		{"a network error says check the host", Failure{Kind: "network"}, "check the host"},
		{"a body too large says it was not kept", Failure{Kind: "too_large"}, "not kept"},
		{"anything else says re-run", Failure{Kind: "other"}, "re-run"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Advice(); !strings.Contains(got, tt.want) {
				t.Errorf("Advice() = %q, want it to say %q", got, tt.want)
			}
		})
	}
}

func TestSummaryCountsByKindAndReason(t *testing.T) {
	s := Summary{
		Failed:   []Failure{{Kind: "http"}, {Kind: "http"}, {Kind: "timeout"}, {}},
		NotForum: 2, EmptyThreads: 0, Repeated: 1,
		Skipped: []Skip{{Reason: "robots"}, {Reason: "robots"}, {Reason: "robots"}, {Reason: "challenge"}},
	}
	if got, want := s.FailedByKind(), map[string]int{"http": 2, "timeout": 1, "other": 1}; !maps.Equal(got, want) {
		t.Errorf("FailedByKind() = %v, want %v", got, want)
	}
	if got, want := s.SkippedByReason(), map[string]int{"robots": 3, "challenge": 1, SkipRepeated: 1, SkipNotForum: 2}; !maps.Equal(got, want) {
		t.Errorf("SkippedByReason() = %v, want %v (no empty_thread entry for zero)", got, want)
	}
}
