package main

import (
	"context"
	"fmt"
	"io"
)

// runDemo is filled in once forumsim lands.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "demo: not yet")
	return exitUsage
}
