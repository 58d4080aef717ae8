package storage

import (
	"fmt"
	"time"
)

// Halt stops the writer at once, for a process about to exit without its
// normal shutdown (a second Ctrl-C): it waits at most timeout for a page
// being written to finish, then refuses every later write, so the file ends
// at a whole line when the process exits. It closes the file without syncing
// it (the lines are with the operating system already).
//
// It returns an error when the page in progress did not finish within
// timeout; the file may then end in half a line, and the caller should say so.
func (w *JSONLWriter) Halt(timeout time.Duration) error {
	locked := make(chan struct{})
	go func() {
		w.mu.Lock()
		close(locked)
	}()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-locked:
	case <-t.C:
		return fmt.Errorf("halt %s: a page was still being written after %s", w.path, timeout)
	}
	// The lock stays held: nothing may be written between Halt and the exit.
	w.closed = true
	if w.f != nil && w.path != "-" {
		w.f.Close()
	}
	return nil
}
