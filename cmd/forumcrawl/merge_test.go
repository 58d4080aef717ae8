package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMergeCommand(t *testing.T) {
	dir := t.TempDir()
	a, b, out := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "all.jsonl")
	p1 := `{"site":"s","post":{"id":"1"},"revision":0}` + "\n"
	p2 := `{"site":"s","post":{"id":"2"},"revision":0}` + "\n"
	os.WriteFile(a, []byte(p1+p2), 0o644)
	os.WriteFile(b, []byte(p2+p1+`{"site":"s","po`), 0o644)

	code, _, stderr := runCmd(t, "merge", "-o", out, a, b)
	if code != exitOK {
		t.Fatalf("merge exited %d: %s", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != p1+p2 {
		t.Errorf("merged file:\n%s\nwant each post once:\n%s", got, p1+p2)
	}
	for _, want := range []string{"4 records read, 2 written, 2 duplicates", "torn line"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	code, stdout, _ := runCmd(t, "merge", "-o", "-", a)
	if code != exitOK || stdout != p1+p2 {
		t.Errorf("merge to stdout gave %d, %q", code, stdout)
	}

	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(p1+"garbage\n"), 0o644)
	tests := []struct {
		name    string
		args    []string
		message string
	}{
		{"no output", []string{"merge", a}, "-o FILE is required"},
		{"no inputs", []string{"merge", "-o", out}, "no input files"},
		{"output is an input", []string{"merge", "-o", a, a, b}, "also an input"},
		{"missing input", []string{"merge", "-o", out, filepath.Join(dir, "nope.jsonl")}, "nope.jsonl"},
		{"bad line", []string{"merge", "-o", filepath.Join(dir, "x.jsonl"), bad}, "bad.jsonl line 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.message) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.message)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.jsonl")); !os.IsNotExist(err) {
		t.Error("a failed merge left its output behind")
	}
	if got, _ := os.ReadFile(a); string(got) != p1+p2 {
		t.Error("merging onto an input changed it")
	}
}
