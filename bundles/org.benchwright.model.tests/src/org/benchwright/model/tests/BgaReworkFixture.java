/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.model.tests;

import java.time.Instant;
import java.time.LocalDate;

import org.benchwright.model.Activity;
import org.benchwright.model.Alloy;
import org.benchwright.model.ApprovalKind;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.BoardType;
import org.benchwright.model.Capability;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.Component;
import org.benchwright.model.ComponentFamily;
import org.benchwright.model.ConformanceLevel;
import org.benchwright.model.CoolSegment;
import org.benchwright.model.EquipmentCategory;
import org.benchwright.model.EquipmentKind;
import org.benchwright.model.EquipmentRequirement;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.FloorLifeCheckStep;
import org.benchwright.model.Flux;
import org.benchwright.model.HeatStep;
import org.benchwright.model.HeaterZone;
import org.benchwright.model.InspectStep;
import org.benchwright.model.Job;
import org.benchwright.model.Library;
import org.benchwright.model.MaterialLot;
import org.benchwright.model.MoistureSensitivityLevel;
import org.benchwright.model.Operation;
import org.benchwright.model.Outcome;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.ProfileLimits;
import org.benchwright.model.ProfileStatistics;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.Revision;
import org.benchwright.model.ReworkCount;
import org.benchwright.model.Sample;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.Standard;
import org.benchwright.model.StandardReference;
import org.benchwright.model.StepResult;
import org.benchwright.model.StepState;
import org.benchwright.model.Technician;
import org.benchwright.model.TelemetryChannel;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.TimeWindow;
import org.benchwright.model.UseMaterialStep;
import org.benchwright.model.ZoneRole;
import org.benchwright.model.ZoneSetpoint;
import org.benchwright.model.quantity.Length;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.benchwright.model.quantity.Volume;

/** A complete lead-free BGA removal: alloy, flux, part, focused-IR station, profile, procedure, technician, job, record. */
final class BgaReworkFixture {

    static final BenchwrightFactory F = BenchwrightFactory.eINSTANCE;

    final Library library = F.createLibrary();
    final Alloy sac305 = F.createAlloy();
    final Flux flux = F.createFlux();
    final Component bga = F.createComponent();
    final EquipmentKind focusedIr = F.createEquipmentKind();
    final ThermalProfile profile = F.createThermalProfile();
    final Procedure procedure = F.createProcedure();
    final Technician technician = F.createTechnician();
    final Job job = F.createJob();
    final ExecutionRecord record = F.createExecutionRecord();

    BgaReworkFixture() {
        library.setName("procedures.bga");

        sac305.setName("SAC305");
        sac305.setComposition("Sn96.5 Ag3.0 Cu0.5");
        sac305.setLeadFree(true);
        sac305.setSolidus(Temperature.of(217));
        sac305.setLiquidus(Temperature.of(220));
        sac305.setTipTemperature(window(345, 400));

        flux.setName("LF-gel");
        flux.setTitle("Lead-free no-clean gel flux");
        flux.setDesignation("ROL0");
        flux.setNoClean(true);
        flux.getAlloys().add(sac305);

        bga.setName("BGA-1156");
        bga.setFamily(ComponentFamily.BGA);
        bga.setThickness(Length.ofMillimetres(2.4));
        bga.setVolume(Volume.ofCubicMillimetres(2940));
        bga.setMsl(MoistureSensitivityLevel.MSL3);
        bga.setLeadFree(true);

        focusedIr.setName("focused-ir");
        focusedIr.setCategory(EquipmentCategory.FOCUSED_IR);
        focusedIr.getCapabilities().add(Capability.TOP_HEATER);
        focusedIr.getCapabilities().add(Capability.BOTTOM_PREHEATER);
        focusedIr.getCapabilities().add(Capability.PROFILE_CONTROL);
        focusedIr.setThermocoupleChannels(4);
        focusedIr.getZones().add(zone(ZoneRole.TOP, 50, 450, 4));
        focusedIr.getZones().add(zone(ZoneRole.BOTTOM, 50, 300, 2));

        buildProfile();
        buildProcedure();
        buildPeopleAndRecord();

        library.getElements().add(sac305);
        library.getElements().add(flux);
        library.getElements().add(bga);
        library.getElements().add(focusedIr);
        library.getElements().add(profile);
        library.getElements().add(procedure);
    }

