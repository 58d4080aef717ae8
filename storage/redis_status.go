package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// WorkerOutput is a worker's output mark, as a status report lists it.
type WorkerOutput struct {
	Host string     `json:"host"`
	Mark OutputMark `json:"mark"`
}

// WorkerLeases is how many requests a worker holds now.
type WorkerLeases struct {
	Worker string `json:"worker"`
	Leases int    `json:"leases"`
}

// Outputs returns the output marks of every worker of the crawl, by host and path.
func (s *RedisState) Outputs(ctx context.Context) ([]WorkerOutput, error) {
	var outs []WorkerOutput
	err := s.scanJSON(ctx, kOutputs, func(k, v string) error {
		host, _, _ := strings.Cut(k, "\n")
		var o OutputMark
		if err := json.Unmarshal([]byte(v), &o); err != nil {
			return fmt.Errorf("%w: output mark %q: %v", ErrStateCorrupt, k, err)
		}
		outs = append(outs, WorkerOutput{Host: host, Mark: o})
		return nil
	})
	sort.Slice(outs, func(i, j int) bool {
		if outs[i].Host != outs[j].Host {
			return outs[i].Host < outs[j].Host
		}
		return outs[i].Mark.Path < outs[j].Mark.Path
	})
	return outs, s.wrap("outputs", err)
}

// Leases returns the workers holding requests now (timed-out leases
// included until a worker returns them), with how many each holds.
func (s *RedisState) Leases(ctx context.Context) ([]WorkerLeases, error) {
	owners, err := s.rdb.HGetAll(ctx, s.keys[kOwner]).Result()
	if err != nil {
		return nil, s.wrap("leases", err)
	}
	count := map[string]int{}
	for _, o := range owners {
		_, w, _ := strings.Cut(o, " ")
		count[w]++
	}
	var ls []WorkerLeases
	for w, n := range count {
		ls = append(ls, WorkerLeases{Worker: w, Leases: n})
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].Worker < ls[j].Worker })
	return ls, nil
}
