/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.serial.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.benchwright.driver.api.CompositeStation;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.k204.internal.K204StationFactory;
import org.benchwright.driver.modbus.internal.ControllerProfile.Eurotherm3200;
import org.benchwright.driver.modbus.internal.ControllerProfile.OmronE5cc;
import org.benchwright.driver.modbus.internal.ModbusStationFactory;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.benchwright.driver.testkit.PtyPair;
import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.GatingPolicy;
import org.benchwright.engine.heat.HeatSample;
import org.benchwright.engine.job.JobListener;
import org.benchwright.engine.job.JobRunner;
import org.benchwright.engine.job.Operator;
import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.job.Reply;
import org.benchwright.engine.record.Records;
import org.benchwright.model.Activity;
import org.benchwright.model.Alloy;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.EquipmentCategory;
import org.benchwright.model.EquipmentKind;
import org.benchwright.model.EquipmentRequirement;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InspectStep;
import org.benchwright.model.Job;
import org.benchwright.model.Operation;
import org.benchwright.model.Outcome;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.Technician;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.TimeWindow;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.RuleSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench of real protocols: an Omron top heater and a Eurotherm preheater on a Modbus bus, thermocouples on a K204
 * meter, composed into one station, running a job's heat step until the Modbus bus is pulled out.
 */
class BenchJobTest {

    private static final BenchwrightFactory F = BenchwrightFactory.eINSTANCE;
    private static final int JOINT_SAMPLES_BEFORE_PULL = 4;

    @TempDir
    Path dir;

