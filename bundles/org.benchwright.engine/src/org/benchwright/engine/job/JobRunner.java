/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.FaultListener;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.gating.UnitHistory;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalFailedException;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.engine.stats.ProcessWindow.Judged;
import org.benchwright.engine.steps.StepMachine;
import org.benchwright.engine.steps.StepMachine.StepProgress;
import org.benchwright.model.Alloy;
import org.benchwright.model.CureStep;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InstructionStep;
import org.benchwright.model.Job;
import org.benchwright.model.Outcome;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.RemoveCoatingStep;
import org.benchwright.model.Step;
import org.benchwright.model.StepState;
import org.benchwright.model.Technician;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.UseMaterialStep;
import org.benchwright.rules.Classification;
import org.benchwright.rules.RuleSettings;

/**
 * Carries out one job at one station from the gate to the last step: checks that the technician may start it, then
 * guides every step (asking the {@link Operator}), runs heat steps closed loop with their interlocks, and writes the
 * whole of it to the job's journal, entry by entry, before acting on it. Whatever way a job ends (completed, a step
 * failed, a fault, an abort) the station's heaters are off when {@link #run} returns.
 *
 * <p>Journal entries, in order: {@code job.requested} (who, what, where), then {@code job.refused} with the reasons or
 * {@code job.started}; the step and heat entries of {@link StepMachine} and {@link HeatStepRunner}, with a
 * {@code unit.counted} entry written the moment the job adds to the unit's counts; {@code job.finished} with the
 * outcome, the worst PWI and the counts the job added. A journal without {@code job.finished} or {@code job.refused}
 * is an interrupted job; its {@code unit.counted} entries still count.
 *
 * <p>A thermal cycle counts when a heat step is about to apply heat, a rework action when the part is first disturbed:
 * at the first heat applied, or when the first step that works on the unit (an instruction, a material, a coating
 * removal, a cure, a heat step done by hand) is done, whichever comes first. A job killed or aborted after that point
 * has still counted; one refused at the gate, or aborted before touching the unit, has not.
 */
public final class JobRunner {

    /** The joint interlock sits this far above the top of a profile's peak window, °C. */
    static final double JOINT_CEILING_MARGIN = 10;
    /** A heat step is over once the joint has cooled this far below the alloy's solidus, °C. */
    static final double END_BELOW_SOLIDUS = 30;
    /** The highest classification temperature of J-STD-020 for a package of unknown size: lead-free, tin-lead. */
    static final double TC_LEAD_FREE = 260;
    static final double TC_TIN_LEAD = 235;

    /**
     * What the bench knows beyond the job itself: the day, the unit's rework history, its parts' exposure, where the
     * procedure's revision stands in document control ({@code null} where no document control is kept), and whether
     * this is a training run (which may use a revision that is not approved, and is marked so in the record), and
     * which registered station ({@code bench} in {@code stations}) the job runs on, whose equipment and calibration
     * are checked ({@code null}: not checked).
     */
    public record Context(LocalDate today, UnitHistory history, Map<String, Gate.MoistureStatus> moisture,
            DocumentRegister.State document, boolean training, StationRegister stations, String bench,
            List<Refusal> plant, List<String> unconfirmed) {

        /**
         * @param plant       what the plant store said before the job that stops it (another bench has the unit open,
         *                    the store cannot be reached); empty without a store
         * @param unconfirmed what the plant store could not confirm of a job its policy lets start without it; the
         *                    record's request keeps it
         */
        public Context {
            plant = plant == null ? List.of() : List.copyOf(plant);
            unconfirmed = unconfirmed == null ? List.of() : List.copyOf(unconfirmed);
        }

        public Context(LocalDate today, UnitHistory history, Map<String, Gate.MoistureStatus> moisture,
                DocumentRegister.State document, boolean training, StationRegister stations, String bench,
                List<Refusal> plant) {
            this(today, history, moisture, document, training, stations, bench, plant, List.of());
        }

        public Context(LocalDate today, UnitHistory history, Map<String, Gate.MoistureStatus> moisture,
                DocumentRegister.State document, boolean training, StationRegister stations, String bench) {
            this(today, history, moisture, document, training, stations, bench, List.of());
        }

        public Context(LocalDate today, UnitHistory history, Map<String, Gate.MoistureStatus> moisture) {
            this(today, history, moisture, null, false, null, null);
        }

        public Context(LocalDate today, UnitHistory history, Map<String, Gate.MoistureStatus> moisture,
                DocumentRegister.State document, boolean training) {
            this(today, history, moisture, document, training, null, null);
        }
    }

