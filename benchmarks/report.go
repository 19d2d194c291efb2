package benchmarks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteFiles writes report.md, report.json and throughput.svg into dir.
func (r *Report) WriteFiles(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("benchmarks: %w", err)
	}
	j, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("benchmarks: %w", err)
	}
	var md, svg bytes.Buffer
	r.WriteMarkdown(&md)
	r.writeSVG(&svg)
	for name, data := range map[string][]byte{"report.json": append(j, '\n'), "report.md": md.Bytes(), "throughput.svg": svg.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return fmt.Errorf("benchmarks: %w", err)
		}
	}
	return nil
}

// WriteMarkdown writes the report as Markdown tables.
func (r *Report) WriteMarkdown(w io.Writer) {
	mode := "full"
	if r.Quick {
		mode = "quick"
	}
	fmt.Fprintf(w, "# veil bench (%s), %s\n\n", mode, r.Started.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "%d CPUs (%s); speed on one core (GOMAXPROCS=1). Took %.1fs.\n\n", r.CPUs, r.GoArch, r.Took.Seconds())
	fmt.Fprintf(w, "## Goals\n\n| goal | target | this run | met |\n|---|---|---|---|\n")
	for _, g := range r.Goals {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", g.Name, g.Target, g.Measured, yesNo(g.Met))
	}
	fmt.Fprintf(w, "\n")
	fmt.Fprintf(w, "## Detection and tokenization speed\n\nThe median of each corpus's rounds, and the slowest and fastest round.\n\n")
	fmt.Fprintf(w, "| corpus | MB/s per core | rounds | slowest-fastest | records/s | allocs per record | bytes per record |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range append(append([]Speed(nil), r.Speed...), r.Baseline) {
		fmt.Fprintf(w, "| %s | %.1f | %d | %.1f-%.1f | %.0f | %.2f | %.0f |\n", s.Corpus, s.MBPerSec, s.Rounds, s.MinMBPerSec, s.MaxMBPerSec, s.RecordsPerSec, s.AllocsPerRecord, s.BytesPerRecord)
	}
	fmt.Fprintf(w, "\nMixed events run %.1f times as fast as the Go regexp baseline (one pattern per kind, no validation).\n", r.Ratio)
	fmt.Fprintf(w, "%s\n", r.machine())
	fmt.Fprintf(w, "In \"mixed, in sessions\" each user's usage events come %d in a row with the same identifiers, as in a real stream, and the token cache serves the repeats; every other corpus draws each identifier afresh.\n\n", SessionLength)
	fmt.Fprintf(w, "## Accuracy on %d labeled events\n\nPrecision counts a look-alike (decoy) that was changed as a false positive.\n\n", r.Events)
	fmt.Fprintf(w, "| | planted | recall | precision | decoys | decoys kept |\n|---|---:|---:|---:|---:|---:|\n")
	for _, a := range append(append([]AccuracyRow(nil), r.Accuracy...), r.Totals.AccuracyRow) {
		fmt.Fprintf(w, "| %s | %d | %.2f%% | %.2f%% | %d | %.2f%% |\n", a.Name, a.Planted, 100*a.Recall, 100*a.Precision, a.Decoys, 100*a.DecoysKept)
	}
	fmt.Fprintf(w, "\n%.2f%% of the phone numbers got the token of their number in E.164, so that records join however each wrote it; the rest are valid, as written, in two regions, which only a language (the prompt policy) or a country tells apart.\n", 100*r.PhoneJoin)
	fmt.Fprintf(w, "\n## Kafka end to end (%s broker)\n\n", r.Brokers)
	if k := r.Kafka; k != nil {
		fmt.Fprintf(w, "| records | records/s | MB/s | CPU (cores) | p50 latency | p99 latency |\n|---:|---:|---:|---:|---:|---:|\n")
		fmt.Fprintf(w, "| %d | %.0f | %.1f | %.2f | %v | %v |\n", k.Records, k.RecordsPerSec, k.MBPerSec, k.CPUCores, k.P50, k.P99)
		fmt.Fprintf(w, "\nLatency is from a record's timestamp to its output's acknowledgement, at a steady 20,000 records/s.\n")
	} else {
		fmt.Fprintf(w, "Not measured: %s\n", r.KafkaErr)
	}
}

