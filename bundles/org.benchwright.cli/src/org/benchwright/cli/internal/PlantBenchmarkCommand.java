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

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.benchwright.cli.Command;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.GatingPolicy;
import org.benchwright.engine.job.BenchSession;
import org.benchwright.engine.job.JobListener;
import org.benchwright.engine.job.JobRunner;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.model.Job;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.Technician;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleSettings;
import org.benchwright.store.Outbox;
import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.benchwright.store.StoreException;
import org.benchwright.store.StoredRecord;
import org.benchwright.store.TraceQuery;
import org.benchwright.store.bench.StoreBench;

import com.google.gson.JsonParser;

/**
 * {@code plant-benchmark}: simulated benches, each a thread with its own connections to the plant store, run whole
 * BGA removals on the simulated station as fast as it computes (telemetry as the engine writes it) and send them
 * through their outboxes, as benches do. Prints the entries per second (and as a fraction of the store's own intake,
 * one writer sending batches, measured in the same run), the replication lag (an entry written at the bench to the
 * store holding it, p50 and p99, also as multiples of the outbox's period), and after the store was restarted in the
 * middle of the run (the command given) the entries lost, duplicated, and the chains that verify. Then fills the store
 * to a size and times {@code trace unit} and {@code trace lot} as the command does them. Judges nothing.
 */
public final class PlantBenchmarkCommand implements Command {

    /** The outbox's period while the store answers (the pump's), for the lag's ratio. */
    private static final double PERIOD_MS = 250;

    @Override
    public String name() {
        return "plant-benchmark";
    }

    @Override
    public String usage() {
        return "--store <location> [--store-credentials <file>] --library <dir> --personnel <file.xmi> --answers <file> "
                + "[--benches 20[,50,...]] [--jobs 2] [--restart <shell command>] [--fill 1000000] [--work <dir>]";
    }

    @Override
    public String summary() {
        return "benchmark: simulated benches send whole jobs through their outboxes to a plant store; prints figures";
    }

