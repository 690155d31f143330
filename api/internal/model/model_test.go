package model

import (
	"bytes"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

func TestMarshalDateTime(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"zero is null", time.Time{}, "null"},
		{"UTC", time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC), `"2024-03-01T08:00:00Z"`},
		{"other zones become UTC", time.Date(2024, 3, 1, 9, 0, 0, 0, time.FixedZone("CET", 3600)), `"2024-03-01T08:00:00Z"`},
		{"microseconds kept", time.Date(2024, 3, 1, 8, 0, 0, 1000, time.UTC), `"2024-03-01T08:00:00.000001Z"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			MarshalDateTime(tt.in).MarshalGQL(&b)
			if b.String() != tt.want {
				t.Errorf("MarshalDateTime(%v) = %s, want %s", tt.in, b.String(), tt.want)
			}
		})
	}
}

func TestUnmarshalDateTime(t *testing.T) {
	tests := []struct {
		name     string
		in       any
		want     time.Time
		wantCode graph.Code
	}{
		{"UTC", "2024-03-01T08:00:00Z", time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC), ""},
		{"offset converted", "2024-03-01T09:00:00+01:00", time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC), ""},
		{"not RFC 3339", "1 March 2024", time.Time{}, graph.Invalid},
		{"not a string", 1709280000, time.Time{}, graph.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := UnmarshalDateTime(tt.in)
			if code := graph.ErrorCode(err); code != tt.wantCode {
				t.Fatalf("code %q, want %q (%v)", code, tt.wantCode, err)
			}
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("UnmarshalDateTime(%v) = %v, want %v in UTC", tt.in, got, tt.want)
			}
		})
	}
}

func TestOtherID(t *testing.T) {
	rel := &graph.Relationship{SourceID: "ent_a", TargetID: "ent_b"}
	for viewpoint, want := range map[string]string{"ent_a": "ent_b", "ent_b": "ent_a", "": "", "ent_c": ""} {
		if got := (&Relationship{Relationship: rel, Viewpoint: viewpoint}).OtherID(); got != want {
			t.Errorf("OtherID from %q = %q, want %q", viewpoint, got, want)
		}
	}
}