// WriteSummary writes the few lines an operator reads first.
func (r *Report) WriteSummary(w io.Writer) {
	fmt.Fprintf(w, "%-26s %10s %16s %12s %8s\n", "corpus", "MB/s/core", "(rounds' range)", "records/s", "allocs")
	for _, s := range append(append([]Speed(nil), r.Speed...), r.Baseline) {
		fmt.Fprintf(w, "%-26s %10.1f %16s %12.0f %8.2f\n", s.Corpus, s.MBPerSec, fmt.Sprintf("%.1f-%.1f", s.MinMBPerSec, s.MaxMBPerSec), s.RecordsPerSec, s.AllocsPerRecord)
	}
	fmt.Fprintf(w, "mixed / regexp baseline: %.1fx\n", r.Ratio)
	fmt.Fprintf(w, "machine: %s\n", r.machine())
	fmt.Fprintf(w, "accuracy (%d events): recall %.2f%% (lowest kind %.2f%%), precision %.2f%%, decoys kept %.2f%%, phone tokens joined %.2f%%\n",
		r.Events, 100*r.Totals.Recall, 100*r.Totals.MinRecall, 100*r.Totals.Precision, 100*r.Totals.DecoysKept, 100*r.PhoneJoin)
	met := 0
	var missed []string
	for _, g := range r.Goals {
		if g.Met {
			met++
		} else {
			missed = append(missed, g.Name+" "+g.Measured+", goal "+g.Target)
		}
	}
	fmt.Fprintf(w, "goals met: %d of %d", met, len(r.Goals))
	if len(missed) > 0 {
		fmt.Fprintf(w, "; not: %s", strings.Join(missed, "; "))
	}
	fmt.Fprintln(w)
	if k := r.Kafka; k != nil {
		fmt.Fprintf(w, "kafka (%s): %.0f records/s, %.1f MB/s, p50 %v, p99 %v\n", r.Brokers, k.RecordsPerSec, k.MBPerSec, k.P50, k.P99)
	} else {
		fmt.Fprintf(w, "kafka: not measured: %s\n", r.KafkaErr)
	}
}

// writeSVG draws the speeds as horizontal bars.
func (r *Report) writeSVG(w io.Writer) {
	rows := append(append([]Speed(nil), r.Speed...), r.Baseline)
	top := 0.0
	for _, s := range rows {
		top = max(top, s.MBPerSec)
	}
	const left, width, bar, gap = 190, 480, 22, 10
	height := 50 + len(rows)*(bar+gap)
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="13">`+"\n", left+width+90, height)
	fmt.Fprintf(w, `<text x="10" y="22" font-size="15">veil: MB/s per core, by corpus</text>`+"\n")
	for i, s := range rows {
		y := 40 + i*(bar+gap)
		l := 0.0
		if top > 0 {
			l = s.MBPerSec / top * width
		}
		color := "#3b7dd8"
		if i == len(rows)-1 {
			color = "#999999"
		}
		fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", left-8, y+bar-6, html.EscapeString(s.Corpus))
		fmt.Fprintf(w, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", left, y, max(l, 1), bar, color)
		fmt.Fprintf(w, `<text x="%.1f" y="%d">%.1f</text>`+"\n", float64(left)+max(l, 1)+6, y+bar-6, s.MBPerSec)
	}
	fmt.Fprintln(w, "</svg>")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// machine says how fast this machine is next to the one the speed goals
// were set on, by the reference loop.
func (r *Report) machine() string {
	return fmt.Sprintf("the reference loop (a 256-entry class table, unrolled 4x) ran at %.0f MB/s on the prose, %.2f times its ~%.0f MB/s where the speed goals were set.",
		r.Reference.MBPerSec, r.Reference.MBPerSec/ReferenceMBps, ReferenceMBps)
}
