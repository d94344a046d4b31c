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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.benchwright.cfx.CfxEndpoint;
import org.benchwright.cfx.CfxSettings;
import org.benchwright.cfx.bench.CfxJobListener;
import org.benchwright.cli.Command;
import org.benchwright.driver.api.StationException;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.GatingPolicy;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Person;
import org.benchwright.engine.identity.Role;
import org.benchwright.engine.job.BenchSession;
import org.benchwright.engine.job.JobRunner;
import org.benchwright.engine.job.Operator;
import org.benchwright.engine.job.RecordNotWrittenException;
import org.benchwright.engine.journal.BenchKey;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.engine.stats.ProcessWindow.Judged;
import org.benchwright.engine.steps.StepMachine.StepProgress;
import org.benchwright.model.Approval;
import org.benchwright.model.ApprovalKind;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Job;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.Technician;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleSettings;
import org.benchwright.rules.WorkInstructions;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.StoreException;
import org.benchwright.store.bench.StoreBench;

/**
 * {@code run}: carries out a procedure of a library on one unit at a station, in the terminal: the gate first, then
 * each step's question (or its answer from a file), live temperatures during heat steps, and a summary with the
 * Process Window Index and where the record is. Ctrl-C aborts: heaters off, the abort recorded.
 */
public final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "--library <dir> --procedure <id> --unit <serial> --technician <id> "
                + "--station sim[:<scenario>]|<type>:<settings>|<file.properties> [--speed N|max] [--answers <file>] "
                + "[--designators U1,U2] [--class 1|2|3] [--customer <name>] [--assembly <part number>] "
                + "[--approval <kind>:<ref>] [--personnel <file.xmi>] [--records <dir>] [--documents <file>] [--training] "
                + "[--bench <registered station> [--stations <register.properties>]] [--policy <policy.properties>] "
                + "[--cfx <cfx.properties>] " + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "run a job at a station: gating, guided steps, closed-loop heat, interlocks, a hash-chained record";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        Options options;
        try {
            options = Options.take(args);
        } catch (IllegalArgumentException e) {
            err.println("benchwright run: " + e.getMessage());
            return UNUSABLE;
        }
        if (!args.isEmpty()) {
            err.println("benchwright run: unexpected " + String.join(" ", args));
            err.println("usage: benchwright run " + usage());
            return UNUSABLE;
        }
        try {
            return run(options, out, err);
        } catch (IOException | StationException | IllegalArgumentException e) {
            err.println("benchwright run: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /**
     * Why the job may not run in the technician's name: once the plant store holds accounts, only the person signed
     * in runs jobs, and only with the technician role. {@code null} when it may (also when the plant keeps no
     * accounts, or its store cannot be reached: then the plant's policy on an unreachable store decides).
     */
    private static String stranger(PlantAccess access, String technician) throws IOException {
        if (access.none()) {
            return null;
        }
        Accounts accounts;
        try {
            accounts = access.store().accounts(AccountPolicy.ofThisMachine());
        } catch (StoreException e) {
            return null;
        }
        if (accounts.none()) {
            return null;
        }
        try {
            Person person = SessionFile.resume(accounts, access.location()).person();
            if (!person.id().equals(technician)) {
                return "signed in as " + person.id() + "; --technician " + technician + " is someone else: a job runs "
                        + "in the name of the person signed in";
            }
            if (!person.has(Role.TECHNICIAN)) {
                return person.id() + " may not run jobs: it takes the technician role, and " + person.id() + " has "
                        + person.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
            }
            return null;
        } catch (AccessDeniedException e) {
            return "the technician signs in first (benchwright login --user " + technician + ", or --badge): "
                    + e.getMessage();
        }
    }

    private int run(Options options, PrintStream out, PrintStream err) throws IOException, StationException {
        try (PlantAccess access = options.plant) {
            Technician technician = People.find(access.people(options.personnel), options.technician);
            Procedure procedure = LibraryProcedures.find(options.library, options.procedure);
            Job job = BenchSession.newJob(options.unit, procedure, options.productClass, options.designators,
                    LocalDateTime.now());
            job.getApprovals().addAll(options.approvals);
            job.setCustomer(options.customer);
            job.setAssemblyPartNumber(options.assembly);
            if (options.policyGiven && !Files.isRegularFile(options.policy)) {
                throw new IOException("--policy: no such file " + options.policy);
            }
            GatingPolicy policy = GatingPolicy.read(options.policy);
            StationRegister register = null;
            if (options.bench != null) {
                register = access.stations(options.stations);
                if (register == null) {
                    throw new IOException("--bench " + options.bench + ": no station register to find it in (give "
                            + "--stations <file>, or bring one into the plant store: benchwright store import "
                            + "--stations <file>)");
                }
            }
            DocumentRegister documents = access.documents(options.documents);
            String stranger = stranger(access, options.technician);
            if (stranger != null) {
                err.println("benchwright run: " + stranger);
                return FINDINGS;
            }
            Operator operator = options.answers == null
                    ? new TerminalOperator(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                            out)
                    : new AnswersOperator(options.answers, out);
            BenchSession.Plant plant = null;
            if (!access.none()) {
                try {
                    plant = new StoreBench(access.store(), options.records, options.bench, pass -> {
                    }, policy.startUnconfirmed());
                } catch (StoreException e) {
                    plant = StoreBench.unreachable(access.location(), e.getMessage(), policy.startUnconfirmed());
                }
            }
            BenchSession bench = new BenchSession(new BenchSession.Setup(options.records, documents, register,
                    options.bench, options.speed, BenchKey.loadOrCreate(BenchKey.defaultFolder())), plant);
            CfxSettings cfx = cfx(options);
            if (cfx == null) {
                return run(options, policy, bench, technician, procedure, job, operator, plant, null, out, err);
            }
            out.println("IPC-CFX: " + cfx.describe());
            try (CfxEndpoint endpoint = new CfxEndpoint(cfx, options.records, status -> {
            }).start()) {
                int code = run(options, policy, bench, technician, procedure, job, operator, plant, endpoint, out, err);
                try {
                    endpoint.drain(CFX_DRAIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                CfxEndpoint.Status status = endpoint.status();
                out.println(status.describe() + (status.waiting() > 0 ? "; they stay in the records and go with the "
                        + "next run, the workbench or benchwright cfx serve" : ""));
                return code;
            }
        }
    }

    /** How long a run waits at its end for the broker to take the job's CFX messages. */
    private static final long CFX_DRAIN_MILLIS = 15_000;

    /** The bench's CFX settings: {@code --cfx <file>}, or the cfx.* keys of a station configuration file. */
    private static CfxSettings cfx(Options options) throws IOException {
        if (options.cfx != null) {
            CfxSettings settings = CfxSettings.load(options.cfx);
            if (settings == null) {
                throw new IOException("--cfx " + options.cfx + ": no cfx.broker in the file");
            }
            return settings;
        }
        Path station = Path.of(options.station);
        return options.station.endsWith(".properties") && Files.isRegularFile(station) ? CfxSettings.load(station)
                : null;
    }

    private int run(Options options, GatingPolicy policy, BenchSession bench, Technician technician,
            Procedure procedure, Job job, Operator operator, BenchSession.Plant plant, CfxEndpoint cfx,
            PrintStream out, PrintStream err) throws IOException, StationException {
        String hash = LibraryProcedures.hash(procedure);
        DocumentRegister.State document = bench.document(procedure, hash);
        RuleSettings settings = RuleSettings.defaults();
        Gate gate = new Gate(new RuleChecker(settings), policy);
        JobRunner runner = new JobRunner(gate, settings);
        out.printf("job %s: %s (%s) on unit %s, class %s, designators %s%n", job.getId(), procedure.getName(),
                procedure.getTitle(), job.getUnitSerial(), job.getProductClass().getLiteral(),
                String.join(", ", job.getDesignators()));
        out.printf("revision %s, %s (%s)%s%n", document.revision(), document.status().label(), document.why(),
                options.training ? "; TRAINING run: the record says so" : "");
        if (procedure.getInstruction() != null) {
            WorkInstruction instruction = procedure.getInstruction();
            out.printf("work instruction based on %s revision %s%n", instruction.getBase().getName(),
                    WorkInstructions.revision(instruction.getBase()));
            instruction.getDeviations().forEach(d -> out.println("DEVIATION " + WorkInstructions.describe(d)));
        }
        out.printf("technician %s (%s, %s)%n", technician.getId(), technician.getFullName(),
                technician.getSkill().getLiteral());
        List<GatingPolicy.Limit> limits = gate.limits(job);
        out.println(policy.limits().isEmpty() ? "rework limits: none (no plant policy at " + options.policy + ")"
                : "rework limits: " + (limits.isEmpty() ? "none of " + options.policy + " applies"
                        : limits.stream().map(policy::describe).collect(Collectors.joining("; "))));
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.abort("the command was stopped (Ctrl-C or a signal)");
            awaitQuietly(ended);
        }, "benchwright run abort");
        Runtime.getRuntime().addShutdownHook(hook);
        JobRunner.Result result;
        try {
            result = bench.run(runner, job, technician, hash, options.station, options.training, operator,
                    cfx == null ? new Progress(out) : new CfxJobListener(new Progress(out), cfx),
                    station -> out.println("station " + station.id() + (!station.simulated() ? ""
                            : options.speed > 0 ? String.format(Locale.ROOT, ", %.0fx real time", options.speed)
                                    : ", as fast as it computes")));
        } catch (RecordNotWrittenException e) {
            err.println();
            err.println("RECORD NOT WRITTEN");
            e.getMessage().lines().forEach(line -> err.println("  " + line));
            return UNUSABLE;
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for this
            }
        }
        summary(result, out);
        unconfirmed(result.record()).forEach(u -> out.println("UNCONFIRMED: " + u));
        if (plant instanceof StoreBench shared && shared.lastPass() != null) {
            out.println(shared.lastPass().describe());
            shared.lastPass().refused().forEach((file, why) -> out.println("  REFUSED by the plant store: " + file
                    + ": " + why));
        }
        return switch (result.outcome()) {
            case COMPLETED -> OK;
            default -> FINDINGS;
        };
    }

    private static void summary(JobRunner.Result result, PrintStream out) {
        out.println();
        if (result.refused()) {
            out.println("REFUSED: the job may not start");
            for (Refusal r : result.refusals()) {
                out.println("  [" + r.code() + "] " + r.reason());
            }
        } else {
            out.println("steps:");
            for (StepProgress s : result.steps()) {
                out.printf("  %-8s %s%s%n", s.state().getLiteral(), s.path(), s.reason() == null ? "" : ": " + s.reason());
            }
            for (HeatStepRunner.Result heat : result.heats()) {
                if (heat.judgement() != null) {
                    for (Judged j : heat.judgement().statistics()) {
                        out.printf(Locale.ROOT, "  %-20s %8.2f %-5s window %.1f .. %.1f   index %5.1f%s%n", j.statistic(),
                                j.measured(), j.unit(), j.min(), j.max(), j.index(), j.index() > 100 ? "  OUTSIDE" : "");
                    }
                    out.printf(Locale.ROOT, "  Process Window Index %.1f%n", heat.judgement().pwi());
                }
            }
            out.println("outcome: " + result.outcome().getLiteral().toUpperCase(Locale.ROOT)
                    + (result.reason() == null ? "" : " (" + result.reason() + ")"));
        }
        out.println("record: " + result.record() + "  (check it: benchwright verify " + result.record() + ")");
    }

    /** What the record's request says the plant store could not confirm (a job its policy let start without it). */
    private static List<String> unconfirmed(Path record) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            var data = first == null ? null : com.google.gson.JsonParser.parseString(first).getAsJsonObject()
                    .getAsJsonObject("data");
            if (data == null || !data.has("unconfirmed")) {
                return List.of();
            }
            List<String> said = new ArrayList<>();
            data.getAsJsonArray("unconfirmed").forEach(e -> said.add(e.getAsString()));
            return said;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command's options, checked. */
    private record Options(Path library, String procedure, String unit, String technician, String station,
            double speed, Path answers, List<String> designators, ProductClass productClass, String customer,
            String assembly, List<Approval> approvals, Path personnel, Path records, Path policy, boolean policyGiven,
            Path documents, boolean training, String bench, Path stations, Path cfx, PlantAccess plant) {

        static Options take(List<String> args) {
            List<Approval> approvals = new ArrayList<>();
            for (String a : Arguments.takeAll(args, "--approval")) {
                approvals.add(approval(a));
            }
            String library = required(args, "--library");
            String procedure = required(args, "--procedure");
            String unit = required(args, "--unit");
            String technician = required(args, "--technician");
            String station = required(args, "--station");
            String speedText = Arguments.take(args, "--speed", "1");
            double speed;
            try {
                speed = speedText.equals("max") ? 0 : Double.parseDouble(speedText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--speed takes a number or 'max', not '" + speedText + "'");
            }
            String answers = Arguments.take(args, "--answers", null);
            String designators = Arguments.take(args, "--designators", "U1");
            String productClass = Arguments.take(args, "--class", "2");
            ProductClass pc = ProductClass.get(productClass);
            if (pc == null) {
                throw new IllegalArgumentException("--class takes 1, 2 or 3, not '" + productClass + "'");
            }
            Path personnel = Arguments.optionalFile(args, "--personnel");
            Path records = Arguments.file(args, "--records", "records");
            Path documents = Arguments.optionalFile(args, "--documents");
            boolean training = args.remove("--training");
            String bench = Arguments.take(args, "--bench", null);
            Path stations = Arguments.optionalFile(args, "--stations");
            Path cfx = Arguments.optionalFile(args, "--cfx");
            String customer = Arguments.take(args, "--customer", null);
            String assembly = Arguments.take(args, "--assembly", null);
            boolean policyGiven = args.contains("--policy");
            Path policy = Arguments.file(args, "--policy", "policy.properties");
            PlantAccess plant = PlantAccess.take(args);
            if (answers != null && !Files.isRegularFile(Path.of(answers))) {
                throw new IllegalArgumentException("--answers: no such file " + answers);
            }
            return new Options(Path.of(library), procedure, unit, technician, station, speed,
                    answers == null ? null : Path.of(answers), List.of(designators.split("\\s*,\\s*")), pc, customer,
                    assembly, approvals, personnel, records, policy, policyGiven, documents, training, bench, stations,
                    cfx, plant);
        }

        private static String required(List<String> args, String option) {
            String value = Arguments.take(args, option, null);
            if (value == null) {
                throw new IllegalArgumentException(option + " is required");
            }
            return value;
        }

        private static Approval approval(String text) {
            int colon = text.indexOf(':');
            ApprovalKind kind = colon < 0 ? null : ApprovalKind.get(text.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            if (kind == null || text.substring(colon + 1).isBlank()) {
                throw new IllegalArgumentException("--approval takes <kind>:<reference> with kind customer, engineering, "
                        + "eco or quality, not '" + text + "'");
            }
            Approval approval = BenchwrightFactory.eINSTANCE.createApproval();
            approval.setKind(kind);
            approval.setReference(text.substring(colon + 1).strip());
            approval.setDate(LocalDate.now());
            return approval;
        }
    }
}
