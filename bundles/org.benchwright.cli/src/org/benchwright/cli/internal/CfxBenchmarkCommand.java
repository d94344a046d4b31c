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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.message.Message;
import org.benchwright.cfx.CfxEndpoint;
import org.benchwright.cfx.CfxEnvelope;
import org.benchwright.cfx.CfxOutbox;
import org.benchwright.cfx.CfxSettings;
import org.benchwright.cfx.JobMessages;
import org.benchwright.cfx.amqp.AmqpClient;
import org.benchwright.cfx.bench.CfxJobListener;
import org.benchwright.cli.Command;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.GatingPolicy;
import org.benchwright.engine.job.BenchSession;
import org.benchwright.engine.job.JobListener;
import org.benchwright.engine.job.JobRunner;
import org.benchwright.engine.record.Records;
import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.model.Job;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.Technician;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleSettings;

/**
 * {@code cfx-benchmark}: what the bench's IPC-CFX endpoint costs, against a broker the caller runs
 * ({@code releng/cfx-benchmark} starts one). Prints, each beside a baseline measured in the same run: the latency
 * from a job's event (its journal entry) to the broker's acceptance of its message, p50 and p99, over whole BGA
 * removals on the simulated station (baseline: one bare message's round trip on the same broker); messages per
 * second on one connection (baseline: opaque messages of the same size); and how long the outbox takes to send
 * 10,000 waiting messages once the broker is back after a restart, with the messages lost and duplicated. Judges
 * nothing.
 */
public final class CfxBenchmarkCommand implements Command {

    @Override
    public String name() {
        return "cfx-benchmark";
    }

    @Override
    public String usage() {
        return "--broker amqp://host:port --library <dir> --personnel <file.xmi> --answers <file> [--jobs 20] "
                + "[--backlog 10000] --stop <command> --start <command> --work <dir>";
    }

    @Override
    public String summary() {
        return "benchmark the IPC-CFX endpoint: latency, messages per second, draining a backlog after a restart";
    }

    private record Options(URI broker, Path library, Path personnel, Path answers, int jobs, int backlog, String stop,
            String start, Path work) {
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        Options o;
        try {
            o = new Options(URI.create(required(args, "--broker")), Path.of(required(args, "--library")),
                    Path.of(required(args, "--personnel")), Path.of(required(args, "--answers")),
                    Integer.parseInt(Arguments.take(args, "--jobs", "20")),
                    Integer.parseInt(Arguments.take(args, "--backlog", "10000")), required(args, "--stop"),
                    required(args, "--start"), Path.of(required(args, "--work")));
        } catch (IllegalArgumentException e) {
            err.println("benchwright cfx-benchmark: " + e.getMessage() + "\nusage: benchwright cfx-benchmark " + usage());
            return UNUSABLE;
        }
        try {
            benchmark(o, out);
            return OK;
        } catch (Exception e) {
            err.println("benchwright cfx-benchmark: " + e);
            return UNUSABLE;
        }
    }

    private static String required(List<String> args, String option) {
        String value = Arguments.take(args, option, null);
        if (value == null) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value;
    }

