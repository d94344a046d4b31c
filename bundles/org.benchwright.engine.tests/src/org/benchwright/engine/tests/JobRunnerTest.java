/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.sim.SimFault;
import org.benchwright.driver.sim.SimStation;
import org.benchwright.driver.sim.ThermalParameters;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.GatingPolicy;
import org.benchwright.engine.gating.UnitHistory;
import org.benchwright.engine.heat.HeatSample;
import org.benchwright.engine.job.JobListener;
import org.benchwright.engine.job.JobRunner;
import org.benchwright.engine.job.Operator;
import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.job.RecordNotWrittenException;
import org.benchwright.engine.job.Reply;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.record.RecordReviews;
import org.benchwright.engine.record.Records;
import org.benchwright.model.Activity;
import org.benchwright.model.Alloy;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.Flux;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InspectStep;
import org.benchwright.model.InstructionStep;
import org.benchwright.model.Job;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.Operation;
import org.benchwright.model.Outcome;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.StepState;
import org.benchwright.model.Technician;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.UseMaterialStep;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A whole job on the simulated bench: gate, steps, closed-loop heat, interlocks, abort, and the record it leaves. */
class JobRunnerTest {

    private static final BenchwrightFactory F = BenchwrightFactory.eINSTANCE;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    private final Technician technician = F.createTechnician();
    private final Procedure procedure = procedure();

    JobRunnerTest() {
        technician.setId("T-001");
        technician.setFullName("Ana Ortega");
        technician.setSkill(SkillLevel.EXPERT);
        Certification c = F.createCertification();
        c.setLevel(CertificationLevel.CIS);
        c.setNumber("CIS-0001");
        c.getModules().addAll(List.of(1, 8));
        c.setIssued(LocalDate.of(2026, 1, 14));
        c.setExpires(LocalDate.of(2028, 1, 14));
        technician.getCertifications().add(c);
    }

    @Test
    void bgaRemovalCompletesInsideTheWindowAndTheRecordSaysWhatWasDone() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        Answers operator = new Answers("done", "LF-2026-0412", "41.5", "done", "pass");
        JobRunner.Result result = run(station, operator, "SN-1001", new JobRunner(gate(0), RuleSettings.defaults()));

