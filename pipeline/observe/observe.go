// Package observe serves what operators watch veil by: Prometheus metrics
// (github.com/prometheus/client_golang), read from the pipeline's own
// counters on each scrape, and the /healthz and /readyz probes. No metric
// label holds a value from a record: only topics, partitions, kinds and
// reasons.
package observe

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// DefaultAddr is where `veil run` and `veil export` serve by default.
const DefaultAddr = "127.0.0.1:9464"

// NewRegistry returns a registry with the Go runtime and process
// collectors, veil_build_info and cs.
func NewRegistry(cs ...prometheus.Collector) (*prometheus.Registry, error) {
	reg := prometheus.NewRegistry()
	version, goVersion := "(devel)", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		version, goVersion = bi.Main.Version, bi.GoVersion
	}
	build := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "veil_build_info", Help: "veil's version and the Go it was built with; always 1.",
		ConstLabels: prometheus.Labels{"version": version, "goversion": goVersion},
	})
	build.Set(1)
	all := append([]prometheus.Collector{collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), build}, cs...)
	for _, c := range all {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("observe: %w", err)
		}
	}
	return reg, nil
}

// Check is one readiness condition: nil when it holds, else why not.
type Check struct {
	Name string
	Test func(ctx context.Context) error
}

// Handler serves /metrics from reg, /healthz (the process answers) and
// /readyz (every check holds; each is asked at most once per second).
func Handler(reg *prometheus.Registry, checks ...Check) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	cached := make([]*cachedCheck, len(checks))
	for i, c := range checks {
		cached[i] = &cachedCheck{Check: c}
	}
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		var msg []byte
		ready := true
		for _, c := range cached {
			if err := c.test(r.Context()); err != nil {
				ready = false
				msg = fmt.Appendf(msg, "%s: not ready: %v\n", c.Name, err)
			} else {
				msg = fmt.Appendf(msg, "%s: ok\n", c.Name)
			}
		}
		if !ready {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_, _ = w.Write(msg)
	})
	return mux
}

// cachedCheck remembers a check's answer for a second, so that frequent
// probes do not load the brokers.
type cachedCheck struct {
	Check
	mu   sync.Mutex
	at   time.Time
	last error
}

func (c *cachedCheck) test(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < time.Second {
		return c.last
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	c.last, c.at = c.Test(ctx), time.Now()
	return c.last
}

// Server serves a Handler until its context ends.
type Server struct {
	srv *http.Server
	ln  net.Listener
}

// Listen starts listening on addr ("127.0.0.1:9464"; port 0 picks one).
func Listen(addr string, h http.Handler) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("observe: listen on %s: %w", addr, err)
	}
	return &Server{ln: ln, srv: &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}}, nil
}

// Addr returns the address the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Serve serves until ctx ends, then shuts down.
func (s *Server) Serve(ctx context.Context) error {
	stop := context.AfterFunc(ctx, func() {
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = s.srv.Shutdown(sctx)
	})
	defer stop()
	if err := s.srv.Serve(s.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("observe: %w", err)
	}
	return nil
}

// desc is a metric description with variable labels.
func desc(name, help string, labels ...string) *prometheus.Desc {
	return prometheus.NewDesc(name, help, labels, nil)
}

func counter(ch chan<- prometheus.Metric, d *prometheus.Desc, v uint64, labels ...string) {
	ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, float64(v), labels...)
}

func gauge(ch chan<- prometheus.Metric, d *prometheus.Desc, v float64, labels ...string) {
	ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
}

func itoa(i int) string { return strconv.Itoa(i) }