    private void buildProfile() {
        profile.setName("BGA_SAC305_Removal");
        profile.setAlloy(sac305);
        ZoneSetpoint bottom = F.createZoneSetpoint();
        bottom.setZone(ZoneRole.BOTTOM);
        bottom.setTemperature(Temperature.of(150));
        profile.getSetpoints().add(bottom);
        RampSegment preheat = F.createRampSegment();
        preheat.setTarget(Temperature.of(150));
        preheat.setRate(RampRate.of(1.5));
        SoakSegment soak = F.createSoakSegment();
        soak.setTemperature(window(150, 180));
        soak.setDuration(times(60, 90));
        RampSegment toPeak = F.createRampSegment();
        toPeak.setToPeak(true);
        toPeak.setRate(RampRate.of(1.2));
        ReflowSegment reflow = F.createReflowSegment();
        reflow.setPeak(window(235, 245));
        reflow.setAboveLiquidus(times(45, 75));
        CoolSegment cool = F.createCoolSegment();
        cool.setRate(RampRate.of(4));
        profile.getSegments().add(preheat);
        profile.getSegments().add(soak);
        profile.getSegments().add(toPeak);
        profile.getSegments().add(reflow);
        profile.getSegments().add(cool);
        ProfileLimits limits = F.createProfileLimits();
        limits.setMaxRampUp(RampRate.of(3));
        limits.setMaxRampDown(RampRate.of(6));
        limits.setNearPeakBand(Temperature.of(5));
        limits.setMaxTimeNearPeak(TimeSpan.ofSeconds(30));
        limits.setMaxTimeToPeak(TimeSpan.ofMinutes(8));
        limits.setPeak(window(235, 245));
        limits.setTimeAboveLiquidus(times(60, 150));
        profile.setLimits(limits);
    }

    private void buildProcedure() {
        procedure.setName("bga-removal");
        procedure.setTitle("BGA Removal — focused IR with bottom preheater");
        procedure.setRevision("1");
        StandardReference ref = F.createStandardReference();
        ref.setStandard(Standard.IPC7711);
        ref.setRevision(Revision.D);
        ref.setTitle("BGA Removal");
        procedure.getReferences().add(ref);
        procedure.setActivity(Activity.REWORK);
        procedure.setSkill(SkillLevel.EXPERT);
        procedure.getConformance().add(ConformanceLevel.HIGH);
        procedure.getBoardTypes().add(BoardType.RIGID);
        procedure.getProductClasses().add(ProductClass.CLASS1);
        procedure.getProductClasses().add(ProductClass.CLASS2);
        procedure.getProductClasses().add(ProductClass.CLASS3);
        procedure.getComponentFamilies().add(ComponentFamily.BGA);
        procedure.getComponentFamilies().add(ComponentFamily.CSP);
        procedure.getTrainingModules().add(1);
        procedure.getTrainingModules().add(8);
        EquipmentRequirement needs = F.createEquipmentRequirement();
        needs.setEquipment(focusedIr);
        needs.getCapabilities().add(Capability.BOTTOM_PREHEATER);
        procedure.getEquipment().add(needs);
        procedure.getMaterials().add(flux);
        procedure.getComponents().add(bga);
        procedure.getTools().add("vacuum pick-up");

        Operation prepare = operation("prepare");
        FloorLifeCheckStep msl = F.createFloorLifeCheckStep();
        msl.setName("check-msl");
        msl.setText("Check floor life of the moisture-sensitive parts; bake if exceeded");
        msl.setComponent(bga);
        prepare.getSteps().add(msl);
        UseMaterialStep fluxing = F.createUseMaterialStep();
        fluxing.setName("flux");
        fluxing.setText("Apply flux to the site");
        fluxing.setMaterial(flux);
        prepare.getSteps().add(fluxing);

        Operation remove = operation("remove");
        HeatStep heat = F.createHeatStep();
        heat.setName("heat");
        heat.setProfile(profile);
        heat.setEquipment(focusedIr);
        heat.setControlChannel("joint");
        heat.setComponent(bga);
        remove.getSteps().add(heat);

        Operation inspect = operation("inspect");
        InspectStep look = F.createInspectStep();
        look.setName("site");
        look.setCriteria("Pads intact, no lifted lands, no damaged solder mask");
        look.setMagnification(10.0);
        inspect.getSteps().add(look);
    }