    private static void benchmark(Options o, PrintStream out) throws Exception {
        Procedure procedure = LibraryProcedures.find(o.library(), "bga-removal");
        String hash = LibraryProcedures.hash(procedure);
        List<Technician> people = new FilePersonnelRegistry(o.personnel()).technicians();
        Technician technician = person(people, "T-001", o);
        DocumentRegister documents = new DocumentRegister(o.work().resolve("documents.jsonl"));
        documents.approve(procedure.getName(), LibraryProcedures.revision(procedure), hash, person(people, "T-004", o),
                LocalDate.now());
        Path records = Files.createDirectories(o.work().resolve("records"));
        String queue = "/queue/cfx-benchmark-" + UUID.randomUUID();
        CfxSettings settings = settings(o, queue);

        // 1. latency: whole jobs, the endpoint following each as the command line's run does
        double roundTrip = roundTrip(o.broker(), queue);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CfxEnvelope> sent = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (CfxEndpoint endpoint = new CfxEndpoint(settings, records, status -> {
        }).start()) {
            endpoint.onAccepted((message, when) -> {
                latencies.add(Duration.between(message.timeStamp().toInstant(), when).toNanos() / 1e6);
                sent.add(message);
            });
            RuleSettings rules = RuleSettings.defaults();
            for (int j = 0; j < o.jobs(); j++) {
                Job job = BenchSession.newJob("SN-CFX-" + j, procedure, ProductClass.CLASS2, List.of("U7"),
                        LocalDateTime.now());
                BenchSession session = new BenchSession(new BenchSession.Setup(records, documents, null, null, 0),
                        null);
                session.run(new JobRunner(new Gate(new RuleChecker(rules), GatingPolicy.unlimited()), rules), job,
                        technician, hash, "sim", false, new AnswersOperator(o.answers(),
                                new PrintStream(OutputStream.nullOutputStream())),
                        new CfxJobListener(new JobListener() {
                        }, endpoint), station -> {
                        });
                endpoint.nudge(); // the job's last entries, as the command line's run and the workbench do
            }
            if (!endpoint.drain(120_000)) {
                throw new IOException("the jobs' messages were not all sent: " + endpoint.status().describe());
            }
        }
        double jobsSeconds = (System.nanoTime() - started) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        out.printf(Locale.ROOT, "latency, job event to broker acceptance, %d messages of %d BGA removals (%.1f s): "
                + "p50 %.1f ms, p99 %.1f ms; a bare message's round trip %.2f ms (p50 %.0fx, p99 %.0fx of it)%n",
                sorted.size(), o.jobs(), jobsSeconds, percentile(sorted, 0.50), percentile(sorted, 0.99), roundTrip,
                percentile(sorted, 0.50) / roundTrip, percentile(sorted, 0.99) / roundTrip);

        // 2. messages per second on one connection
        List<CfxEnvelope> messages = new ArrayList<>();
        while (messages.size() < o.backlog()) {
            messages.addAll(sent.subList(0, Math.min(sent.size(), o.backlog() - messages.size())));
        }
        long bytes = messages.stream().mapToLong(m -> m.toJson(false).length()).sum();
        double cfxRate = rate(o.broker(), queue, messages.stream().map(CfxEnvelope::toAmqp).toList());
        List<Message> opaque = new ArrayList<>();
        byte[] payload = new byte[(int) (bytes / messages.size())];
        for (int i = 0; i < messages.size(); i++) {
            Message m = Proton.message();
            m.setDurable(true);
            m.setBody(new Data(new Binary(payload)));
            opaque.add(m);
        }
        double opaqueRate = rate(o.broker(), queue, opaque);
        out.printf(Locale.ROOT, "one connection: %.0f CFX messages/s (%d messages, %.1f KB each on average); opaque "
                + "messages of that size %.0f/s (%.2f of it)%n", cfxRate, messages.size(), bytes / 1024.0
                        / messages.size(), opaqueRate, cfxRate / opaqueRate);

        // 3. a backlog of waiting messages, sent once the broker is back after a restart
        Path backlog = Files.createDirectories(o.work().resolve("backlog"));
        String drainQueue = "/queue/cfx-backlog-" + UUID.randomUUID();
        try (Inbox declare = new Inbox(o.broker(), drainQueue, Set.of(), ConcurrentHashMap.newKeySet())) {
            // the durable queue exists before the broker goes away
        }
        new CfxOutbox(backlog, settings.handle()); // the folder is followed from here on: what follows is news
        Set<UUID> expected = copies(records, backlog, o.backlog(), settings.handle());
        shell(o.stop());
        long waited;
        try (CfxEndpoint endpoint = new CfxEndpoint(settings(o, drainQueue), backlog, status -> {
        }).start()) {
            endpoint.drain(60_000); // reads the records: everything waits
            out.printf(Locale.ROOT, "broker stopped: %s%n", endpoint.status().describe());
            shell(o.start());
            long back = System.nanoTime();
            if (!endpoint.drain(600_000)) {
                throw new IOException("the backlog did not drain in 10 minutes: " + endpoint.status().describe());
            }
            waited = System.nanoTime() - back;
        }
        Set<UUID> received = ConcurrentHashMap.newKeySet();
        int deliveries;
        try (Inbox inbox = new Inbox(o.broker(), drainQueue, expected, received)) {
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (received.size() < expected.size() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            Thread.sleep(500); // what still arrives is a duplicate
            deliveries = inbox.deliveries();
        }
        double rate = expected.size() / (waited / 1e9);
        out.printf(Locale.ROOT, "backlog of %d messages after the broker's restart: sent in %.1f s (%.0f messages/s, "
                + "%.2f of one connection's rate); lost %d, duplicated %d%n", expected.size(), waited / 1e9, rate,
                rate / cfxRate, expected.size() - received.size(), deliveries - received.size());
    }

    private static Technician person(List<Technician> people, String id, Options o) throws IOException {
        return people.stream().filter(t -> t.getId().equals(id)).findFirst()
                .orElseThrow(() -> new IOException(o.personnel() + " has no " + id));
    }

    private static CfxSettings settings(Options o, String address) throws IOException {
        Properties p = new Properties();
        p.setProperty("cfx.handle", "Plant1.Rework.Benchmark");
        p.setProperty("cfx.broker", o.broker().toString());
        p.setProperty("cfx.address", address);
        return CfxSettings.of("the benchmark", p, java.util.Map.of(), null);
    }

    /** The median round trip of one small message, sent and accepted on its own. */
    private static double roundTrip(URI broker, String queue) throws Exception {
        try (AmqpClient client = AmqpClient.connect(broker, null, null, 10_000)) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Message m = Proton.message();
                m.setDurable(true);
                m.setBody(new Data(new Binary(new byte[512])));
                long t = System.nanoTime();
                client.send(queue, m).get(10, TimeUnit.SECONDS);
                times.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(times);
            return percentile(times, 0.5);
        }
    }

