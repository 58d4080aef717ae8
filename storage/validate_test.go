package storage

import (
	"bytes"
	"strings"
	"testing"
)

func TestValidateJSONL(t *testing.T) {
	good := string(writtenLine(t, sampleRecord()))
	guest := string(writtenLine(t, guestRecord()))
	bad := string(edited(t, func(_, _, author map[string]any) { author["messages"] = "10,291" })) + "\n"
	tests := []struct {
		name    string
		schema  string
		input   string
		wantErr []string // substrings of the error; none when the input is valid
		notErr  []string // substrings the error must not have
	}{
		{name: "lines written by JSONLWriter pass", input: good + guest},
		{name: "empty input passes", input: ""},
		{name: "a last line without a newline passes", input: good + strings.TrimSuffix(guest, "\n")},
		{name: "lines ending in CRLF pass", input: strings.ReplaceAll(good+guest, "\n", "\r\n")},
		{
			name:    "a bad record is named by its line number",
			input:   good + bad + guest,
			wantErr: []string{"line 2: ", "/author/messages"},
			notErr:  []string{"line 1:", "line 3:"},
		},
		{name: "a line that is not JSON is named", input: good + "{\"site\":\n", wantErr: []string{"line 2: not JSON"}},
		{name: "an empty line is named", input: good + "\n" + guest, wantErr: []string{"line 2: empty line"}},
		{
			name:    "past ten bad lines the rest are only counted",
			input:   strings.Repeat(bad, 12),
			wantErr: []string{"line 1: ", "line 10: ", "and 2 more bad lines"},
			notErr:  []string{"line 11:"},
		},
		{name: "a missing schema file is an error", schema: "missing.schema.json", input: good, wantErr: []string{"load schema missing.schema.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			schema := tt.schema
			if schema == "" {
				schema = schemaPath
			}
			err := ValidateJSONL(schema, bytes.NewBufferString(tt.input))
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Errorf("valid input rejected: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("invalid input accepted")
			}
			for _, s := range tt.wantErr {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error does not mention %q:\n%v", s, err)
				}
			}
			for _, s := range tt.notErr {
				if strings.Contains(err.Error(), s) {
					t.Errorf("error mentions %q:\n%v", s, err)
				}
			}
		})
	}
}