    private record Options(String location, String credentials, Path library, Path personnel, Path answers,
            List<Integer> benches, int jobs, String restart, long fill, Path work) {
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        Options o;
        try {
            String location = Arguments.take(args, "--store", null);
            String credentials = Arguments.take(args, "--store-credentials", null);
            String library = Arguments.take(args, "--library", null);
            String personnel = Arguments.take(args, "--personnel", null);
            String answers = Arguments.take(args, "--answers", null);
            List<Integer> benches = new ArrayList<>();
            for (String n : Arguments.take(args, "--benches", "20").split(",")) {
                benches.add(Integer.parseInt(n.strip()));
            }
            int jobs = (int) Arguments.number(args, "--jobs", 2);
            String restart = Arguments.take(args, "--restart", null);
            long fill = (long) Arguments.number(args, "--fill", 1_000_000);
            String work = Arguments.take(args, "--work", null);
            if (location == null || library == null || personnel == null || answers == null || !args.isEmpty()) {
                err.println("usage: benchwright plant-benchmark " + usage());
                return UNUSABLE;
            }
            o = new Options(location, credentials, Path.of(library), Path.of(personnel), Path.of(answers), benches,
                    jobs, restart, fill, work == null ? Files.createTempDirectory("benchwright-plant") : Path.of(work));
        } catch (IllegalArgumentException | IOException e) {
            err.println("benchwright plant-benchmark: " + e.getMessage());
            return UNUSABLE;
        }
        try (PlantStore store = StoreAccess.open(o.location(), o.credentials())) {
            Procedure procedure = LibraryProcedures.find(o.library(), "bga-removal");
            String hash = LibraryProcedures.hash(procedure);
            List<Technician> people = new FilePersonnelRegistry(o.personnel()).technicians();
            store.putPeople(people);
            try {
                new DocumentRegister(store.documents()).approve(procedure.getName(),
                        LibraryProcedures.revision(procedure), hash, find(people, "T-004"), LocalDate.now());
            } catch (IllegalArgumentException approvedAlready) {
                // a store the benchmark ran on before
            }
            out.printf("plant store %s, schema version %d, %d entries at the start%n", store.location(),
                    store.schemaVersion(), store.entries());
            double intake = intake(store, o.work());
            out.printf(Locale.ROOT, "baseline: the store's own intake, one writer sending 500-entry batches: %.0f "
                    + "entries/s%n", intake);
            out.println();
            out.println("benches  jobs  entries  entries/s  of intake  lag p50 ms (x period)  lag p99 ms (x period)  "
                    + "restart  lost  duplicated  chains verified  refused jobs");
            for (int n : o.benches()) {
                Run run = benches(n, o, procedure, hash, find(people, "T-001"), err);
                out.printf(Locale.ROOT, "%7d  %4d  %7d  %9.0f  %8.0f %%  %10.0f (%5.1f)        %10.0f (%5.1f)  %7s  %4d  %10d  %7d of %-6d  %d%n",
                        n, run.jobs, run.entries, run.entries / run.seconds, 100 * run.entries / run.seconds / intake,
                        run.p50, run.p50 / PERIOD_MS, run.p99, run.p99 / PERIOD_MS,
                        run.restart == null ? "none" : run.restart, run.lost, run.duplicated, run.intact, run.records,
                        run.refused);
            }
            out.println();
            fill(store, o.fill(), o.work(), out);
            out.printf(Locale.ROOT, "trace unit FILL-7 over %d entries: %s%n", store.entries(),
                    timed(store, TraceQuery.of("unit", "FILL-7")));
            out.printf(Locale.ROOT, "trace lot LF-FILL-3 over %d entries: %s%n", store.entries(),
                    timed(store, TraceQuery.of("lot", "LF-FILL-3")));
            return OK;
        } catch (Exception e) {
            err.println("benchwright plant-benchmark: " + e);
            return UNUSABLE;
        }
    }

    private static Technician find(List<Technician> people, String id) throws IOException {
        return people.stream().filter(t -> t.getId().equals(id)).findFirst()
                .orElseThrow(() -> new IOException("the personnel register has no " + id));
    }

    /** What one run of benches measured. */
    private record Run(int jobs, long entries, double seconds, double p50, double p99, String restart, long lost,
            long duplicated, int intact, int records, int refused) {
    }

