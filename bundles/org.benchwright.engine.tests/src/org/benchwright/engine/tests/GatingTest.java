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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.Gate.MoistureStatus;
import org.benchwright.engine.gating.GatingPolicy;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.gating.UnitHistory;
import org.benchwright.model.Activity;
import org.benchwright.model.Approval;
import org.benchwright.model.ApprovalKind;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.Component;
import org.benchwright.model.ComponentFamily;
import org.benchwright.model.ConformanceLevel;
import org.benchwright.model.InspectStep;
import org.benchwright.model.Job;
import org.benchwright.model.MoistureSensitivityLevel;
import org.benchwright.model.Operation;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.ReworkCount;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.Technician;
import org.benchwright.model.quantity.Length;
import org.benchwright.model.quantity.Volume;
import org.benchwright.rules.RuleChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may start which job today, and why not: each refusal with its reason. */
class GatingTest {

    private static final BenchwrightFactory F = BenchwrightFactory.eINSTANCE;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final Technician technician = F.createTechnician();
    private final Certification certification = F.createCertification();
    private final Procedure procedure = F.createProcedure();
    private final Component part = F.createComponent();
    private final Job job = F.createJob();
    private final Gate gate = new Gate(new RuleChecker(), GatingPolicy.of(3, 5));

    GatingTest() {
        technician.setId("T-017");
        technician.setSkill(SkillLevel.EXPERT);
        certification.setLevel(CertificationLevel.CIS);
        certification.setNumber("CIS-2025-0042");
        certification.getModules().addAll(List.of(1, 5, 8));
        certification.setIssued(LocalDate.of(2025, 3, 1));
        certification.setExpires(LocalDate.of(2027, 3, 1));
        technician.getCertifications().add(certification);

        part.setName("U7");
        part.setFamily(ComponentFamily.BGA);
        part.setThickness(Length.ofMillimetres(1.2));
        part.setVolume(Volume.ofCubicMillimetres(300));
        part.setMsl(MoistureSensitivityLevel.MSL3);
        procedure.setName("bga-removal");
        procedure.setActivity(Activity.REWORK);
        procedure.setSkill(SkillLevel.EXPERT);
        procedure.getConformance().add(ConformanceLevel.HIGH);
        procedure.getComponentFamilies().add(ComponentFamily.BGA);
        procedure.getTrainingModules().addAll(List.of(1, 8));
        procedure.getComponents().add(part);
        Operation inspect = F.createOperation();
        inspect.setName("inspect");
        InspectStep look = F.createInspectStep();
        look.setCriteria("Pads intact");
        inspect.getSteps().add(look);
        procedure.getOperations().add(inspect);

        job.setId("J-1");
        job.setUnitSerial("SN-000731");
        job.setProductClass(ProductClass.CLASS3);
        job.setProcedure(procedure);
        job.getDesignators().add("U7");
    }

    private List<String> refusals(List<ReworkCount> history, Map<String, MoistureStatus> moisture) {
        return refusals(gate, new UnitHistory("SN-000731", history, 0, List.of()), moisture);
    }

    private List<String> refusals(Gate gate, UnitHistory history, Map<String, MoistureStatus> moisture) {
        return gate.check(technician, job, TODAY, history, moisture).stream().map(Refusal::toString).toList();
    }

    private List<String> refusals() {
        return refusals(List.of(), Map.of());
    }

    @Test
    void aCertifiedExpertMayStartAnApprovedBgaRework() {
        assertEquals(List.of(), refusals(List.of(count(1, 2)), Map.of("U7", new MoistureStatus(40, false))));
    }

    @Test
    void anExpiredCertificationIsRefused() {
        certification.setExpires(LocalDate.of(2026, 3, 1));
        assertEquals(List.of("[CERTIFICATION] T-017 holds no IPC-7711/7721 certification valid on 2026-11-26: "
                + "CIS-2025-0042 expired on 2026-03-01 (certifications are valid 24 months)"), refusals());
    }

    @Test
    void aCertificationWithoutTheModuleIsRefused() {
        certification.getModules().remove(Integer.valueOf(8));
        assertEquals(List.of("[MODULE] T-017's certification does not cover training module 8, which bga-removal needs"),
                refusals());
    }