    /** The station and how to wait on its clock (advance a simulator, or sleep on a real bench). */
    public record Bench(Station station, HeatStepRunner.Pacer pacer) {
    }

    /**
     * How a job ended.
     *
     * @param pwi    the worst Process Window Index of its heat steps; {@code NaN} without one
     * @param reason why it did not complete; {@code null} when it did
     */
    public record Result(Outcome outcome, List<Refusal> refusals, List<StepProgress> steps, List<HeatStepRunner.Result> heats,
            double pwi, String reason, Path record) {

        public boolean refused() {
            return !refusals.isEmpty();
        }
    }

    private final Gate gate;
    private final RuleSettings settings;
    private volatile String abortRequested;
    private volatile HeatStepRunner heating;
    private volatile Station station;
    private volatile Fault reported;
    private volatile StepProgress current;

    public JobRunner(Gate gate, RuleSettings settings) {
        this.gate = gate;
        this.settings = settings;
    }

    /**
     * Aborts the running job from any thread (a big red button, Ctrl-C): the station goes to safe state now, a heat
     * step stops, and the job ends as aborted at the next step boundary without asking anything more.
     */
    public void abort(String reason) {
        abortRequested = reason;
        Station s = station;
        if (s != null) {
            s.safeState("job aborted: " + reason);
        }
        HeatStepRunner h = heating;
        if (h != null) {
            h.stop(reason);
        }
    }

    /**
     * Runs a job; returns when it has ended. The journal at {@code record} is created (never overwritten). A runner
     * runs one job at a time and may run many in turn: an abort ends the job it was given to (or, given before a
     * job starts, that job at its first step), never a later one.
     *
     * @param procedureHash the content hash of the procedure's source, which the record cites
     * @throws RecordNotWrittenException when the record could not be written: the job stopped, heaters off
     */
    public Result run(Job job, Technician technician, String procedureHash, Bench bench, Context context,
            Operator operator, JobListener listener, Path record) throws IOException {
        return run(job, technician, procedureHash, bench, context, operator, listener, record, Journal::create);
    }

    /** Opens a job's journal: {@link Journal#create(Path)}, or one on a disk a test fills up. */
    @FunctionalInterface
    public interface JournalFactory {
        Journal create(Path record) throws IOException;
    }

    /** {@link #run(Job, Technician, String, Bench, Context, Operator, JobListener, Path)} with its journal's maker. */
    public Result run(Job job, Technician technician, String procedureHash, Bench bench, Context context,
            Operator operator, JobListener listener, Path record, JournalFactory journals) throws IOException {
        station = bench.station();
        FaultListener onFault = fault -> {
            reported = fault;
            listener.fault(fault);
        };
        bench.station().addFaultListener(onFault);
        try (Journal journal = journals.create(record)) {
            journal.append("job.requested", JobEntries.requested(job, technician, procedureHash, bench.station(), context));
            List<Refusal> refusals = new ArrayList<>(
                    gate.check(technician, job, context.today(), context.history(), context.moisture()));
            if (context.stations() != null && context.bench() != null) {
                refusals.addAll(context.stations().check(context.bench(), job.getProcedure(), context.today()));
            }
            refusals.addAll(context.plant());
            DocumentRegister.State document = context.document();
            if (document != null && !context.training() && document.status() != DocumentRegister.Status.APPROVED) {
                refusals.add(0, new Refusal("DOCUMENT", document.document() + " revision " + document.revision() + " is "
                        + document.status().label() + " (" + document.why() + "): only an approved revision runs; "
                        + "approve it, or run it in training mode"));
            }
            if (!refusals.isEmpty()) {
                journal.append("job.refused", JobEntries.refused(refusals));
                return new Result(Outcome.REFUSED, refusals, List.of(), List.of(), Double.NaN, "refused", record);
            }
            journal.append("job.started", Map.of("unit", job.getUnitSerial(), "technician", technician.getId()));
            return steps(job, bench, operator, listener, journal, record);
        } catch (JournalFailedException e) {
            bench.station().safeState("the job's record cannot be written");
            StepProgress step = current;
            throw new RecordNotWrittenException(e, step == null ? null : step.path(), step == null ? null
                    : doing(step));
        } finally {
            bench.station().safeState("job ended");
            bench.station().removeFaultListener(onFault);
            // what belonged to this job ends with it; an abort that comes before a job starts (Ctrl-C while the
            // station opens) still stops that job at its first step
            station = null;
            current = null;
            reported = null;
            abortRequested = null;
        }
    }

