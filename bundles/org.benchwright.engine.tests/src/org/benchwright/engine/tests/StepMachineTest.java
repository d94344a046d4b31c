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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.steps.StepMachine;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Flux;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InspectStep;
import org.benchwright.model.InstructionStep;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.Operation;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.StepState;
import org.benchwright.model.UseMaterialStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A technician's way through a procedure, step by step, as the record keeps it. */
class StepMachineTest {

    private static final BenchwrightFactory F = BenchwrightFactory.eINSTANCE;

    @TempDir
    Path dir;

    private Procedure procedure() {
        Procedure p = F.createProcedure();
        p.setName("land-repair");
        Operation prepare = F.createOperation();
        prepare.setName("prepare");
        InstructionStep mask = F.createInstructionStep();
        mask.setName("mask");
        mask.setText("Mask the area");
        Flux flux = F.createFlux();
        flux.setName("Gel");
        UseMaterialStep apply = F.createUseMaterialStep();
        apply.setName("flux");
        apply.setMaterial(flux);
        apply.setCaptureLot(true);
        prepare.getSteps().addAll(List.of(mask, apply));
        Operation check = F.createOperation();
        check.setName("check");
        MeasureStep ohms = F.createMeasureStep();
        ohms.setName("continuity");
        ohms.setQuantity("resistance");
        ohms.setUnit("ohm");
        ohms.setLowerLimit(0.0);
        ohms.setUpperLimit(0.5);
        HeatStep heat = F.createHeatStep();
        heat.setName("reflow");
        InspectStep look = F.createInspectStep();
        look.setCriteria("Land bonded and flush");
        check.getSteps().addAll(List.of(ohms, heat, look));
        p.getOperations().addAll(List.of(prepare, check));
        return p;
    }

    @Test
    void aJobRunsThroughEveryStepAndTheRecordSaysSoInOrder() throws IOException {
        Path file = dir.resolve("job.jsonl");
        try (Journal journal = Journal.create(file)) {
            StepMachine job = new StepMachine(procedure(), journal);
            job.start();
            assertEquals("prepare/mask", job.current().path());
            job.confirm("T-017");
            job.captureLot(" L2026-118 ", "T-017");
            job.measure(0.2, "T-017");
            job.heatEnded(true, null);
            job.inspect(true, null, "T-017");
            assertTrue(job.completed() && job.ended());
            assertNull(job.current());
        }
        List<String> types = types(file);
        assertEquals(List.of("step.active", "step.done", "step.active", "step.done", "step.active", "step.done",
                "step.active", "step.done", "step.active", "step.done"), types);
        assertTrue(Files.readString(file).contains("\"lot\":\"L2026-118\""));
        assertFalse(JournalVerifier.verify(file).broken());
    }

    @Test
    void anInspectionJudgesToItsOwnClassWhenItNamesOneAndToTheUnitsWhenNot() throws IOException {
        assertEquals(ProductClass.CLASS3, StepMachine.acceptanceClass(F.createInspectStep(), ProductClass.CLASS3));
        InspectStep own = F.createInspectStep();
        own.setAcceptanceClass(ProductClass.CLASS1); // the enum's default, set on purpose: it is the step's class
        assertEquals(ProductClass.CLASS1, StepMachine.acceptanceClass(own, ProductClass.CLASS3));
        assertNull(StepMachine.acceptanceClass(F.createInspectStep(), null));

        Path file = dir.resolve("job.jsonl");
        try (Journal journal = Journal.create(file)) {
            StepMachine job = new StepMachine(procedure(), journal, ProductClass.CLASS3);
            job.start();
            job.confirm("T-017");
            job.captureLot("L1", "T-017");
            job.measure(0.2, "T-017");
            job.heatEnded(true, null);
            job.inspect(false, "lifted land", "T-017");
        }
        assertTrue(Files.readString(file).contains("\"note\":\"lifted land\",\"acceptanceClass\":3"),
                Files.readString(file));
    }

    @Test
    void aMeasurementOutsideItsLimitsFailsTheStepAndEndsTheJob() throws IOException {
        try (Journal journal = Journal.create(dir.resolve("job.jsonl"))) {
            StepMachine job = new StepMachine(procedure(), journal);
            job.start();
            job.confirm("T-017");
            job.captureLot("L1", "T-017");
            job.measure(0.9, "T-017");
            StepMachine.StepProgress failed = job.steps().get(2);
            assertEquals(StepState.FAILED, failed.state());
            assertEquals("resistance 0.9 ohm is outside 0.0 .. 0.5 ohm", failed.reason());
            assertTrue(job.ended());
            assertFalse(job.completed());
        }
    }

    @Test
    void eachStepTakesWhatItsKindNeeds() throws IOException {
        try (Journal journal = Journal.create(dir.resolve("job.jsonl"))) {
            StepMachine job = new StepMachine(procedure(), journal);
            assertEquals("the job has not started", assertThrows(IllegalStateException.class, () -> job.confirm("T")).getMessage());
            job.start();
            job.confirm("T-017");
            assertEquals("prepare/flux needs the lot of Gel captured",
                    assertThrows(IllegalStateException.class, () -> job.confirm("T-017")).getMessage());
            assertEquals("prepare/flux: a step is skipped only with a reason",
                    assertThrows(IllegalStateException.class, () -> job.skip(" ", "T-017")).getMessage());
            job.skip("flux already applied by the previous step", "T-017");
            assertEquals(StepState.SKIPPED, job.steps().get(1).state());
            assertEquals("check/continuity needs a measured value, not a confirmation",
                    assertThrows(IllegalStateException.class, () -> job.confirm("T-017")).getMessage());
        }
    }

    @Test
    void anAbortLeavesTheRestPendingAndIsRecorded() throws IOException {
        Path file = dir.resolve("job.jsonl");
        try (Journal journal = Journal.create(file)) {
            StepMachine job = new StepMachine(procedure(), journal);
            job.start();
            job.abort("board cracked", "T-017");
            assertEquals(StepState.ABORTED, job.steps().get(0).state());
            assertEquals(StepState.PENDING, job.steps().get(1).state());
            assertNull(job.current());
            assertEquals("the job was aborted",
                    assertThrows(IllegalStateException.class, () -> job.confirm("T-017")).getMessage());
        }
        assertEquals(List.of("step.active", "job.aborted"), types(file));
    }

    private static List<String> types(Path file) throws IOException {
        Pattern type = Pattern.compile("\"type\":\"([^\"]+)\"");
        return Files.readAllLines(file).stream().map(line -> {
            Matcher m = type.matcher(line);
            m.find();
            return m.group(1);
        }).toList();
    }
}