    @Test
    void anIntermediateTechnicianMayNotDoBgaWork() {
        technician.setSkill(SkillLevel.INTERMEDIATE);
        assertEquals(List.of("[SKILL] Intermediate technician T-017 may not run bga-removal, which requires Expert skill "
                + "(IPC-7711/7721 skill levels)"), refusals());
    }

    @Test
    void aRepairNeedsAnApprovalOnFile() {
        procedure.setActivity(Activity.REPAIR);
        assertEquals(List.of("[APPROVAL] the repair of SN-000731 has no customer or engineering approval on file "
                + "(IPC-7711/7721: repairs need one)"), refusals().stream().filter(r -> r.startsWith("[APPROVAL]")).toList());
        job.getApprovals().add(approval(ApprovalKind.ENGINEERING, "ENG-88"));
        assertEquals(List.of(), refusals().stream().filter(r -> r.startsWith("[APPROVAL]")).toList());
    }

    @Test
    void aModificationNeedsAnEco() {
        procedure.setActivity(Activity.MODIFICATION);
        job.getApprovals().add(approval(ApprovalKind.ENGINEERING, "ENG-88"));
        assertEquals(List.of("[APPROVAL] the modification of SN-000731 has no engineering change order on file "
                + "(IPC-7711/7721: modifications need an ECO)"), refusals().stream().filter(r -> r.startsWith("[APPROVAL]")).toList());
    }

    @Test
    void aLowConformanceProcedureIsNotForClass3() {
        procedure.getConformance().clear();
        procedure.getConformance().add(ConformanceLevel.LOW);
        assertEquals("[CONFORMANCE] unit SN-000731 is class 3, which needs a High conformance procedure; bga-removal is low",
                refusals().get(0));
    }

    @Test
    void aProcedureThatBreaksARuleIsRefused() {
        procedure.getOperations().clear();
        assertEquals(List.of("[RULES] bga-removal breaks BW-FINAL-INSPECTION: does not end in an inspection against "
                + "acceptance criteria (IPC-7711/7721: results are judged by IPC-A-610)"), refusals());
    }

    @Test
    void aPartPastItsFloorLifeMustBeBakedFirst() {
        assertEquals(List.of("[MSL] U7 (MSL 3) has been out of dry pack 200 h, past its 168 h floor life (J-STD-033): "
                + "bake it first"), refusals(List.of(), Map.of("U7", new MoistureStatus(200, false))));
        assertEquals(List.of(), refusals(List.of(), Map.of("U7", new MoistureStatus(200, true))));
    }

    @Test
    void reworkAndThermalCycleLimitsAreHeld() {
        assertEquals(List.of("[REWORK_COUNT] U7 of SN-000731 has been reworked 3 times; limit 'limit' (every unit) "
                + "allows 3 rework action(s) per designator",
                "[THERMAL_CYCLES] U7 of SN-000731 has seen 5 thermal cycle(s); limit 'limit' (every unit) allows 5 per "
                        + "designator"),
                refusals(List.of(count(3, 5)), Map.of()));
        assertEquals(List.of(), refusals(List.of(count(2, 4)), Map.of()));
    }

