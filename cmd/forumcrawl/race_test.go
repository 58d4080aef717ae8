//go:build race

package main

// raceEnabled: the tests run under the race detector, which slows a crawl
// several times; the long end-to-end tests leave it to the plain run.
const raceEnabled = true
