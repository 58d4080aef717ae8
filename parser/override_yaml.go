package parser

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SelectorsYAML returns the built-in selector table of the named engine in
// the format LoadOverrides reads: every field as a list of alternatives
// (empty ones as []), so the output, loaded back, gives the same table.
func SelectorsYAML(engine string) ([]byte, error) {
	var e *Engine
	var known []string
	for _, b := range BuiltinEngines() {
		known = append(known, b.Name)
		if b.Name == engine {
			e = b
		}
	}
	if e == nil {
		return nil, fmt.Errorf("unknown engine %q (known: %s)", engine, strings.Join(known, ", "))
	}
	table := &yaml.Node{Kind: yaml.MappingNode}
	v := reflect.ValueOf(e.Selectors)
	for _, name := range selectorFieldNames() {
		table.Content = append(table.Content, yamlString(name), yamlList(v.Field(selectorFields[name]).Interface().(Rule)))
	}
	extra := &yaml.Node{Kind: yaml.MappingNode}
	if len(e.Selectors.Extra) == 0 {
		extra.Style = yaml.FlowStyle
	}
	for _, name := range slices.Sorted(maps.Keys(e.Selectors.Extra)) {
		extra.Content = append(extra.Content, yamlString(name), yamlList(e.Selectors.Extra[name]))
	}
	table.Content = append(table.Content, yamlString("extra"), extra)
	root := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{yamlString(engine), table}}
	root.HeadComment = fmt.Sprintf(`The built-in selector table of the %s engine (forumcrawl selectors %s).
Edit a copy and load it with --selectors FILE. A field's list of alternatives
(tried in order) replaces the built-in rule; {prepend: [...]} or {append: [...]}
adds alternatives before or after it. Keep only the fields you change. Put an
engine's table under "sites: {forum.example.com: {...}}" to change only that host's pages.`, engine, engine)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// yamlString returns a string scalar node.
func yamlString(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// yamlList returns a rule as a list node: block style, or [] when empty.
func yamlList(r Rule) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	if len(r) == 0 {
		n.Style = yaml.FlowStyle
	}
	for _, a := range r {
		n.Content = append(n.Content, yamlString(a))
	}
	return n
}
