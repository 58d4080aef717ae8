package storage

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// maxReported is how many bad lines ValidateJSONL describes before it only
// counts them.
const maxReported = 10

// ValidateJSONL returns nil when every line read from r is a JSON object
// valid against the JSON Schema in the file at schemaPath (such as
// docs/post.schema.json), with formats such as date-time asserted. Otherwise
// it returns an error naming each bad line by its number (the first ten, then
// how many more), or the error met loading the schema or reading r. Empty
// input is valid; an empty line is not.
func ValidateJSONL(schemaPath string, r io.Reader) error {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(schemaPath)
	if err != nil {
		return fmt.Errorf("load schema %s: %w", schemaPath, err)
	}

	var errs []error
	bad := 0
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, readErr := br.ReadBytes('\n')
		if readErr != nil && readErr != io.EOF {
			return fmt.Errorf("read line %d: %w", n, readErr)
		}
		if readErr == io.EOF && len(line) == 0 {
			break
		}
		if err := validateLine(schema, line); err != nil {
			bad++
			if bad <= maxReported {
				errs = append(errs, fmt.Errorf("line %d: %w", n, err))
			}
		}
		if readErr == io.EOF {
			break
		}
	}
	if bad > maxReported {
		errs = append(errs, fmt.Errorf("and %d more bad lines", bad-maxReported))
	}
	return errors.Join(errs...)
}

// validateLine returns why line (with or without its line ending) is not a
// JSON value valid against schema, or nil.
func validateLine(schema *jsonschema.Schema, line []byte) error {
	line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
	if len(bytes.TrimSpace(line)) == 0 {
		return errors.New("empty line")
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return schema.Validate(v)
}
