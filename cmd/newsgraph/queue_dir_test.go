package main

import "testing"

// TestQueueDir: the embedded queue lives beside a SQLite store, and
// otherwise in a folder named after the store, so that stores never share
// one (the queue skips the jobs it finished: a shared folder made a second
// Neo4j graph receive nothing).
func TestQueueDir(t *testing.T) {
	dir := func(store, flag string) string {
		return queueDir(queueFlags{dir: flag}, storeFlags{url: store})
	}
	for _, tt := range []struct {
		name string
		got  string
		want string
	}{
		{"beside SQLite", dir("sqlite:data/g.db", ""), "data/g.queue"},
		{"--queue-dir wins", dir("neo4j://h:7687?graph=a", "q"), "q"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	a, b := dir("neo4j://h:7687?graph=a", ""), dir("neo4j://h:7687?graph=b", "")
	if a == b {
		t.Errorf("graphs a and b share the queue folder %q", a)
	}
	if other := dir("neo4j://u:secret@h:7687?graph=a", ""); other != a {
		t.Errorf("credentials changed the folder: %q, want %q", other, a)
	}
	if dir("neo4j://h:7687", "") == dir("neo4j://h2:7687", "") {
		t.Error("two servers share a queue folder")
	}
}
