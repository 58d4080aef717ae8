package parser

import (
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Overrides are a user's changes to the engines' selector tables, for a
// forum whose custom skin the built-in rules miss. LoadOverrides reads them
// from YAML:
//
//	xenforo2:                       # an engine's name
//	  post: ["article.entry"]       # a list replaces the built-in rule
//	  author_name:
//	    prepend: [".entry-author"]  # tried before the built-in alternatives
//	  extra:
//	    rank: {append: [".rank"]}   # after them
//	sites:
//	  forum.example.com:            # only for pages of this host
//	    xenforo2:
//	      post_body: [".entry-text"]
//
// Fields are the yaml names of Selectors' fields (SelectorsYAML prints an
// engine's whole table in this format). Site-keyed changes apply after the
// ones for every site. The nil *Overrides changes nothing.
type Overrides struct {
	all   map[string]tableEdit            // by engine name, for every site
	sites map[string]map[string]tableEdit // by lower-case host, then engine name
}

// tableEdit is the changes to one engine's table.
type tableEdit struct {
	fields map[string]ruleEdit // by yaml field name
	extra  map[string]ruleEdit // by extra value name
}

// ruleEdit is the change to one rule: a replacement and/or alternatives
// added before and after it.
type ruleEdit struct {
	replace          bool
	alts             Rule
	prepend, appends Rule
}

// apply returns old changed by the edit, as a new slice (nil when empty).
func (r ruleEdit) apply(old Rule) Rule {
	base := old
	if r.replace {
		base = r.alts
	}
	out := slices.Concat(r.prepend, base, r.appends)
	if len(out) == 0 {
		return nil
	}
	return out
}

// selectorFields maps the yaml name of each Rule field of Selectors to its index.
var selectorFields = func() map[string]int {
	m := map[string]int{}
	t := reflect.TypeFor[Selectors]()
	for i := range t.NumField() {
		if t.Field(i).Type == reflect.TypeFor[Rule]() {
			m[t.Field(i).Tag.Get("yaml")] = i
		}
	}
	return m
}()

// selectorFieldNames returns the yaml names of Selectors' Rule fields in table order.
func selectorFieldNames() []string {
	names := slices.Collect(maps.Keys(selectorFields))
	slices.SortFunc(names, func(a, b string) int { return selectorFields[a] - selectorFields[b] })
	return names
}

// LoadOverrides reads selector overrides from YAML (see Overrides). An
// unknown engine or field, a bad CSS selector or regexp, or a value of the
// wrong shape is an error that names its line. An empty document is no override.
func LoadOverrides(data []byte) (*Overrides, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err // yaml's errors name the line
	}
	o := &Overrides{all: map[string]tableEdit{}, sites: map[string]map[string]tableEdit{}}
	if len(doc.Content) == 0 {
		return o, nil
	}
	var known []string
	for _, e := range BuiltinEngines() {
		known = append(known, e.Name)
	}
	err := pairs(doc.Content[0], "the file", func(k, v *yaml.Node) error {
		if k.Value == "sites" {
			return pairs(v, "sites", func(hk, hv *yaml.Node) error {
				host := strings.ToLower(hk.Value)
				if host == "" || strings.ContainsAny(host, "/ ") {
					return errAt(hk, "sites: %q is not a host name (want e.g. forum.example.com)", hk.Value)
				}
				if _, dup := o.sites[host]; dup {
					return errAt(hk, "sites: %q given twice", host)
				}
				o.sites[host] = map[string]tableEdit{}
				return pairs(hv, "sites."+host, func(ek, ev *yaml.Node) error {
					t, err := loadTable(ek, ev, known, "sites."+host+".")
					o.sites[host][ek.Value] = t
					return err
				})
			})
		}
		t, err := loadTable(k, v, known, "")
		o.all[k.Value] = t
		return err
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// loadTable reads the changes to the table of the engine named by k.
func loadTable(k, v *yaml.Node, known []string, where string) (tableEdit, error) {
	name := k.Value
	if !slices.Contains(known, name) {
		return tableEdit{}, errAt(k, "%sunknown engine %q (known: %s)", where, name, strings.Join(known, ", "))
	}
	t := tableEdit{fields: map[string]ruleEdit{}, extra: map[string]ruleEdit{}}
	where += name
	err := pairs(v, where, func(fk, fv *yaml.Node) error {
		field := fk.Value
		if field == "extra" {
			return pairs(fv, where+".extra", func(xk, xv *yaml.Node) error {
				r, err := loadEdit(xv, where+".extra."+xk.Value)
				t.extra[xk.Value] = r
				return err
			})
		}
		if _, ok := selectorFields[field]; !ok {
			msg := fmt.Sprintf("%s: unknown field %q", where, field)
			if near := ClosestName(field, append(selectorFieldNames(), "extra"), len(field)/3); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			return errAt(fk, "%s", msg)
		}
		r, err := loadEdit(fv, where+"."+field)
		t.fields[field] = r
		return err
	})
	return t, err
}

// loadEdit reads one rule's change: a list of alternatives (or one string),
// or a map with prepend and/or append lists. Each alternative must compile.
func loadEdit(v *yaml.Node, where string) (ruleEdit, error) {
	var r ruleEdit
	var err error
	switch v.Kind {
	case yaml.SequenceNode, yaml.ScalarNode:
		r.replace = true
		r.alts, err = loadAlts(v, where)
	case yaml.MappingNode:
		err = pairs(v, where, func(k, lv *yaml.Node) error {
			var err error
			switch k.Value {
			case "prepend":
				r.prepend, err = loadAlts(lv, where+".prepend")
			case "append":
				r.appends, err = loadAlts(lv, where+".append")
			default:
				err = errAt(k, "%s: %q is neither prepend nor append", where, k.Value)
			}
			return err
		})
	default:
		err = errAt(v, "%s: want a list of alternatives, or {prepend: [...]} / {append: [...]}", where)
	}
	return r, err
}

// loadAlts reads a list of alternatives (or one string), checking that each compiles.
func loadAlts(v *yaml.Node, where string) (Rule, error) {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	var out Rule
	for _, n := range items {
		n = unalias(n)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
			return nil, errAt(n, "%s: want a selector string", where)
		}
		if strings.TrimSpace(n.Value) == "" {
			return nil, errAt(n, "%s: empty alternative", where)
		}
		if _, err := compileRule(Rule{n.Value}); err != nil {
			return nil, errAt(n, "%s: %v", where, err)
		}
		out = append(out, n.Value)
	}
	return out, nil
}

// pairs calls f with each key and value of the map node n, refusing other
// nodes, keys that are not names and keys given twice.
func pairs(n *yaml.Node, where string, f func(k, v *yaml.Node) error) error {
	n = unalias(n)
	if n.Kind != yaml.MappingNode {
		return errAt(n, "%s: want a map", where)
	}
	first := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := unalias(n.Content[i]), unalias(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return errAt(k, "%s: want a name as key", where)
		}
		if line, ok := first[k.Value]; ok {
			return errAt(k, "%s: %q given twice (first on line %d)", where, k.Value, line)
		}
		first[k.Value] = k.Line
		if err := f(k, v); err != nil {
			return err
		}
	}
	return nil
}

// unalias returns the node an alias stands for, or n.
func unalias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// errAt returns an error that names the line of n.
func errAt(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("line %d: %s", n.Line, fmt.Sprintf(format, args...))
}

// Apply returns e with the overrides for pages of host applied (those for
// every site, then the host's own), or e itself when none concern it.
// host is a URL's host, with or without its port; "" means no particular site.
func (o *Overrides) Apply(e *Engine, host string) *Engine {
	if o == nil {
		return e
	}
	var edits []tableEdit
	if t, ok := o.all[e.Name]; ok {
		edits = append(edits, t)
	}
	if t, ok := o.site(host)[e.Name]; ok {
		edits = append(edits, t)
	}
	if len(edits) == 0 {
		return e
	}
	sel := e.Selectors
	sel.Extra = maps.Clone(sel.Extra)
	v := reflect.ValueOf(&sel).Elem()
	for _, t := range edits {
		for name, r := range t.fields {
			f := v.Field(selectorFields[name])
			f.Set(reflect.ValueOf(r.apply(f.Interface().(Rule))))
		}
		for name, r := range t.extra {
			if sel.Extra == nil {
				sel.Extra = map[string]Rule{}
			}
			if rule := r.apply(sel.Extra[name]); rule != nil {
				sel.Extra[name] = rule
			} else {
				delete(sel.Extra, name)
			}
		}
	}
	return e.WithSelectors(sel)
}

// site returns the site-keyed changes for host: those keyed by the host
// with its port, else by its name alone.
func (o *Overrides) site(host string) map[string]tableEdit {
	if o == nil || host == "" {
		return nil
	}
	host = strings.ToLower(host)
	if t, ok := o.sites[host]; ok {
		return t
	}
	if name := (&url.URL{Host: host}).Hostname(); name != host {
		return o.sites[name]
	}
	return nil
}

// forHost returns the parser for pages of host: the one built with the
// host's own overrides (keyed by the host with its port, else by its name
// alone), or p.
func (p *Parser) forHost(host string) *Parser {
	if len(p.sites) == 0 {
		return p
	}
	host = strings.ToLower(host)
	if sp, ok := p.sites[host]; ok {
		return sp
	}
	if sp, ok := p.sites[(&url.URL{Host: host}).Hostname()]; ok {
		return sp
	}
	return p
}

// hosts returns the hosts that have site-keyed changes.
func (o *Overrides) hosts() []string {
	if o == nil {
		return nil
	}
	return slices.Sorted(maps.Keys(o.sites))
}

// ClosestName returns the name of names nearest to s by edit distance, when
// it is at most maxDist edits away, or "": the "did you mean" of a mistyped
// key in a selectors file or a job file.
func ClosestName(s string, names []string, maxDist int) string {
	best, bestD := "", maxDist+1
	for _, n := range names {
		if d := editDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance returns the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