    private static Run benches(int n, Options o, Procedure procedure, String hash, Technician technician,
            PrintStream err) throws Exception {
        Path work = Files.createDirectories(o.work().resolve("benches-" + n + "-" + System.nanoTime()));
        List<PlantStore> stores = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Map<String, String> failures = new ConcurrentHashMap<>();
        RuleSettings settings = RuleSettings.defaults();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int b = 0; b < n; b++) {
                PlantStore own = PlantStores.open(o.location(), PlantStores.credentials(o.credentials() == null ? null
                        : Path.of(o.credentials())), 2);
                stores.add(own);
                Path records = work.resolve("bench-" + b);
                String bench = "bench-" + b;
                Thread t = new Thread(() -> {
                    for (int j = 0; j < o.jobs(); j++) {
                        try {
                            Job job = BenchSession.newJob(work.getFileName() + "-" + bench + "-" + j, procedure,
                                    ProductClass.CLASS2, List.of("U7"), LocalDateTime.now());
                            BenchSession session = new BenchSession(new BenchSession.Setup(records,
                                    new DocumentRegister(own.documents()), null, null, 0),
                                    new StoreBench(own, records, bench));
                            JobRunner.Result result = session.run(new JobRunner(new Gate(new RuleChecker(settings),
                                    GatingPolicy.unlimited()), settings), job, technician, hash, "sim", false,
                                    new AnswersOperator(o.answers(), new PrintStream(OutputStream.nullOutputStream())),
                                    new JobListener() {
                                    }, station -> {
                                    });
                            if (result.refused()) {
                                refused.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.put(bench, e.toString());
                        }
                        done.incrementAndGet();
                    }
                }, bench);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            String restarted = null;
            if (o.restart() != null) {
                while (done.get() < n * o.jobs() / 2 && threads.stream().anyMatch(Thread::isAlive)) {
                    Thread.sleep(50);
                }
                long before = System.nanoTime();
                Process p = new ProcessBuilder("bash", "-c", o.restart()).redirectErrorStream(true).start();
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    err.println("the restart command failed: " + said);
                }
                restarted = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - before) / 1e9);
            }
            for (Thread t : threads) {
                t.join();
            }
            failures.forEach((bench, why) -> err.println(bench + ": " + why));
            // the benches are done; whatever waits (the store was down) drains as their outboxes would
            for (int b = 0; b < n; b++) {
                Outbox outbox = new Outbox(stores.get(b), work.resolve("bench-" + b));
                long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                for (Outbox.Pass pass = outbox.drain(null); !pass.online() || pass.waiting() > 0; pass = outbox
                        .drain(null)) {
                    if (System.nanoTime() > until) {
                        throw new IOException("bench-" + b + "'s outbox did not drain in 2 minutes: " + pass.describe());
                    }
                    Thread.sleep(200);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return check(stores.get(0), work, n * o.jobs(), seconds, restarted, refused.get());
        } finally {
            stores.forEach(PlantStore::close);
        }
    }

    /** Every record of every bench against the store's copy: lost, duplicated, intact; and the lag of every entry. */
    private static Run check(PlantStore store, Path work, int jobs, double seconds, String restarted, int refused)
            throws IOException, StoreException {
        long entries = 0;
        long lost = 0;
        long duplicated = 0;
        int intact = 0;
        int records = 0;
        List<Double> lags = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(work)) {
            files = all.filter(p -> p.toString().endsWith(".jsonl")).toList();
        }
        for (Path file : files) {
            List<String> local = Files.readAllLines(file).stream().filter(l -> !l.isEmpty()).toList();
            String job = JsonParser.parseString(local.get(0)).getAsJsonObject().getAsJsonObject("data").get("job")
                    .getAsString();
            records++;
            StoredRecord stored = store.record(job).orElse(null);
            List<String> lines = stored == null ? List.of() : stored.lines();
            java.util.Set<String> held = new java.util.HashSet<>(lines);
            lost += local.stream().filter(l -> !held.contains(l)).count();
            duplicated += lines.size() - lines.stream().distinct().count();
            entries += lines.size();
            if (stored != null && stored.intact() && lines.equals(local)) {
                intact++;
            }
            for (int i = 0; stored != null && i < lines.size(); i++) {
                Instant written = Instant.parse(JsonParser.parseString(lines.get(i)).getAsJsonObject().get("time")
                        .getAsString());
                if (stored.received().get(i) != null) {
                    lags.add(Duration.between(written, stored.received().get(i)).toNanos() / 1e6);
                }
            }
        }
        Collections.sort(lags);
        return new Run(jobs, entries, seconds, percentile(lags, 0.50), percentile(lags, 0.99), restarted, lost,
                duplicated, intact, records, refused);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
    }

    /** One writer sending a synthetic job's entries in batches of 500: the store's own rate, the baseline. */
    private static double intake(PlantStore store, Path work) throws IOException, StoreException {
        List<String> lines = synthetic(work, "INTAKE-" + System.nanoTime(), "INTAKE", "LF-INTAKE", 20_000);
        long start = System.nanoTime();
        for (int i = 0; i < lines.size(); i += 500) {
            store.receiveAll(job(lines), lines.subList(i, Math.min(lines.size(), i + 500)));
        }
        return lines.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Fills the store with synthetic jobs of 1,000 entries until it holds {@code size}, two writers at once. */
    private static void fill(PlantStore store, long size, Path work, PrintStream out) throws Exception {
        long have = store.entries();
        int jobs = (int) Math.max(0, (size - have + 999) / 1000);
        if (jobs == 0) {
            return;
        }
        out.printf("filling the store to %d entries: %d synthetic jobs of 1,000 entries...%n", size, jobs);
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Exception> failed = Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        String run = Long.toString(System.nanoTime(), 36);
        for (int w = 0; w < 2; w++) {
            Thread t = new Thread(() -> {
                try {
                    for (int k; (k = next.getAndIncrement()) < jobs;) {
                        List<String> lines = synthetic(work, "FILL-" + run + "-" + k, "FILL-" + (k % 300),
                                "LF-FILL-" + (k % 10), 995);
                        for (int i = 0; i < lines.size(); i += 500) {
                            store.receiveAll(job(lines), lines.subList(i, Math.min(lines.size(), i + 500)));
                        }
                    }
                } catch (Exception e) {
                    failed.add(e);
                }
            });
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) {
            t.join();
        }
        if (!failed.isEmpty()) {
            throw failed.get(0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "filled in %.0f s (%.0f entries/s)%n", seconds, jobs * 1000 / seconds);
    }

    /** A job's journal as a bench writes it: requested, started, telemetry, a lot, counted, finished. */
    private static List<String> synthetic(Path work, String job, String unit, String lot, int telemetry)
            throws IOException {
        Path file = work.resolve(job + ".jsonl");
        // written as a bench writes them, without forcing each entry to disk: they are the store's load, not a record
        try (Journal journal = Journal.create(file, (channel, bytes) -> {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        })) {
            journal.append("job.requested", Map.of("job", job, "unit", unit, "procedure", "bga-removal", "revision",
                    "1", "procedureHash", "0".repeat(64), "technician", "T-001", "station", "sim", "bench",
                    "bench-fill", "designators", List.of("U7")));
            journal.append("job.started", Map.of("unit", unit, "technician", "T-001"));
            for (int i = 0; i < telemetry; i++) {
                journal.append("telemetry", Map.of("step", "remove/1", "channel", "joint", "samples",
                        List.of(List.of(i * 0.25, 25 + i % 220))));
            }
            journal.append("step.done", Map.of("step", "prepare/flux", "material", "LeadFreeNoCleanGel", "lot", lot,
                    "by", "operator"));
            journal.append("unit.counted", Map.of("unit", unit, "designators", List.of("U7"), "reworkActions", 1,
                    "thermalCycles", 1, "step", "remove/1", "why", "heat is applied"));
            journal.append("job.finished", Map.of("outcome", "completed", "pwi", 80.0));
        }
        List<String> lines = Files.readAllLines(file);
        Files.delete(file);
        return lines;
    }

    private static String job(List<String> lines) {
        return JsonParser.parseString(lines.get(0)).getAsJsonObject().getAsJsonObject("data").get("job")
                .getAsString();
    }

    /**
     * {@code trace} as the command does it: the query alone, then with each record read and its chain checked;
     * medians and ranges of 5.
     */
    private static String timed(PlantStore store, TraceQuery trace) throws StoreException {
        List<Double> query = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        int found = 0;
        long entries = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            var jobs = store.trace(trace);
            query.add((System.nanoTime() - start) / 1e6);
            entries = 0;
            for (var j : jobs) {
                entries += store.record(j.job()).map(r -> r.lines().size()).orElse(0);
            }
            whole.add((System.nanoTime() - start) / 1e6);
            found = jobs.size();
        }
        Collections.sort(query);
        Collections.sort(whole);
        return String.format(Locale.ROOT, "%d jobs; the query %.1f ms (%.1f..%.1f); with their %d entries' chains "
                + "checked %.0f ms (%.0f..%.0f); medians of 5", found, query.get(2), query.get(0), query.get(4),
                entries, whole.get(2), whole.get(0), whole.get(4));
    }
}