    @Test
    void theHeaterBusVanishingMidJobFailsTheJobWithTheFaultInTheRecord() throws Exception {
        try (PtyPair bus = new PtyPair(Files.createDirectories(dir.resolve("bus")));
                PtyPair meterLine = new PtyPair(Files.createDirectories(dir.resolve("tc")));
                ControllerSimulator controllers = new ControllerSimulator(bus.device(), 19200)
                        .unit(1, OmronE5cc.OPERATION_COMMAND, 0, OmronE5cc.PROCESS_VALUE, 250, OmronE5cc.SETPOINT, 0)
                        .unit(2, Eurotherm3200.PROCESS_VALUE, 250, Eurotherm3200.MANUAL_OUTPUT, 0,
                                Eurotherm3200.REMOTE_SETPOINT, 0, Eurotherm3200.AUTO_MANUAL, 0, Eurotherm3200.REMOTE_LOCAL, 0);
                ThermometerSimulator meter = new ThermometerSimulator(meterLine.device())) {
            JSerialCommPorts ports = new JSerialCommPorts();
            // the drivers' defaults, as the K204 README's full example has them: Modbus polled every 250 ms, the
            // meter every 500 ms
            Station heaters = new ModbusStationFactory(ports).open(Map.of("port", bus.master(), "top.unit", "1",
                    "top.profile", "omron-e5cc", "bottom.unit", "2", "bottom.profile", "eurotherm-3200"));
            Station thermocouples = new K204StationFactory(ports).open(Map.of("port", meterLine.master(),
                    "channel.1", "joint", "channel.2", "component", "channel.3", "board"));
            try (Station bench = new CompositeStation("bench-3", List.of(heaters, thermocouples))) {
                // the bus is pulled once the heat step has controlled on four joint samples from the meter
                CountDownLatch heating = new CountDownLatch(JOINT_SAMPLES_BEFORE_PULL);
                Thread puller = new Thread(() -> {
                    try {
                        heating.await();
                        bus.unplug();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                puller.setDaemon(true);
                puller.start();
                JobRunner.Result result = new JobRunner(new Gate(new RuleChecker(), GatingPolicy.unlimited()),
                        RuleSettings.defaults()).run(job(), technician(), "hash", new JobRunner.Bench(bench, seconds -> {
                            try {
                                Thread.sleep((long) (seconds * 1000));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }), new JobRunner.Context(LocalDate.of(2026, 11, 26), null, Map.of()), new Operator() {
                            @Override
                            public Reply ask(Prompt prompt) {
                                return new Reply.Abort("no questions in this test");
                            }

                            @Override
                            public void refused(Prompt prompt, String reason) {
                            }
                        }, new JobListener() {
                            @Override
                            public void heatSample(HeatSample sample) {
                                heating.countDown();
                            }
                        }, dir.resolve("record.jsonl"));
                assertEquals(0, heating.getCount(), "the heat step ended before " + JOINT_SAMPLES_BEFORE_PULL
                        + " joint samples: " + result.reason());
                puller.join();
                assertEquals(Outcome.FAILED, result.outcome(), () -> "ended: " + result.reason() + " " + result.refusals());
                assertTrue(result.reason().contains("LINK_LOST"), result.reason());
                assertFalse(bench.zone(ZoneRole.TOP).isOn(), "the top zone still reads as heating");
                ExecutionRecord record = Records.read(dir.resolve("record.jsonl"));
                assertEquals(Outcome.FAILED, record.getOutcome());
                assertTrue(record.getFaults().stream().anyMatch(f -> f.getMessage().startsWith("LINK_LOST")),
                        "the record has no LINK_LOST fault");
                assertTrue(record.getTelemetry().get(0).getSamples().size() >= JOINT_SAMPLES_BEFORE_PULL,
                        "joint samples from the meter");
            }
        }
    }

    private static Technician technician() {
        Technician t = F.createTechnician();
        t.setId("T-001");
        t.setSkill(SkillLevel.EXPERT);
        Certification c = F.createCertification();
        c.setLevel(CertificationLevel.CIS);
        c.setNumber("CIS-1");
        c.getModules().add(1);
        c.setIssued(LocalDate.of(2026, 1, 1));
        c.setExpires(LocalDate.of(2028, 1, 1));
        t.getCertifications().add(c);
        return t;
    }

    private static Job job() throws IOException {
        Alloy alloy = F.createAlloy();
        alloy.setName("SAC305");
        alloy.setLeadFree(true);
        alloy.setSolidus(Temperature.of(217));
        alloy.setLiquidus(Temperature.of(220));
        ThermalProfile profile = F.createThermalProfile();
        profile.setName("Reflow");
        profile.setAlloy(alloy);
        ReflowSegment reflow = F.createReflowSegment();
        TemperatureWindow peak = F.createTemperatureWindow();
        peak.setMin(Temperature.of(235));
        peak.setMax(Temperature.of(245));
        reflow.setPeak(peak);
        TimeWindow tal = F.createTimeWindow();
        tal.setMin(TimeSpan.ofSeconds(60));
        tal.setMax(TimeSpan.ofSeconds(90));
        reflow.setAboveLiquidus(tal);
        profile.getSegments().add(reflow);
        HeatStep heat = F.createHeatStep();
        heat.setName("reflow");
        heat.setProfile(profile);
        EquipmentKind ir = F.createEquipmentKind();
        ir.setName("focused-ir");
        ir.setCategory(EquipmentCategory.FOCUSED_IR);
        heat.setEquipment(ir);
        Operation remove = F.createOperation();
        remove.setName("remove");
        remove.getSteps().add(heat);
        Procedure p = F.createProcedure();
        p.setName("bga-removal");
        p.setActivity(Activity.REWORK);
        p.getOperations().add(remove);
        EquipmentRequirement needs = F.createEquipmentRequirement();
        needs.setEquipment(ir);
        p.getEquipment().add(needs);
        InspectStep site = F.createInspectStep();
        site.setCriteria("Pads intact");
        Operation inspect = F.createOperation();
        inspect.setName("inspect");
        inspect.getSteps().add(site);
        p.getOperations().add(inspect);
        Job job = F.createJob();
        job.setId("J-1");
        job.setUnitSerial("SN-7");
        job.setProductClass(ProductClass.CLASS2);
        job.setProcedure(p);
        job.getDesignators().add("U7");
        return job;
    }
}
