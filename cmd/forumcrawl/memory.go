package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// defaultMemoryLimit is the crawl's default soft memory limit. The
// multilingual date parser keeps about 30 MB of locale tables live, which
// doubles into the garbage collector's default goal; with this limit a crawl
// of 8 pages in flight stays under 100 MB of RSS for about 8% more CPU.
const defaultMemoryLimit = "80MiB"

// memoryLimitUsage documents the --memory-limit flag.
const memoryLimitUsage = "soft memory limit for the Go runtime, e.g. 80MiB, 1GiB; 0 for none (GOMEMLIMIT, when set, wins)"

// applyMemoryLimit sets the runtime's soft memory limit from the flag's
// value, unless the GOMEMLIMIT environment variable already set one.
func applyMemoryLimit(s string) error {
	if os.Getenv("GOMEMLIMIT") != "" {
		return nil
	}
	n, err := parseBytes(s)
	if err != nil {
		return fmt.Errorf("--memory-limit %q: %w", s, err)
	}
	if n > 0 {
		debug.SetMemoryLimit(n)
	}
	return nil
}

// parseBytes returns the byte count of "80MiB", "512KiB", "1GiB", "100MB" or a plain number.
func parseBytes(s string) (int64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("want a size such as 80MiB or 0")
	}
	return n * mult, nil
}
