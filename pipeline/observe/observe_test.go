package observe

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"time"

	dto "github.com/prometheus/client_model/go"
)

func TestHandler(t *testing.T) {
	reg, err := NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	ready := errors.New("still loading")
	calls := 0
	h := Handler(reg, Check{Name: "thing", Test: func(context.Context) error { calls++; return ready }})
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		b, _ := io.ReadAll(rec.Body)
		return rec.Code, string(b)
	}
	if code, body := get("/healthz"); code != 200 || body != "ok\n" {
		t.Fatalf("/healthz: %d %q", code, body)
	}
	if code, body := get("/readyz"); code != 503 || !strings.Contains(body, "thing: not ready: still loading") {
		t.Fatalf("/readyz: %d %q", code, body)
	}
	get("/readyz")
	if calls != 1 {
		t.Fatalf("the check ran %d times within a second, want 1 (cached)", calls)
	}
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, `veil_build_info{goversion="`) || !strings.Contains(body, "go_goroutines") {
		t.Fatalf("/metrics: %d\n%.500s", code, body)
	}
}

func TestLatencyHistogram(t *testing.T) {
	d := desc("test_seconds", "test")
	m := latencyHistogram(d, fixedDistribution{})
	var out dto.Metric
	if err := m.Write(&out); err != nil {
		t.Fatal(err)
	}
	h := out.GetHistogram()
	if h.GetSampleCount() != 3 {
		t.Fatalf("count %d, want 3", h.GetSampleCount())
	}
	prev := uint64(0)
	for _, b := range h.GetBucket() {
		if b.GetCumulativeCount() < prev {
			t.Fatalf("buckets not cumulative: %v", h.GetBucket())
		}
		prev = b.GetCumulativeCount()
		switch b.GetUpperBound() {
		case 0.001:
			if b.GetCumulativeCount() != 0 {
				t.Errorf("le 1ms: %d, want 0", b.GetCumulativeCount())
			}
		case 0.025:
			if b.GetCumulativeCount() != 2 {
				t.Errorf("le 25ms: %d, want 2", b.GetCumulativeCount())
			}
		case 60:
			if b.GetCumulativeCount() != 3 {
				t.Errorf("le 60s: %d, want 3", b.GetCumulativeCount())
			}
		}
	}
	if s := h.GetSampleSum(); s < 2.0 || s > 2.1 {
		t.Errorf("sum %v, want about 2.03", s)
	}
}

// fixedDistribution has 10ms, 20ms and 2s, in buckets like the runner's.
type fixedDistribution struct{}

func (fixedDistribution) Buckets(f func(time.Duration, uint64)) {
	f(5*time.Millisecond, 0)
	f(12*time.Millisecond, 1)
	f(24*time.Millisecond, 2)
	f(2500*time.Millisecond, 3)
}

func (fixedDistribution) Sum() time.Duration { return 2030 * time.Millisecond }
