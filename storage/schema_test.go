package storage

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const (
	schemaPath = "../docs/post.schema.json"
	docPath    = "../docs/schema.md"
)

// loadSchema returns the compiled record schema, with formats asserted.
func loadSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// docExample returns the first ```json block of docs/schema.md.
func docExample(t *testing.T) []byte {
	t.Helper()
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := bytes.Cut(doc, []byte("```json\n"))
	if !ok {
		t.Fatalf("%s has no ```json block", docPath)
	}
	block, _, ok := bytes.Cut(rest, []byte("\n```"))
	if !ok {
		t.Fatalf("%s: the ```json block does not end", docPath)
	}
	return block
}

// decodeAny returns the JSON value of b as the validator reads it.
func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// marshal returns the JSON encoding of v, failing the test on error.
func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writtenLine returns the line JSONLWriter writes for r.
func writtenLine(t *testing.T, r Record) []byte {
	t.Helper()
	w := openTemp(t, JSONLOptions{})
	if _, err := w.WritePage([]Record{r}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(w.Path())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edited returns the sample record as JSON after edit changed its decoded form.
func edited(t *testing.T, edit func(rec, post, author map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(marshal(t, sampleRecord()), &m); err != nil {
		t.Fatal(err)
	}
	edit(m, m["post"].(map[string]any), m["author"].(map[string]any))
	return marshal(t, m)
}

func TestSchemaAcceptsRecordsAndRejectsBrokenOnes(t *testing.T) {
	schema := loadSchema(t)
	tests := []struct {
		name    string
		json    []byte
		wantErr string // "" when the record is valid
	}{
		{name: "a full record marshalled from Go passes", json: marshal(t, sampleRecord())},
		{name: "the example in schema.md passes", json: docExample(t)},
		{name: "a record with nothing optional shown passes as written", json: writtenLine(t, guestRecord())},
		{
			name:    "a record without post.id fails",
			json:    edited(t, func(_, post, _ map[string]any) { delete(post, "id") }),
			wantErr: "missing property 'id'",
		},
		{
			name:    "messages as the displayed string fails",
			json:    edited(t, func(_, _, author map[string]any) { author["messages"] = "10,291" }),
			wantErr: "/author/messages",
		},
		{
			name:    "posted_at as the displayed date fails",
			json:    edited(t, func(_, post, _ map[string]any) { post["posted_at"] = "Dec 26, 2021" }),
			wantErr: "/post/posted_at",
		},
		{
			name:    "joined with a time of day fails",
			json:    edited(t, func(_, _, author map[string]any) { author["joined"] = "2013-06-23T00:00:00Z" }),
			wantErr: "/author/joined",
		},
		{
			name:    "a list written as null fails",
			json:    edited(t, func(_, post, _ map[string]any) { post["quotes"] = nil }),
			wantErr: "/post/quotes",
		},
		{
			name:    "a field not documented fails",
			json:    edited(t, func(_, post, _ map[string]any) { post["likes"] = 3 }),
			wantErr: "additional properties 'likes'",
		},
		{
			name:    "another schema version fails",
			json:    edited(t, func(rec, _, _ map[string]any) { rec["schema_version"] = 2 }),
			wantErr: "/schema_version",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := schema.Validate(decodeAny(t, tt.json))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("valid record rejected: %v\n%s", err, tt.json)
			case tt.wantErr != "" && err == nil:
				t.Errorf("broken record accepted:\n%s", tt.json)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestDocExampleHasExactlyTheFieldsOfRecord(t *testing.T) {
	example := docExample(t)
	var r Record
	dec := json.NewDecoder(bytes.NewReader(example))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("the example in %s is not a Record: %v", docPath, err)
	}
	// Written back, the record must say the same: no field of Record is
	// missing from the example.
	var want, got any
	if err := json.Unmarshal(example, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(writtenLine(t, r), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the example in %s changes when written as a Record:\ngot  %s\nwant %s", docPath, marshal(t, got), marshal(t, want))
	}
}

// optionalFields are the record's only keys that may be absent.
var optionalFields = []string{"extra"}

func TestSchemaRequiresAndDocumentsEveryField(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(readFile(t, schemaPath), &schema); err != nil {
		t.Fatal(err)
	}
	doc := string(readFile(t, docPath))
	defs, _ := schema["$defs"].(map[string]any)

	var walk func(path string, s map[string]any)
	walk = func(path string, s map[string]any) {
		if ref, ok := s["$ref"].(string); ok {
			def, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
			if !ok {
				t.Fatalf("%s: unknown $ref %s", path, ref)
			}
			s = def
		}
		if items, ok := s["items"].(map[string]any); ok {
			walk(path+"[]", items)
		}
		props, ok := s["properties"].(map[string]any)
		if !ok {
			return
		}
		var required []string
		for _, k := range s["required"].([]any) {
			required = append(required, k.(string))
		}
		for name, sub := range props {
			field := strings.TrimPrefix(path+"."+name, ".")
			if !slices.Contains(required, name) && !slices.Contains(optionalFields, field) {
				t.Errorf("%s is not required", field)
			}
			if !strings.Contains(doc, "| `"+field+"` |") {
				t.Errorf("%s is not in a table of %s", field, docPath)
			}
			walk(field, sub.(map[string]any))
		}
	}
	walk("", schema)
}

// readFile returns the content of the file at path, failing the test on error.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