        assertEquals(Outcome.COMPLETED, result.outcome(), () -> "ended: " + result.reason());
        assertTrue(result.pwi() < 100, "PWI " + result.pwi());
        assertHeatOff(station);
        ExecutionRecord record = Records.read(result.record());
        assertEquals(Outcome.COMPLETED, record.getOutcome());
        assertEquals("bga-removal", record.getProcedureId());
        assertEquals("T-001", record.getTechnicianId());
        assertEquals("CIS-0001", record.getCertificationNumber());
        assertEquals("sha256-of-source", record.getProcedureHash());
        assertEquals(List.of("U7"), record.getJob().getDesignators());
        assertEquals("LF-2026-0412", record.getLots().get(0).getLot());
        assertEquals(6, record.getSteps().size());
        assertTrue(record.getSteps().stream().allMatch(s -> s.getState() == StepState.DONE));
        assertEquals(41.5, record.getSteps().get(2).getMeasurements().get(0).getValue());
        assertEquals(result.pwi(), record.getPwi());
        assertEquals(1, record.getStatistics().size());
        assertTrue(record.getTelemetry().get(0).getSamples().size() > 1000, "a sample every 0.25 s for minutes");
        assertEquals(1, record.getCounts().get(0).getThermalCycles());
        assertFalse(JournalVerifier.verify(result.record()).broken());
    }

    @ParameterizedTest
    @EnumSource(ProductClass.class)
    void anInspectionThatNamesNoClassJudgesToTheUnitsClassInThePromptAndTheRecord(ProductClass unitClass)
            throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        List<Prompt> asked = new ArrayList<>();
        Answers operator = new Answers("done", "LF-2026-0412", "41.5", "done", "pass") {
            @Override
            public Reply ask(Prompt prompt) throws IOException {
                asked.add(prompt);
                return super.ask(prompt);
            }
        };
        Job job = job("SN-C" + unitClass.getValue());
        job.setProductClass(unitClass);
        JobRunner.Result result = new JobRunner(gate(0), RuleSettings.defaults()).run(job, technician, "hash",
                new JobRunner.Bench(station, station::advance), new JobRunner.Context(TODAY, null, Map.of()),
                operator, new JobListener() {
                }, dir.resolve("class.jsonl"));

        assertEquals(Outcome.COMPLETED, result.outcome(), () -> "ended: " + result.reason());
        Prompt inspection = asked.stream().filter(p -> p.kind() == Prompt.Kind.INSPECT).findFirst().orElseThrow();
        assertEquals("IPC-A-610 class " + unitClass.getValue() + ", the unit's class", inspection.details());
        assertTrue(Files.readString(result.record()).contains("\"passed\":true,\"note\":\"pass\",\"acceptanceClass\":"
                + unitClass.getValue()), "the record says which class the unit was inspected to");
    }

    @Test
    void aFailingDisplayNeitherStopsTheHeatNorTheJob() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        List<Integer> started = new ArrayList<>();
        int[] samples = { 0 };
        JobListener broken = new JobListener() {
            @Override
            public void jobStarted(List<org.benchwright.engine.steps.StepMachine.StepProgress> steps) {
                started.add(steps.size());
            }

            @Override
            public void heatSample(HeatSample sample) {
                samples[0]++;
                throw new IllegalStateException("a chart drawn from the wrong thread");
            }
        };
        JobRunner.Result result = run(station, new Answers("done", "LF-2026-0412", "41.5", "done", "pass"), "SN-1010",
                new JobRunner(gate(0), RuleSettings.defaults()), station::advance, null, false, broken);
        assertEquals(Outcome.COMPLETED, result.outcome(), () -> "ended: " + result.reason());
        assertEquals(List.of(6), started, "the listener learns the steps once, when the job starts");
        assertTrue(samples[0] > 1000, "every sample was shown: " + samples[0]);
        assertHeatOff(station);
    }

    @Test
    void aWrongAnswerIsAskedAgainAndNeverRecorded() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        Answers operator = new Answers("done", "  ", "LF-1", "41.5", "done", "abort operator called away");
        JobRunner.Result result = run(station, operator, "SN-1002", new JobRunner(gate(0), RuleSettings.defaults()));
        assertEquals(List.of("prepare/flux: a lot number is needed"), operator.refusals);
        assertEquals(Outcome.ABORTED, result.outcome());
        ExecutionRecord record = Records.read(result.record());
        assertEquals("LF-1", record.getLots().get(0).getLot());
        assertEquals(1, record.getLots().size());
    }

    @Test
    void anExpiredCertificationIsRefusedAtTheGateWithNoHeat() throws IOException {
        technician.getCertifications().get(0).setExpires(LocalDate.of(2026, 11, 1));
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        JobRunner.Result result = run(station, new Answers(), "SN-1003", new JobRunner(gate(0), RuleSettings.defaults()));
        assertEquals(Outcome.REFUSED, result.outcome());
        assertEquals("CERTIFICATION", result.refusals().get(0).code());
        ExecutionRecord record = Records.read(result.record());
        assertEquals(Outcome.REFUSED, record.getOutcome());
        assertTrue(record.getFaults().get(0).getMessage().contains("expired on 2026-11-01"), record.getFaults().get(0).getMessage());
        assertTrue(record.getSteps().isEmpty());
        assertEquals(25, station.network().joint(), 1, "the station was never heated");
    }

    @Test
    void abortMidHeatTurnsTheHeatOffAndTheRecordSaysAborted() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        JobRunner runner = new JobRunner(gate(0), RuleSettings.defaults());
        double[] abortedAt = { Double.NaN };
        JobRunner.Result result = run(station, new Answers("done", "LF-1", "41.5"), "SN-1004", runner, seconds -> {
            station.advance(seconds);
            if (station.now() > 200 && Double.isNaN(abortedAt[0])) {
                abortedAt[0] = station.now();
                new Thread(() -> runner.abort("smoke from the nozzle")).start(); // as a button on another thread
            }
        });
        assertEquals(Outcome.ABORTED, result.outcome());
        assertHeatOff(station);
        ExecutionRecord record = Records.read(result.record());
        assertEquals(Outcome.ABORTED, record.getOutcome());
        var heat = record.getSteps().stream().filter(s -> s.getPath().equals("remove/reflow")).findFirst().orElseThrow();
        assertEquals(StepState.ABORTED, heat.getState());
        assertEquals("smoke from the nozzle", heat.getReason());
        assertTrue(Files.readString(result.record()).contains("\"type\":\"heat.stopped\""));
    }

    @Test
    void aJobKilledMidHeatHasCountedItsThermalCycleAndItsReworkAction() throws IOException {
        JobRunner.Result result = run(new SimStation(ThermalParameters.bga15(), 3), new Answers("done", "LF-1", "41.5",
                "done", "pass"), "SN-1040", new JobRunner(gate(0), RuleSettings.defaults()));
        // the record as a bench that lost its power in the heat step leaves it: cut in the middle of a telemetry line
        String text = Files.readString(result.record());
        int telemetry = text.indexOf("\"type\":\"telemetry\"");
        Files.writeString(result.record(), text.substring(0, text.lastIndexOf('\n', telemetry) + 1 + 30));
        assertTrue(JournalVerifier.verify(result.record()).interrupted());
        assertEquals(Outcome.INTERRUPTED, Records.read(result.record()).getOutcome());

        UnitHistory history = Records.history(dir, "SN-1040");
        assertEquals(1, history.designator("U7").getReworkActions());
        assertEquals(1, history.designator("U7").getThermalCycles());
        assertEquals(1, history.thermalCycles());
        assertEquals(List.of(), history.untrusted(), "a crash is not a damaged record");
    }

    @Test
    void aJobAbortedBeforeTheUnitIsTouchedCountsNothing() throws IOException {
        JobRunner.Result result = run(new SimStation(ThermalParameters.bga15(), 3), new Answers("abort wrong unit"),
                "SN-1041", new JobRunner(gate(0), RuleSettings.defaults()));
        assertEquals(Outcome.ABORTED, result.outcome());
        UnitHistory history = Records.history(dir, "SN-1041");
        assertEquals(0, history.designator("U7").getReworkActions());
        assertEquals(0, history.designator("U7").getThermalCycles());
        assertEquals(0, history.thermalCycles());
        assertFalse(Files.readString(result.record()).contains("unit.counted"));
    }

    @Test
    void aDamagedRecordOfTheUnitStopsTheNextJobUntilQualityHasReviewedThatVeryFile() throws IOException {
        JobRunner runner = new JobRunner(gate(0), RuleSettings.defaults());
        JobRunner.Result first = run(new SimStation(ThermalParameters.bga15(), 3), new Answers("done", "LF-1", "41.5",
                "done", "pass"), "SN-1050", runner);
        assertEquals(Outcome.COMPLETED, first.outcome());
        Path record = first.record();
        // one byte changed: the lot number, long after the rework action was counted
        Files.writeString(record, Files.readString(record).replace("\"lot\":\"LF-1\"", "\"lot\":\"LF-7\""));

        JobRunner.Result refused = run(new SimStation(ThermalParameters.bga15(), 4), new Answers(), "SN-1050", runner);
        assertEquals(Outcome.REFUSED, refused.outcome());
        assertEquals("RECORD", refused.refusals().get(0).code());
        assertTrue(refused.refusals().get(0).reason().startsWith("record " + record.getFileName() + " of SN-1050 "
                + "cannot be trusted (damaged: entry "), refused.refusals().get(0).reason());
        // another unit's jobs go on
        assertEquals(List.of(), Records.history(dir, "SN-1051").untrusted());

        RecordReviews.review(record, "Q-002", "lot LF-1 confirmed from the flux log; the unit may be worked on", TODAY);
        JobRunner.Result next = run(new SimStation(ThermalParameters.bga15(), 5), new Answers("done", "LF-2", "41.5",
                "done", "pass"), "SN-1050", runner);
        assertEquals(Outcome.COMPLETED, next.outcome(), () -> "ended: " + next.reason() + " " + next.refusals());
        assertEquals(2, Records.history(dir, "SN-1050").designator("U7").getReworkActions(),
                "the reviewed record counts what it holds, the next job its own");
        assertEquals(2, Records.history(dir, "SN-1050").thermalCycles(),
                "the reviewed record's heat, written after the changed entry, counts");

        // changed again after the review: untrusted again
        Files.writeString(record, Files.readString(record).replace("\"lot\":\"LF-7\"", "\"lot\":\"LF-9\""));
        assertEquals(1, Records.history(dir, "SN-1050").untrusted().size());
    }

    @Test
    void aRunnerUsedAgainAfterAnAbortRunsTheNextJobToTheEnd() throws IOException {
        JobRunner runner = new JobRunner(gate(0), RuleSettings.defaults());
        SimStation first = new SimStation(ThermalParameters.bga15(), 3);
        JobRunner.Result aborted = run(first, new Answers("done", "LF-1", "41.5"), "SN-1020", runner, seconds -> {
            first.advance(seconds);
            if (first.now() > 100) {
                runner.abort("operator called away");
            }
        });
        assertEquals(Outcome.ABORTED, aborted.outcome());
        SimStation second = new SimStation(ThermalParameters.bga15(), 3);
        JobRunner.Result next = run(second, new Answers("done", "LF-2", "41.5", "done", "pass"), "SN-1021", runner);
        assertEquals(Outcome.COMPLETED, next.outcome(), () -> "the next job ended: " + next.reason());
        assertEquals(Outcome.COMPLETED, Records.read(next.record()).getOutcome());
    }

    @Test
    void aRecordThatCannotBeWrittenStopsTheJobWithHeatOffAndSaysWhereTheRecordEnds() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        Job job = job("SN-1030");
        Path file = dir.resolve("SN-1030.jsonl");
        long[] written = { 0 };
        // a records folder on a 48 KB file system: it fills up in the middle of the heat step
        Journal.Storage disk = (channel, bytes) -> {
            long room = 48 * 1024 - written[0];
            if (bytes.remaining() > room) {
                bytes.limit(bytes.position() + (int) Math.max(0, room));
                while (bytes.hasRemaining()) {
                    written[0] += channel.write(bytes);
                }
                throw new IOException("No space left on device");
            }
            while (bytes.hasRemaining()) {
                written[0] += channel.write(bytes);
            }
        };
        RecordNotWrittenException e = assertThrows(RecordNotWrittenException.class, () -> new JobRunner(gate(0),
                RuleSettings.defaults()).run(job, technician, "sha256-of-source", new JobRunner.Bench(station,
                        station::advance), new JobRunner.Context(TODAY, null, Map.of()),
                        new Answers("done", "LF-1", "41.5", "done", "pass"), new JobListener() {
                        }, file, f -> Journal.create(f, disk)));
        assertHeatOff(station);
        assertTrue(station.contactorOpen(), "the station is not in safe state");
        assertEquals("remove/reflow", e.step());
        JournalVerifier.Report report = JournalVerifier.verify(file);
        assertFalse(report.broken(), "the record does not verify: " + report.problem());
        assertEquals(e.intactEntries(), report.entries(), "the message names the record's last intact entry");
        assertEquals("The job's record could not be written (No space left on device): the job stopped and the "
                + "heaters are off.\nStopped at step remove/reflow (heat with BGA_SAC305).\nThe record " + file
                + " ends at entry " + report.entries() + " (telemetry) and verifies up to there (benchwright verify "
                + file + "); free space for the records folder before the next job.", e.getMessage());
    }

    @Test
    void aLinkLostMidHeatFailsTheJobWithTheFaultInTheRecord() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        JobRunner.Result result = run(station, new Answers("done", "LF-1", "41.5"), "SN-1005",
                new JobRunner(gate(0), RuleSettings.defaults()), seconds -> {
                    station.advance(seconds);
                    if (station.now() > 120 && station.now() < 120.1) {
                        station.inject(SimFault.LINK_LOST);
                    }
                });
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.reason().startsWith("remove/reflow: LINK_LOST"), result.reason());
        assertTrue(station.contactorOpen(), "the station is not in safe state");
        ExecutionRecord record = Records.read(result.record());
        assertEquals(Outcome.FAILED, record.getOutcome());
        assertTrue(record.getFaults().stream().anyMatch(f -> f.getMessage().startsWith("LINK_LOST")), "no fault recorded");
    }

    @Test
    void aJobThatStopsWithoutEndingReadsAsInterrupted() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 3);
        Operator crashing = new Answers("done") {
            @Override
            public Reply ask(Prompt prompt) throws IOException {
                if (prompt.kind() == Prompt.Kind.LOT) {
                    throw new IOException("the bench computer lost power"); // the process dies here, in effect
                }
                return super.ask(prompt);
            }
        };
        assertThrows(IOException.class, () -> run(station, crashing, "SN-1006",
                new JobRunner(gate(0), RuleSettings.defaults())));
        assertHeatOff(station);
        Path journal;
        try (var files = Files.list(dir)) {
            journal = files.filter(p -> p.toString().contains("SN-1006")).findFirst().orElseThrow();
        }
        ExecutionRecord record = Records.read(journal);
        assertEquals(Outcome.INTERRUPTED, record.getOutcome());
        assertEquals(StepState.ACTIVE, record.getSteps().get(record.getSteps().size() - 1).getState());
    }

    @Test
    void onlyAnApprovedRevisionRunsExceptInTrainingModeWhichTheRecordShows() throws IOException {
        DocumentRegister documents = new DocumentRegister(dir.resolve("documents.jsonl"));
        DocumentRegister.State draft = documents.state("bga-removal", "1", "sha256-of-source");
        JobRunner runner = new JobRunner(gate(0), RuleSettings.defaults());
        JobRunner.Result refused = run(new SimStation(ThermalParameters.bga15(), 3), new Answers(), "SN-3000", runner,
                draft, false);
        assertEquals(Outcome.REFUSED, refused.outcome());
        assertEquals("DOCUMENT", refused.refusals().get(0).code());
        assertEquals("bga-removal revision 1 is draft (never approved): only an approved revision runs; approve it, "
                + "or run it in training mode", refused.refusals().get(0).reason());

        JobRunner.Result training = run(new SimStation(ThermalParameters.bga15(), 3), new Answers("done", "LF-1", "41.5",
                "done", "pass"), "SN-3001", runner, draft, true);
        assertEquals(Outcome.COMPLETED, training.outcome(), () -> "ended: " + training.reason());
        assertTrue(Records.read(training.record()).isTraining(), "the record does not say training");
        assertFalse(Records.read(refused.record()).isTraining());
    }

    @Test
    void theRecordsCountReworkPerDesignatorAndThePolicyStopsTheThirdJob() throws IOException {
        JobRunner runner = new JobRunner(gate(2), RuleSettings.defaults());
        for (int i = 0; i < 2; i++) {
            JobRunner.Result r = run(new SimStation(ThermalParameters.bga15(), i), new Answers("done", "LF-1", "41.5",
                    "done", "pass"), "SN-2000", runner);
            assertEquals(Outcome.COMPLETED, r.outcome(), () -> "ended: " + r.reason());
        }
        assertEquals(2, Records.history(dir, "SN-2000").designator("U7").getReworkActions());
        assertEquals(2, Records.history(dir, "SN-2000").designator("U7").getThermalCycles());
        assertEquals(2, Records.history(dir, "SN-2000").thermalCycles());
        JobRunner.Result third = run(new SimStation(ThermalParameters.bga15(), 7), new Answers(), "SN-2000", runner);
        assertEquals(Outcome.REFUSED, third.outcome());
        assertEquals("REWORK_COUNT", third.refusals().get(0).code());
        assertTrue(third.refusals().get(0).reason().contains("U7 of SN-2000 has been reworked 2 times"),
                third.refusals().get(0).reason());
    }

    private JobRunner.Result run(SimStation station, Operator operator, String unit, JobRunner runner)
            throws IOException {
        return run(station, operator, unit, runner, station::advance);
    }

    private JobRunner.Result run(SimStation station, Operator operator, String unit, JobRunner runner,
            DocumentRegister.State document, boolean training) throws IOException {
        return run(station, operator, unit, runner, station::advance, document, training);
    }

    private JobRunner.Result run(SimStation station, Operator operator, String unit, JobRunner runner,
            org.benchwright.engine.heat.HeatStepRunner.Pacer pacer) throws IOException {
        return run(station, operator, unit, runner, pacer, null, false);
    }

    private JobRunner.Result run(SimStation station, Operator operator, String unit, JobRunner runner,
            org.benchwright.engine.heat.HeatStepRunner.Pacer pacer, DocumentRegister.State document, boolean training)
            throws IOException {
        return run(station, operator, unit, runner, pacer, document, training, new JobListener() {
        });
    }

    private JobRunner.Result run(SimStation station, Operator operator, String unit, JobRunner runner,
            org.benchwright.engine.heat.HeatStepRunner.Pacer pacer, DocumentRegister.State document, boolean training,
            JobListener listener) throws IOException {
        Job job = job(unit);
        return runner.run(job, technician, "sha256-of-source", new JobRunner.Bench(station, pacer),
                new JobRunner.Context(TODAY, Records.history(dir, unit), Map.of(), document, training), operator,
                listener, dir.resolve(job.getId() + "-" + System.nanoTime() + ".jsonl"));
    }

    private Job job(String unit) {
        Job job = F.createJob();
        job.setId(unit + "-job");
        job.setUnitSerial(unit);
        job.setProductClass(ProductClass.CLASS2);
        job.setProcedure(procedure);
        job.getDesignators().add("U7");
        return job;
    }

    private static Gate gate(int maxRework) {
        return new Gate(new RuleChecker(), GatingPolicy.of(maxRework, 0));
    }

    private static void assertHeatOff(SimStation station) {
        assertFalse(station.zone(ZoneRole.TOP).isOn() || station.zone(ZoneRole.BOTTOM).isOn(), "heaters left on");
    }

    /** An operator who gives these answers in order, as typed; records what was refused. */
    static class Answers implements Operator {
        final Deque<String> answers;
        final List<String> refusals = new ArrayList<>();

        Answers(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Reply ask(Prompt prompt) throws IOException {
            String a = answers.isEmpty() ? "abort no more answers" : answers.poll();
            if (a.startsWith("abort")) {
                return new Reply.Abort(a.substring(5).strip());
            }
            return switch (prompt.kind()) {
                case CONFIRM -> new Reply.Done();
                case MEASURE -> new Reply.Value(Double.parseDouble(a));
                case LOT -> new Reply.Lot(a);
                case INSPECT -> new Reply.Inspection(a.equals("pass"), a);
            };
        }

        @Override
        public void refused(Prompt prompt, String reason) {
            refusals.add(reason);
        }
    }

    /** Lead-free BGA removal: thermocouple, flux (lot captured), board temperature, reflow, lift, inspection. */
    private static Procedure procedure() {
        Alloy sac305 = F.createAlloy();
        sac305.setName("SAC305");
        sac305.setLeadFree(true);
        sac305.setSolidus(Temperature.of(217));
        sac305.setLiquidus(Temperature.of(220));
        ThermalProfile profile = HeatStepTest.profile();
        profile.setAlloy(sac305);
        Flux flux = F.createFlux();
        flux.setName("LeadFreeNoCleanGel");

        Procedure p = F.createProcedure();
        p.setName("bga-removal");
        p.setTitle("BGA Removal");
        p.setActivity(Activity.REWORK);
        p.setSkill(SkillLevel.EXPERT);
        p.getTrainingModules().addAll(List.of(1, 8));
        p.getMaterials().add(flux);
        InstructionStep attach = F.createInstructionStep();
        attach.setText("Attach a thermocouple at a corner joint");
        UseMaterialStep useFlux = F.createUseMaterialStep();
        useFlux.setName("flux");
        useFlux.setMaterial(flux);
        useFlux.setCaptureLot(true);
        MeasureStep board = F.createMeasureStep();
        board.setName("board");
        board.setQuantity("board temperature");
        board.setUnit("°C");
        board.setUpperLimit(60.0);
        HeatStep reflow = F.createHeatStep();
        reflow.setName("reflow");
        reflow.setProfile(profile);
        InstructionStep lift = F.createInstructionStep();
        lift.setText("Lift the part");
        InspectStep site = F.createInspectStep();
        site.setName("site");
        site.setCriteria("Pads intact");
        p.getOperations().add(operation("prepare", attach, useFlux, board));
        p.getOperations().add(operation("remove", reflow, lift));
        p.getOperations().add(operation("inspect", site));
        return p;
    }

    private static Operation operation(String name, org.benchwright.model.Step... steps) {
        Operation o = F.createOperation();
        o.setName(name);
        o.getSteps().addAll(List.of(steps));
        return o;
    }
}
