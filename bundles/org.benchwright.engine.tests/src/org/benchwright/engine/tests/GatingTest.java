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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.Gate.MoistureStatus;
import org.benchwright.engine.gating.GatingPolicy;
import org.benchwright.engine.gating.Refusal;
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

/** Who may start which job today, and why not: each refusal with its reason. */
class GatingTest {

    private static final BenchwrightFactory F = BenchwrightFactory.eINSTANCE;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final Technician technician = F.createTechnician();
    private final Certification certification = F.createCertification();
    private final Procedure procedure = F.createProcedure();
    private final Component part = F.createComponent();
    private final Job job = F.createJob();
    private final Gate gate = new Gate(new RuleChecker(), new GatingPolicy(3, 5));

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
        assertEquals(List.of("[REWORK_COUNT] U7 of SN-000731 has been reworked 3 times; the limit is 3",
                "[REWORK_COUNT] U7 of SN-000731 has seen 5 thermal cycles; the limit is 5"),
                refusals(List.of(count(3, 5)), Map.of()));
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