    @Test
    void thePlantPolicyFileSaysWhichLimitsApplyToWhichUnitsAndTheStrictestDecides(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("policy.properties");
        Files.writeString(file, """
                # every unit
                limit.plant.rework-actions-per-designator = 3
                # ACME's class 3 contract
                limit.acme-class3.customer = ACME
                limit.acme-class3.classes = 3
                limit.acme-class3.rework-actions-per-designator = 1
                limit.acme-class3.thermal-cycles-per-unit = 4
                limit.acme-class3.description = contract AC-2026-7, clause 4.2
                # a BGA programme's assemblies
                limit.bga.assembly = PN-77*
                limit.bga.thermal-cycles-per-designator = 2
                """);
        Gate gate = new Gate(new RuleChecker(), GatingPolicy.read(file));
        UnitHistory once = new UnitHistory("SN-000731", List.of(count(1, 2)), 4, List.of());
        // another customer's class 3 unit: only the plant's own limit applies
        job.setCustomer("Globex");
        assertEquals(List.of(), refusals(gate, once, Map.of()));
        job.setCustomer("ACME");
        assertEquals(List.of("[REWORK_COUNT] U7 of SN-000731 has been reworked once; policy.properties, limit "
                + "'acme-class3' (customer ACME, class 3), contract AC-2026-7, clause 4.2 allows 1 rework action(s) per "
                + "designator", "[THERMAL_CYCLES] SN-000731 has seen 4 thermal cycle(s); policy.properties, limit "
                        + "'acme-class3' (customer ACME, class 3), contract AC-2026-7, clause 4.2 allows 4 per unit"),
                refusals(gate, once, Map.of()));
        job.setProductClass(ProductClass.CLASS2);
        job.setAssemblyPartNumber("PN-7731-B");
        assertEquals(List.of("[THERMAL_CYCLES] U7 of SN-000731 has seen 2 thermal cycle(s); policy.properties, limit "
                + "'bga' (assembly PN-77*) allows 2 per designator"), refusals(gate, once, Map.of()));
    }

    @Test
    void aPolicyFileWithAMistakeIsRefusedWithItsFileLineAndKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policy.properties");
        Files.writeString(file, "limit.a.classes = 3\nlimit.a.rework-actions = 2\n");
        assertEquals(file + ":2: unknown key 'limit.a.rework-actions'; a limit's keys are limit.<name>.<customer|"
                + "assembly|classes|rework-actions-per-designator|thermal-cycles-per-designator|thermal-cycles-per-unit|"
                + "description>, and store.unreachable says what a job does when the plant store cannot be reached",
                assertThrows(IOException.class, () -> GatingPolicy.read(file)).getMessage());
        Files.writeString(file, "limit.a.classes = 3\nlimit.a.thermal-cycles-per-unit = none\n");
        assertEquals(file + ":2: limit.a.thermal-cycles-per-unit takes a whole number of at least 1, not 'none'",
                assertThrows(IOException.class, () -> GatingPolicy.read(file)).getMessage());
        Files.writeString(file, "\n# only a condition\nlimit.a.classes = 4\n");
        assertEquals(file + ":3: limit.a.classes takes unit classes 1, 2 or 3, not '4'",
                assertThrows(IOException.class, () -> GatingPolicy.read(file)).getMessage());
        Files.writeString(file, "limit.a.classes = 3\n");
        assertEquals(file + ":1: limit 'a' limits nothing; give it rework-actions-per-designator, "
                + "thermal-cycles-per-designator or thermal-cycles-per-unit",
                assertThrows(IOException.class, () -> GatingPolicy.read(file)).getMessage());
        assertEquals(List.of(), GatingPolicy.read(dir.resolve("none.properties")).limits());
    }

    @Test
    void aRecordOfTheUnitThatCannotBeTrustedStopsNewJobsAndIsNamed() {
        UnitHistory history = new UnitHistory("SN-000731", List.of(), 0, List.of(new UnitHistory.Untrusted(
                "SN-000731-bga-removal-20261126-101500.jsonl", "damaged: entry 7 does not match its hash")));
        assertEquals(List.of("[RECORD] record SN-000731-bga-removal-20261126-101500.jsonl of SN-000731 cannot be "
                + "trusted (damaged: entry 7 does not match its hash): its counts may be missing, so no job starts on "
                + "SN-000731 until quality reviews it (benchwright review-record)"),
                refusals(new Gate(new RuleChecker(), GatingPolicy.unlimited()), history, Map.of()));
    }

    private ReworkCount count(int actions, int cycles) {
        ReworkCount count = F.createReworkCount();
        count.setUnitSerial("SN-000731");
        count.setDesignator("U7");
        count.setReworkActions(actions);
        count.setThermalCycles(cycles);
        return count;
    }

    private static Approval approval(ApprovalKind kind, String reference) {
        Approval approval = F.createApproval();
        approval.setKind(kind);
        approval.setReference(reference);
        return approval;
    }
}