    /** What a step asks of the technician, or what it heats with, in a few words. */
    private static String doing(StepProgress step) {
        String text = step.step().getText();
        if (step.step() instanceof HeatStep heat && heat.getProfile() != null) {
            return (text == null ? "" : "\"" + text + "\", ") + "heat with " + heat.getProfile().getName();
        }
        return text == null ? null : "\"" + text + "\"";
    }

    private Result steps(Job job, Bench bench, Operator operator, JobListener listener, Journal journal, Path record)
            throws IOException {
        Procedure procedure = job.getProcedure();
        StepMachine run = new StepMachine(procedure, journal, job.getProductClass());
        Tally tally = new Tally(job, journal);
        List<HeatStepRunner.Result> heats = new ArrayList<>();
        String reason = null;
        listener.jobStarted(run.steps());
        run.start();
        while (!run.ended()) {
            StepProgress active = run.current();
            current = active;
            listener.stepActive(active);
            if (abortRequested != null) {
                run.abort(abortRequested, "bench");
            } else if (active.step() instanceof HeatStep heat && closedLoop(heat.getProfile())) {
                heat(run, active, heat, bench, listener, journal, heats, tally);
            } else {
                answer(run, active, operator);
                if (active.state() == StepState.DONE && worksOnTheUnit(active.step())) {
                    tally.disturbed(active.path());
                }
            }
            listener.stepEnded(active);
            if (active.state() == StepState.FAILED || active.state() == StepState.ABORTED) {
                reason = active.path() + ": " + active.reason();
            }
        }
        Outcome outcome = run.completed() ? Outcome.COMPLETED
                : run.steps().stream().anyMatch(s -> s.state() == StepState.ABORTED) ? Outcome.ABORTED : Outcome.FAILED;
        double pwi = heats.stream().filter(h -> h.judgement() != null).mapToDouble(h -> h.judgement().pwi()).max()
                .orElse(Double.NaN);
        journal.append("job.finished", JobEntries.finished(job, outcome, reason, pwi, tally.reworkActions,
                tally.thermalCycles));
        return new Result(outcome, List.of(), run.steps(), heats, pwi, reason, record);
    }

    private void heat(StepMachine run, StepProgress active, HeatStep step, Bench bench, JobListener listener, Journal journal,
            List<HeatStepRunner.Result> heats, Tally tally) throws IOException {
        ThermalProfile profile = step.getProfile();
        Station station = bench.station();
        if (station.zone(ZoneRole.TOP) == null || station.channel(ChannelRole.JOINT) == null) {
            run.heatEnded(false, station.id() + " has no top heater or no joint thermocouple to run " + profile.getName());
            return;
        }
        if (abortRequested == null) {
            tally.heated(active.path()); // written before the heat is applied: a job killed mid-heat has counted
        }
        HeatStepRunner runner = new HeatStepRunner(station, profile, limits(step), journal, active.path());
        runner.observe(listener::heatSample);
        listener.heatStarted(active, profile.getName());
        heating = runner;
        HeatStepRunner.Result result;
        try {
            if (abortRequested != null) {
                runner.stop(abortRequested);
            }
            result = runner.run(bench.pacer());
        } finally {
            heating = null;
        }
        heats.add(result);
        if (result.fault() != null && result.fault() != reported) {
            listener.fault(result.fault()); // the engine's own interlocks: the station did not report it
        }
        listener.heatEnded(active, result);
        if (abortRequested != null && result.fault() == null) {
            run.abort(abortRequested, "bench");
        } else if (result.fault() != null) {
            run.heatEnded(false, result.fault().toString());
        } else if (!result.judgement().inside()) {
            run.heatEnded(false, "the profile ran outside its window (PWI " + String.format(Locale.ROOT, "%.0f",
                    result.judgement().pwi()) + "): " + result.judgement().statistics().stream()
                            .filter(j -> j.index() > 100).map(JobRunner::describe).collect(Collectors.joining("; ")));
        } else {
            run.heatEnded(true, null);
        }
    }