    private Operation operation(String name) {
        Operation op = F.createOperation();
        op.setName(name);
        procedure.getOperations().add(op);
        return op;
    }

    private void buildPeopleAndRecord() {
        technician.setId("T-017");
        technician.setFullName("Ada Reflow");
        technician.setSkill(SkillLevel.EXPERT);
        Certification cis = F.createCertification();
        cis.setLevel(CertificationLevel.CIS);
        cis.setNumber("CIS-2026-0042");
        cis.getModules().add(1);
        cis.getModules().add(8);
        cis.setIssued(LocalDate.of(2025, 3, 1));
        cis.setExpires(LocalDate.of(2027, 3, 1));
        technician.getCertifications().add(cis);

        job.setId("J-2026-311");
        job.setUnitSerial("SN-000731");
        job.setAssemblyPartNumber("PCA-4410-02");
        job.setProductClass(ProductClass.CLASS3);
        job.setProcedure(procedure);
        job.getDesignators().add("U7");
        org.benchwright.model.Approval approval = F.createApproval();
        approval.setKind(ApprovalKind.ENGINEERING);
        approval.setReference("ENG-88");
        approval.setDate(LocalDate.of(2026, 11, 20));
        job.getApprovals().add(approval);

        record.setId("R-1");
        record.setJob(job);
        record.setProcedure(procedure);
        record.setProcedureId("bga-removal");
        record.setProcedureRevision("1");
        record.setProcedureHash("sha256:3f1c");
        record.setTechnician(technician);
        record.setTechnicianId("T-017");
        record.setCertificationNumber("CIS-2026-0042");
        record.setStation("sim");
        record.setStarted(Instant.parse("2026-11-26T09:00:00Z"));
        record.setFinished(Instant.parse("2026-11-26T09:07:30Z"));
        record.setOutcome(Outcome.COMPLETED);
        StepResult heat = F.createStepResult();
        heat.setPath("remove/heat");
        heat.setStep(procedure.getOperations().get(1).getSteps().get(0));
        heat.setState(StepState.DONE);
        record.getSteps().add(heat);
        MaterialLot lot = F.createMaterialLot();
        lot.setMaterial(flux);
        lot.setMaterialName("LF-gel");
        lot.setLot("L2026-118");
        record.getLots().add(lot);
        TelemetryChannel joint = F.createTelemetryChannel();
        joint.setName("joint");
        joint.setUnit("°C");
        for (int i = 0; i < 5; i++) {
            Sample s = F.createSample();
            s.setTime(i * 0.25);
            s.setValue(25 + i * 0.4);
            joint.getSamples().add(s);
        }
        record.getTelemetry().add(joint);
        ProfileStatistics stats = F.createProfileStatistics();
        stats.setStep("remove/heat");
        stats.setChannel("joint");
        stats.setPeak(Temperature.of(241.3));
        stats.setTimeAboveLiquidus(TimeSpan.ofSeconds(71));
        stats.setMaxRampUp(RampRate.of(1.4));
        stats.setMaxRampDown(RampRate.of(3.2));
        stats.setPwi(62.5);
        record.getStatistics().add(stats);
        record.setPwi(62.5);
        ReworkCount count = F.createReworkCount();
        count.setUnitSerial("SN-000731");
        count.setDesignator("U7");
        count.setReworkActions(1);
        count.setThermalCycles(1);
        record.getCounts().add(count);
    }

    static TemperatureWindow window(double min, double max) {
        TemperatureWindow w = F.createTemperatureWindow();
        w.setMin(Temperature.of(min));
        w.setMax(Temperature.of(max));
        return w;
    }

    static TimeWindow times(double min, double max) {
        TimeWindow w = F.createTimeWindow();
        w.setMin(TimeSpan.ofSeconds(min));
        w.setMax(TimeSpan.ofSeconds(max));
        return w;
    }

    private static HeaterZone zone(ZoneRole role, double min, double max, double ramp) {
        HeaterZone z = F.createHeaterZone();
        z.setRole(role);
        z.setRange(window(min, max));
        z.setMaxRamp(RampRate.of(ramp));
        return z;
    }
}