    /** Messages per second: all of them sent on one connection, 200 awaiting acceptance at a time. */
    private static double rate(URI broker, String queue, List<Message> messages) throws Exception {
        try (AmqpClient client = AmqpClient.connect(broker, null, null, 10_000)) {
            long t = System.nanoTime();
            List<CompletableFuture<Void>> window = new ArrayList<>();
            for (Message m : messages) {
                window.add(client.send(queue, m));
                if (window.size() == 200) {
                    for (CompletableFuture<Void> f : window) {
                        f.get(30, TimeUnit.SECONDS);
                    }
                    window.clear();
                }
            }
            for (CompletableFuture<Void> f : window) {
                f.get(30, TimeUnit.SECONDS);
            }
            return messages.size() / ((System.nanoTime() - t) / 1e9);
        }
    }

    /**
     * Copies of the jobs' records, each another job (its identifier changed in its first entry, so its messages have
     * UniqueIDs of their own), until they hold {@code count} messages or more; the UniqueIDs of their messages.
     */
    private static Set<UUID> copies(Path records, Path into, int count, String handle) throws IOException {
        List<List<String>> jobs = new ArrayList<>();
        for (Path file : Records.files(records)) {
            jobs.add(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        Set<UUID> messages = new java.util.HashSet<>();
        for (int copy = 0; messages.size() < count; copy++) {
            List<String> lines = new ArrayList<>(jobs.get(copy % jobs.size()));
            String id = "\"job\":\"";
            String first = lines.get(0);
            int at = first.indexOf(id) + id.length();
            lines.set(0, first.substring(0, at) + "copy-" + copy + "-" + first.substring(at));
            JobMessages.of(handle, lines).forEach(m -> messages.add(m.uniqueId()));
            Files.write(into.resolve(String.format(Locale.ROOT, "copy-%05d.jsonl", copy)), lines,
                    StandardCharsets.UTF_8);
        }
        return messages;
    }

    private static void shell(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + said);
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
    }

    /**
     * A consumer counting the deliveries of the messages it waits for (of {@code expected}; the endpoint's
     * EndpointConnected are not among them) and their distinct UniqueIDs.
     */
    private static final class Inbox implements AutoCloseable {
        private final AmqpClient client;
        private volatile int deliveries;

        Inbox(URI broker, String address, Set<UUID> expected, Set<UUID> received) throws Exception {
            client = AmqpClient.connect(broker, null, null, 10_000);
            client.receive(address, 1000, m -> {
                UUID id = UUID.fromString(m.getMessageId().toString());
                if (expected.contains(id)) {
                    deliveries++;
                    received.add(id);
                }
            }).get(10, TimeUnit.SECONDS);
        }

        int deliveries() {
            return deliveries;
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