    private static String describe(Judged j) {
        return String.format(Locale.ROOT, "%s %.1f %s outside %.1f .. %.1f", j.statistic(), j.measured(), j.unit(),
                j.min(), j.max());
    }

    /** Steps whose doing disturbs the unit; checks, measurements, inspections, approvals and bakes do not. */
    private static boolean worksOnTheUnit(Step step) {
        return step instanceof InstructionStep || step instanceof UseMaterialStep || step instanceof RemoveCoatingStep
                || step instanceof CureStep || step instanceof HeatStep;
    }

    /** What this job adds to the unit's counts, each addition written to the journal as it happens. */
    private static final class Tally {
        private final Job job;
        private final Journal journal;
        int reworkActions;
        int thermalCycles;

        Tally(Job job, Journal journal) {
            this.job = job;
            this.journal = journal;
        }

        void disturbed(String step) throws IOException {
            if (reworkActions == 0) {
                count(step, 1, 0, "the part is disturbed");
            }
        }

        void heated(String step) throws IOException {
            count(step, reworkActions == 0 ? 1 : 0, 1, "heat is applied");
        }

        private void count(String step, int actions, int cycles, String why) throws IOException {
            journal.append("unit.counted", JobEntries.counted(job, step, actions, cycles, why));
            reworkActions += actions;
            thermalCycles += cycles;
        }
    }

    /** The interlocks' ceilings for a heat step: the joint's above the peak window, the package's at its Tc. */
    Limits limits(HeatStep step) {
        ThermalProfile profile = step.getProfile();
        Alloy alloy = profile.getAlloy();
        ReflowSegment reflow = reflow(profile);
        double tc = step.getComponent() == null ? Double.NaN
                : Classification.temperature(step.getComponent(), alloy.isLeadFree(), settings);
        if (Double.isNaN(tc)) {
            tc = alloy.isLeadFree() ? TC_LEAD_FREE : TC_TIN_LEAD;
        }
        return new Limits(reflow.getPeak().getMax().celsius() + JOINT_CEILING_MARGIN, tc,
                alloy.getLiquidus().celsius(), alloy.getSolidus().celsius() - END_BELOW_SOLIDUS);
    }

    /** Profiles with a reflow are run closed loop; a hand-soldering hold is done by the operator and confirmed. */
    private static boolean closedLoop(ThermalProfile profile) {
        return profile != null && reflow(profile) != null;
    }

    private static ReflowSegment reflow(ThermalProfile profile) {
        for (ProfileSegment s : profile.getSegments()) {
            if (s instanceof ReflowSegment r) {
                return r;
            }
        }
        return null;
    }

    private void answer(StepMachine run, StepProgress active, Operator operator) throws IOException {
        Prompt prompt = Prompts.of(active, run.unitClass());
        while (run.current() == active && active.state() == StepState.ACTIVE) {
            if (abortRequested != null) {
                run.abort(abortRequested, "bench");
                return;
            }
            Reply reply = operator.ask(prompt);
            try {
                if (reply instanceof Reply.Done) {
                    run.confirm("operator");
                } else if (reply instanceof Reply.Value v) {
                    run.measure(v.value(), "operator");
                } else if (reply instanceof Reply.Lot l) {
                    run.captureLot(l.lot(), "operator");
                } else if (reply instanceof Reply.Inspection i) {
                    run.inspect(i.passed(), i.note(), "operator");
                } else if (reply instanceof Reply.Skip s) {
                    run.skip(s.reason(), "operator");
                } else if (reply instanceof Reply.Abort a) {
                    abort(a.reason());
                    run.abort(a.reason(), "operator");
                }
            } catch (IllegalStateException e) {
                operator.refused(prompt, e.getMessage());
            }
        }
    }

}
