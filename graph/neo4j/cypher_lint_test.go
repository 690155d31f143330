package neo4j

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// lintDir is the node project that runs Neo4j's Cypher parser.
var lintDir = filepath.Join("..", "..", "tools", "cypherlint")

// diagnostic is one finding of tools/cypherlint (LSP severities: 1 error,
// 2 warning).
type diagnostic struct {
	Severity  int    `json:"severity"`
	Message   string `json:"message"`
	Line      int    `json:"line"`
	Character int    `json:"character"`
}

type lintResult struct {
	Name        string       `json:"name"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

type namedStatement struct {
	Name  string `json:"name"`
	Query string `json:"query"`
}

// parsePackage parses every Go file of this package, tests included.
func parsePackage(t *testing.T) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, p := range paths {
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return fset, files
}

// collectStatements returns every constant of type statement in the
// package, its value evaluated from the source (string literals, other
// constants, +). Nothing is listed by hand: a new statement is linted the
// moment it is declared.
func collectStatements(t *testing.T) []namedStatement {
	t.Helper()
	_, files := parsePackage(t)
	exprs := map[string]ast.Expr{}
	var names []string
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				typed := false
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "statement" {
					typed = true
				}
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						exprs[n.Name] = vs.Values[i]
					}
					if typed {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	var eval func(e ast.Expr, depth int) string
	eval = func(e ast.Expr, depth int) string {
		if depth > 50 {
			t.Fatalf("constant cycle at %T", e)
		}
		switch v := e.(type) {
		case *ast.BasicLit:
			s, err := strconv.Unquote(v.Value)
			if err != nil {
				t.Fatalf("unquote %s: %v", v.Value, err)
			}
			return s
		case *ast.Ident:
			x, ok := exprs[v.Name]
			if !ok {
				t.Fatalf("statement refers to %s, which is no constant of this package", v.Name)
			}
			return eval(x, depth+1)
		case *ast.BinaryExpr:
			if v.Op != token.ADD {
				t.Fatalf("unsupported operator %s in a statement", v.Op)
			}
			return eval(v.X, depth+1) + eval(v.Y, depth+1)
		case *ast.ParenExpr:
			return eval(v.X, depth+1)
		case *ast.CallExpr: // statement("...")
			if len(v.Args) == 1 {
				return eval(v.Args[0], depth+1)
			}
		}
		t.Fatalf("cannot evaluate %T in a statement", e)
		return ""
	}
	sort.Strings(names)
	out := make([]namedStatement, 0, len(names))
	for _, n := range names {
		out = append(out, namedStatement{Name: n, Query: eval(exprs[n], 0)})
	}
	return out
}

// lintSchema is what the linter may assume exists in the database.
type lintSchema struct {
	Labels            []string `json:"labels"`
	RelationshipTypes []string `json:"relationshipTypes"`
	PropertyKeys      []string `json:"propertyKeys"`
}

// model declares every label, relationship type and property key of the
// graph model (see cypher_write.go). The linter warns about any other name a
// statement uses, so a misspelt label or property fails here instead of
// silently matching nothing on a real server; TestModelCoversGoSide checks
// the keys the Go code writes and reads against the same list.
var model = lintSchema{
	Labels:            []string{"Article", "Claim", "ClaimEvidence", "Entity", "Mention", "RelEvidence"},
	RelationshipTypes: []string{"ABOUT", "DECLARES", "HAS_EVIDENCE", "HAS_MENTION", "MENTIONS", "MERGED_INTO", "REL", "SAID", "SUPPORTS"},
	PropertyKeys: []string{
		// every node and REL edge
		"ns", "id",
		// Article
		"url", "title", "outlet", "outletKey", "publishedAt", "ingestedAt", "date", "contentHash", "text",
		// Entity and DECLARES
		"kind", "name", "names", "aliases", "roles", "keys", "externalIds", "firstSeen", "lastSeen",
		"mentionCount", "searchKeys", "searchText", "visible", "nameKey",
		// citations of Mention, RelEvidence, ClaimEvidence
		"seq", "articleId", "articleDate", "sentenceIndex", "sentenceText", "start", "end", "trigger",
		"extractor", "confidence",
		// Mention
		"entityId", "origEntityId", "role", "key", "kindInContext",
		// REL and RelEvidence
		"type", "directed", "evidenceCount", "relId", "sourceId", "targetId",
		// Claim and ClaimEvidence
		"claimId", "normalized", "verbatim", "cue", "claimCue", "speakerIds", "aboutIds",
		"sourceStart", "sourceEnd", "sourceText", "cueStart", "cueEnd", "cueText",
		"origSpeakerIds", "origAboutIds",
		// set and removed at once, for the lock (cypherLockWrite)
		"writeLock",
		// MERGED_INTO
		"mergedAt", "fromName", "fromKind",
		// keys of parameter rows: the linter takes them for properties
		"source", "target",
	},
}

// lint runs tools/cypherlint over statements, against the declared model.
// It skips when the node project is not installed, except under CI=true,
// where the check must run.
func lint(t *testing.T, stmts []namedStatement) []lintResult {
	t.Helper()
	node, err := exec.LookPath("node")
	_, statErr := os.Stat(filepath.Join(lintDir, "node_modules", "@neo4j-cypher", "language-support", "package.json"))
	if err != nil || statErr != nil {
		msg := "Cypher lint needs node and tools/cypherlint/node_modules: run `npm ci --prefix tools/cypherlint`"
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (CI=true: this check may not be skipped)", msg)
		}
		t.Skip(msg)
	}
	in, err := json.Marshal(map[string]any{"schema": model, "statements": stmts})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join(lintDir, "lint.js"))
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("cypherlint: %v\n%s", err, stderr.String())
	}
	var res []lintResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("cypherlint output: %v\n%s", err, out)
	}
	if len(res) != len(stmts) {
		t.Fatalf("cypherlint answered %d results for %d statements", len(res), len(stmts))
	}
	return res
}

// errorsOf returns the findings that fail the check: errors, and warnings
// that a name is not in the model.
func errorsOf(r lintResult) []diagnostic {
	var errs []diagnostic
	for _, d := range r.Diagnostics {
		if d.Severity == 1 || strings.Contains(d.Message, "is not present in the database") {
			errs = append(errs, d)
		}
	}
	return errs
}

// TestCypherLint checks every statement of the package with Neo4j's own
// parser and semantic analysis.
func TestCypherLint(t *testing.T) {
	t.Parallel()
	stmts := collectStatements(t)
	if len(stmts) < 30 {
		t.Fatalf("collected only %d statements; the collector is broken", len(stmts))
	}
	for _, r := range lint(t, stmts) {
		for _, d := range errorsOf(r) {
			t.Errorf("%s:%d:%d: %s", r.Name, d.Line, d.Character, d.Message)
		}
		for _, d := range r.Diagnostics {
			if !slices.Contains(errorsOf(r), d) {
				t.Logf("%s:%d:%d: warning: %s", r.Name, d.Line, d.Character, d.Message)
			}
		}
	}
	t.Logf("linted %d statements", len(stmts))
}

// TestCypherLintCatchesBrokenStatements shows the check is not vacuous.
func TestCypherLintCatchesBrokenStatements(t *testing.T) {
	t.Parallel()
	broken := []namedStatement{
		{Name: "misspelt keyword", Query: "MATCH (a:Article {id: $id}) RETRUN a"},
		{Name: "undefined variable", Query: "MATCH (a:Article {id: $id}) RETURN b"},
		{Name: "unclosed subquery", Query: "MATCH (a:Article) CALL (a) { MATCH (a)-[d:DECLARES]->() DELETE d RETURN a"},
		{Name: "aggregate in SET", Query: "MATCH (e:Entity) SET e.n = count(e)"},
		{Name: "misspelt label", Query: "MATCH (e:Entiy {ns: $ns}) RETURN e.id"},
		{Name: "misspelt relationship type", Query: "MATCH (:Article)-[:DECLARE]->(e:Entity) RETURN e.id"},
		{Name: "misspelt property", Query: "MATCH (m:Mention {ns: $ns}) RETURN m.entityID"},
	}
	for _, r := range lint(t, broken) {
		if len(errorsOf(r)) == 0 {
			t.Errorf("%s: no error reported", r.Name)
		}
	}
}

// cypherKeyword spots Cypher in a string literal.
var cypherKeyword = regexp.MustCompile(`\b(MATCH|MERGE|CREATE|UNWIND|DETACH DELETE|RETURN)\b`)

// TestCypherOnlyInStatements makes sure no Cypher escapes the lint: every
// string literal that looks like Cypher must sit in a constant declaration,
// and the helpers that send queries accept a statement only.
func TestCypherOnlyInStatements(t *testing.T) {
	fset, files := parsePackage(t)
	for _, f := range files {
		if strings.HasSuffix(fset.Position(f.Pos()).Filename, "_test.go") {
			continue
		}
		for _, d := range f.Decls {
			// Top-level constants are what collectStatements lints.
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.CONST {
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				if v, ok := n.(*ast.BasicLit); ok && v.Kind == token.STRING && cypherKeyword.MatchString(v.Value) {
					t.Errorf("%s: Cypher outside a statement constant: %.60s", fset.Position(v.Pos()), v.Value)
				}
				return true
			})
		}
	}
}
