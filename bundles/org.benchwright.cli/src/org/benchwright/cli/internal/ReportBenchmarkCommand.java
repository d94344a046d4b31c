/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.benchwright.cli.Command;
import org.benchwright.engine.journal.BenchKey;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.report.JobRecord;
import org.benchwright.report.JobTraveler;
import org.benchwright.report.TelemetryCsv;

/**
 * {@code benchwright report-benchmark}: the job traveler of a 30-minute job whose heat step recorded 7,200 samples
 * of each channel (joint, package, plan at 4 Hz), written in a record by the engine's own journal. Prints the time to
 * write the traveler (median of several runs, with its range, and the first run's), its size and pages, each beside
 * its target, and the time as a multiple of reading and verifying the record in the same run. Judges nothing.
 */
public final class ReportBenchmarkCommand implements Command {

    @Override
    public String name() {
        return "report-benchmark";
    }

    @Override
    public String usage() {
        return "[--samples 7200] [--runs 7] [--keep <dir>]";
    }

    @Override
    public String summary() {
        return "benchmark the job traveler: a 30-minute job's record with 7,200 samples a channel to PDF/A";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try {
            int samples = (int) Arguments.number(args, "--samples", 7200);
            int runs = (int) Arguments.number(args, "--runs", 7);
            String keep = Arguments.take(args, "--keep", null);
            if (!args.isEmpty() || samples < 100 || runs < 1) {
                err.println("usage: benchwright report-benchmark " + usage());
                return UNUSABLE;
            }
            Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("bw-report");
            Path record = dir.resolve("SN-BENCH-1-bga-removal.jsonl");
            Files.deleteIfExists(record);
            write(record, samples, null);
            out.printf(Locale.ROOT, "record: %d entries, %d telemetry samples a channel, %.0f KB%n",
                    Files.readAllLines(record).size(), samples, Files.size(record) / 1024.0);
            signing(dir, samples, runs, out);

            List<Double> read = new ArrayList<>();
            List<Double> traveler = new ArrayList<>();
            List<Double> csv = new ArrayList<>();
            byte[] pdf = null;
            double first = 0;
            for (int i = 0; i < runs + 2; i++) { // the first two runs warm the JIT; the very first is kept apart
                long t0 = System.nanoTime();
                JobRecord job = JobRecord.read(record);
                long t1 = System.nanoTime();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                JobTraveler.write(job, new JobTraveler.Context(null, List.of(), List.of(), ZoneId.of("UTC"),
                        Instant.now()), bytes);
                long t2 = System.nanoTime();
                StringBuilder table = new StringBuilder();
                TelemetryCsv.write(job, table);
                long t3 = System.nanoTime();
                if (i == 0) {
                    first = (t2 - t0) / 1e9;
                }
                if (i >= 2) {
                    read.add((t1 - t0) / 1e9);
                    traveler.add((t2 - t0) / 1e9);
                    csv.add((t3 - t2) / 1e9);
                }
                pdf = bytes.toByteArray();
            }
            Path written = dir.resolve("traveler.pdf");
            Files.write(written, pdf);
            int pages;
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                pages = document.getNumberOfPages();
            }
            double median = median(traveler);
            out.printf(Locale.ROOT, "traveler written (record read, verified, laid out, saved): median %.2f s (%.2f .. "
                    + "%.2f s over %d runs; the first, cold: %.2f s)   target: under 2 s%n", median, min(traveler),
                    max(traveler), traveler.size(), first);
            out.printf(Locale.ROOT, "  = %.1f x reading and verifying the record alone (median %.3f s)%n",
                    median / median(read), median(read));
            out.printf(Locale.ROOT, "traveler size: %.0f KB, %d pages   target: under 1 MB (1,024 KB)%n",
                    pdf.length / 1024.0, pages);
            out.printf(Locale.ROOT, "telemetry CSV of the same record: median %.3f s%n", median(csv));
            if (keep != null) {
                out.println("kept: " + record + ", " + written);
            } else {
                Files.delete(written);
                Files.delete(record);
                Files.delete(dir);
            }
            return OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("benchwright report-benchmark: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /**
     * What the bench's signature costs the journal: the same record written unsigned and signed by a bench key (each
     * write signs its last line), interleaved, and verified with and without the key; printed as ratios.
     */
    private static void signing(Path dir, int samples, int runs, PrintStream out) throws IOException {
        BenchKey key = BenchKey.generate();
        KeyRing ring = KeyRing.of(Map.of("bench-1", List.of(key.publicKeyText())));
        List<Double> plain = new ArrayList<>();
        List<Double> signed = new ArrayList<>();
        List<Double> checked = new ArrayList<>();
        List<Double> unchecked = new ArrayList<>();
        Path a = dir.resolve("unsigned.jsonl");
        Path b = dir.resolve("signed.jsonl");
        for (int i = 0; i < runs + 1; i++) { // the first pair warms the JIT
            Files.deleteIfExists(a);
            Files.deleteIfExists(b);
            long t0 = System.nanoTime();
            write(a, samples, null);
            long t1 = System.nanoTime();
            write(b, samples, key);
            long t2 = System.nanoTime();
            JournalVerifier.verify(b);
            long t3 = System.nanoTime();
            JournalVerifier.Report report = JournalVerifier.verify(b, ring);
            long t4 = System.nanoTime();
            if (!report.intact() || !"bench-1".equals(report.signer())) {
                throw new IOException("the signed record does not verify: " + report.forged());
            }
            if (i > 0) {
                plain.add((t1 - t0) / 1e9);
                signed.add((t2 - t1) / 1e9);
                unchecked.add((t3 - t2) / 1e9);
                checked.add((t4 - t3) / 1e9);
            }
        }
        long entries = Files.readAllLines(b).size();
        long signatures = Files.readAllLines(b).stream().filter(l -> l.contains("\"sig\":")).count();
        double extra = median(signed) - median(plain);
        out.printf(Locale.ROOT, "record written with every write forced to disk: median %.2f s unsigned, %.2f s signed "
                + "by the bench's key (%.2f x; %d signatures for %d entries, one per write: %.2f ms each)%n",
                median(plain), median(signed), median(signed) / median(plain), signatures, entries,
                1000 * extra / signatures);
        out.printf(Locale.ROOT, "  signing every entry instead would add about %.1f s to this 30-minute job; "
                + "verifying with the key: %.2f s, %.1f x the chain alone (%.2f s)%n",
                extra / signatures * entries, median(checked), median(checked) / median(unchecked),
                median(unchecked));
        Files.delete(a);
        Files.delete(b);
    }

    /** A record as the engine writes it: a 30-minute BGA removal with one long heat step, signed by {@code key}. */
    private static void write(Path file, int samples, BenchKey key) throws IOException {
        try (Journal journal = Journal.create(file, key)) {
            Map<String, Object> requested = new LinkedHashMap<>();
            requested.put("job", "SN-BENCH-1-bga-removal");
            requested.put("unit", "SN-BENCH-1");
            requested.put("productClass", "3");
            requested.put("designators", List.of("U1"));
            requested.put("procedure", "bga-removal");
            requested.put("title", "BGA Removal");
            requested.put("revision", "1");
            requested.put("procedureHash", "0".repeat(64));
            requested.put("technician", "T-001");
            requested.put("technicianName", "Ana Ortega");
            requested.put("skill", "expert");
            requested.put("certifications", List.of(Map.of("level", "CIS", "number", "CIS-7711-20260114-001",
                    "modules", List.of(1, 2, 3, 4, 5), "expires", "2028-01-14")));
            requested.put("approvals", List.of());
            requested.put("station", "sim:bga-35mm");
            requested.put("day", LocalDate.now().toString());
            journal.append("job.requested", requested);
            journal.append("job.started", Map.of("unit", "SN-BENCH-1", "technician", "T-001"));
            for (String step : List.of("prepare/msl", "prepare/flux")) {
                journal.append("step.active", Map.of("step", step, "kind", "InstructionStep"));
                journal.append("step.done", step.endsWith("flux") ? Map.of("step", step, "state", "done", "by",
                        "operator", "lot", "LF-2026-0412", "material", "LeadFreeNoCleanGel") : Map.of("step", step,
                                "state", "done", "by", "operator"));
            }
            journal.append("step.active", Map.of("step", "remove/1", "kind", "HeatStep"));
            journal.append("heat.started", Map.of("step", "remove/1", "profile", "BGA_SAC305", "station",
                    "sim:bga-35mm", "liquidus", 220.0, "jointCeiling", 255.0, "packageCeiling", 260.0, "soakFrom", 150.0,
                    "soakTo", 180.0));
            double period = 1800.0 / samples;
            for (int i = 0; i < samples; i += 4) {
                List<double[]> joint = new ArrayList<>();
                List<double[]> pkg = new ArrayList<>();
                List<double[]> plan = new ArrayList<>();
                for (int k = i; k < Math.min(samples, i + 4); k++) {
                    double t = k * period;
                    double p = profile(t);
                    plan.add(new double[] { t, p });
                    joint.add(new double[] { t, p - 1.5 + 0.8 * Math.sin(t / 7) });
                    pkg.add(new double[] { t, p + 8 + 0.6 * Math.cos(t / 5) });
                }
                journal.appendAll("telemetry", List.of(Map.of("step", "remove/1", "channel", "joint", "samples", joint),
                        Map.of("step", "remove/1", "channel", "package", "samples", pkg), Map.of("step", "remove/1",
                                "channel", "plan", "samples", plan)));
            }
            journal.append("heat.statistics", Map.of("step", "remove/1", "figures", Map.of("peak", 238.5,
                    "timeAboveLiquidus", 75.0, "maxRampUp", 1.4, "maxRampDown", 1.9, "timeNearPeak", 24.0, "soakTime",
                    80.0, "timeToPeak", 1500.0), "pwi", 72.0, "windows", List.of(Map.of("figure", "peak", "statistic",
                            "peak", "unit", "°C", "min", 235.0, "max", 245.0))));
            journal.append("heat.done", Map.of("step", "remove/1", "inside", true));
            journal.append("step.done", Map.of("step", "remove/1", "state", "done", "by", "station"));
            journal.append("job.finished", Map.of("outcome", "completed", "pwi", 72.0, "counts", List.of(Map.of(
                    "unit", "SN-BENCH-1", "designator", "U1", "reworkActions", 1, "thermalCycles", 1))));
        }
    }

    /** A slow profile over 30 minutes: preheat, a long soak, reflow, cooling. */
    private static double profile(double t) {
        if (t < 600) {
            return 25 + t * 0.2;
        }
        if (t < 1400) {
            return 145 + (t - 600) * 0.03;
        }
        if (t < 1500) {
            return 169 + (t - 1400) * 0.69;
        }
        if (t < 1560) {
            return 238;
        }
        return Math.max(60, 238 - (t - 1560) * 1.5);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
