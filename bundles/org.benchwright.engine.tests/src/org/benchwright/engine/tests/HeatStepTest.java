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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.sim.SimFault;
import org.benchwright.driver.sim.SimStation;
import org.benchwright.driver.sim.ThermalParameters;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.heat.HeatStepRunner.Result;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.stats.Figures;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.CoolSegment;
import org.benchwright.model.ProfileLimits;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.TimeWindow;
import org.benchwright.model.ZoneSetpoint;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A lead-free BGA reflow on the simulated bench, closed loop, and what each fault does to it. */
class HeatStepTest {

    private static final Limits LIMITS = new Limits(255, 260, 220, 187);
    /** Joint samples the watchdog lets go missing (HeatStepRunner.TOLERATED_MISSES). */
    private static final int TOLERATED_MISSES = 3;

    @TempDir
    Path dir;

    @Test
    void leadFreeBgaReflowStaysInsideTheProcessWindow() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 11);
        Result result = run(station, -1, null);
        assertTrue(result.completed(), () -> "failed: " + result.fault());
        System.out.println("BGA SAC305 on bga-15mm: " + result.judgement());
        assertTrue(result.judgement().pwi() < 100, () -> "PWI " + result.judgement());
        assertTrue(result.figures().peak() >= 235 && result.figures().peak() <= 245, "peak " + result.figures().peak());
        assertFalse(station.zone(ZoneRole.TOP).isOn() || station.zone(ZoneRole.BOTTOM).isOn(), "heaters left on");
        var report = JournalVerifier.verify(dir.resolve("job.jsonl"));
        assertFalse(report.broken());
        assertTrue(Files.readString(dir.resolve("job.jsonl")).contains("\"type\":\"heat.statistics\""));
    }

    @ParameterizedTest
    @EnumSource(value = SimFault.class, names = { "THERMOCOUPLE_OPEN", "TELEMETRY_STOPS", "LINK_LOST", "HEATER_STUCK_ON" })
    void eachFaultEndsWithHeatOffFailedAndRecorded(SimFault fault) throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 5);
        double[] offAt = { Double.NaN, Double.NaN };
        Result result = run(station, 60, fault, offAt);
        assertFalse(result.completed());
        assertNotNull(result.fault());
        assertTrue(station.contactorOpen(), "the station is not in safe state");
        // the safe state is entered when the fault is detected, which the fault's time records
        double reaction = result.fault().time() - offAt[1];
        Fault.Kind expected = switch (fault) {
        case THERMOCOUPLE_OPEN -> Fault.Kind.SENSOR_OPEN;
        case TELEMETRY_STOPS -> Fault.Kind.TELEMETRY_STOPPED;
        case LINK_LOST -> Fault.Kind.LINK_LOST;
        default -> Fault.Kind.HEATER_STUCK;
        };
        assertEquals(expected, result.fault().kind(), result.fault().toString());
        if (fault != SimFault.HEATER_STUCK_ON) {
            // one sample period (0.25 s); silence is known once the tolerated missed samples and one more period
            // have passed since the last sample, checked every 0.05 s
            double allowed = fault == SimFault.TELEMETRY_STOPS ? (TOLERATED_MISSES + 1) * 0.25 + 0.05 + 0.01 : 0.26;
            assertTrue(reaction <= allowed, fault + ": heat off " + reaction + " s after the fault");
        }
        String record = Files.readString(dir.resolve("job.jsonl"));
        assertTrue(record.contains("\"type\":\"fault\"") && record.contains(expected.name()), record);
        assertFalse(JournalVerifier.verify(dir.resolve("job.jsonl")).broken());
    }

    @Test
    void aMeterPolledEveryHalfSecondRunsTheProfileInsideItsWindow() throws IOException {
        // the K204 meter's default poll: 500 ms between joint samples
        SimStation station = new SimStation(ThermalParameters.bga15(), 11, 0.5);
        Result result = run(station, -1, null);
        assertTrue(result.completed(), () -> "failed: " + result.fault());
        assertTrue(result.judgement().pwi() < 100, () -> "PWI " + result.judgement());
        double[] times = result.joint().stream().mapToDouble(p -> p.time()).toArray();
        assertEquals(0.5, times[times.length - 1] - times[times.length - 2], 0.02, "samples every 0.5 s");
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0.25, 0.5 })
    void missedReadingsUpToTheToleranceDoNotStopTheStepAndOneMoreDoes(double period) throws IOException {
        SimStation tolerated = new SimStation(ThermalParameters.bga15(), 11, period);
        Result ok = run(tolerated, 60, s -> s.missSamples(TOLERATED_MISSES), new double[2]);
        assertTrue(ok.completed(), () -> TOLERATED_MISSES + " missed samples at " + period + " s failed the step: "
                + ok.fault());
        Files.delete(dir.resolve("job.jsonl"));
        SimStation silent = new SimStation(ThermalParameters.bga15(), 11, period);
        Result stopped = run(silent, 60, s -> s.missSamples(TOLERATED_MISSES + 1), new double[2]);
        assertFalse(stopped.completed());
        assertEquals(Fault.Kind.TELEMETRY_STOPPED, stopped.fault().kind(), () -> String.valueOf(stopped.fault()));
        assertTrue(silent.contactorOpen(), "the station is not in safe state");
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
    void noiseSpikesNeitherSteerNorTrip(long seed) throws IOException {
        // seed 1 once tripped the package interlock: two spikes among three readings got through a median of three
        Result clean = run(new SimStation(ThermalParameters.bga15(), seed), -1, null);
        Files.delete(dir.resolve("job.jsonl"));
        SimStation station = new SimStation(ThermalParameters.bga15(), seed);
        Result result = run(station, 30, SimFault.NOISE_SPIKES);
        assertTrue(result.completed(), () -> "failed: " + result.fault());
        // a spike that steered would show as figures apart from the same board's run without spikes (the same
        // thermocouples, offsets and all): a peak moved, a ramp no heater makes, a soak or a reflow cut short
        Figures with = result.figures();
        Figures without = clean.figures();
        String both = "seed " + seed + ": with spikes " + with + ", without " + without;
        assertEquals(without.peak(), with.peak(), 1.5, both);
        assertEquals(without.timeAboveLiquidus(), with.timeAboveLiquidus(), 6, both);
        assertEquals(without.soakTime(), with.soakTime(), 6, both);
        assertEquals(without.maxRampUp(), with.maxRampUp(), 0.5, both);
        assertEquals(without.maxRampDown(), with.maxRampDown(), 0.5, both);
    }

    private Result run(SimStation station, double faultAt, SimFault fault) throws IOException {
        return run(station, faultAt, fault, new double[2]);
    }

    /** Runs the reflow; {@code times[0]} gets when the contactor opened, {@code times[1]} when the fault came. */
    private Result run(SimStation station, double faultAt, SimFault fault, double[] times) throws IOException {
        return run(station, faultAt, fault == null ? null : s -> s.inject(fault), times);
    }

    /** Runs the reflow with {@code action} done to the station at {@code faultAt} s (none when {@code null}). */
    private Result run(SimStation station, double faultAt, Consumer<SimStation> action, double[] times)
            throws IOException {
        double[] record = new double[] { Double.NaN, Double.NaN };
        try (Journal journal = Journal.create(dir.resolve("job.jsonl"))) {
            HeatStepRunner runner = new HeatStepRunner(station, profile(), LIMITS, journal, "remove/reflow");
            Result result = runner.run(seconds -> {
                double step = 0.01;
                for (double t = 0; t < seconds; t += step) {
                    station.advance(step);
                    if (action != null && Double.isNaN(record[1]) && station.now() >= faultAt) {
                        record[1] = station.now();
                        action.accept(station);
                    }
                    if (Double.isNaN(record[0]) && station.contactorOpen()) {
                        record[0] = station.now();
                    }
                }
            });
            if (times.length > 1) {
                times[0] = record[0];
                times[1] = record[1];
            }
            return result;
        }
    }

    /** IPC-7711 lead-free BGA removal as the library writes it (profiles.bw, BGA_SAC305). */
    static ThermalProfile profile() {
        BenchwrightFactory f = BenchwrightFactory.eINSTANCE;
        ThermalProfile p = f.createThermalProfile();
        p.setName("BGA_SAC305");
        ZoneSetpoint bottom = f.createZoneSetpoint();
        bottom.setZone(org.benchwright.model.ZoneRole.BOTTOM);
        // 180 °C as the library has it: with a cooler board the top heat this 15 mm package needs takes it to its
        // 260 °C classification before the joints reach the peak window (the thermal model's conflict); the preheat
        // window allows up to 200 °C
        bottom.setTemperature(Temperature.of(180));
        p.getSetpoints().add(bottom);
        RampSegment preheat = f.createRampSegment();
        preheat.setTarget(Temperature.of(150));
        preheat.setRate(RampRate.of(1));
        SoakSegment soak = f.createSoakSegment();
        soak.setTemperature(window(150, 180));
        soak.setDuration(times(60, 90));
        RampSegment toPeak = f.createRampSegment();
        toPeak.setToPeak(true);
        toPeak.setRate(RampRate.of(1));
        ReflowSegment reflow = f.createReflowSegment();
        reflow.setPeak(window(235, 245));
        reflow.setAboveLiquidus(times(60, 90));
        CoolSegment cool = f.createCoolSegment();
        cool.setRate(RampRate.of(2));
        cool.setTarget(Temperature.of(100));
        p.getSegments().addAll(java.util.List.of(preheat, soak, toPeak, reflow, cool));
        ProfileLimits limits = f.createProfileLimits();
        limits.setMaxRampUp(RampRate.of(3));
        limits.setMaxRampDown(RampRate.of(6));
        limits.setMaxTimeNearPeak(TimeSpan.ofSeconds(30));
        limits.setMaxTimeToPeak(TimeSpan.ofMinutes(8));
        p.setLimits(limits);
        return p;
    }

    static TemperatureWindow window(double min, double max) {
        TemperatureWindow w = BenchwrightFactory.eINSTANCE.createTemperatureWindow();
        w.setMin(Temperature.of(min));
        w.setMax(Temperature.of(max));
        return w;
    }

    private static TimeWindow times(double min, double max) {
        TimeWindow w = BenchwrightFactory.eINSTANCE.createTimeWindow();
        w.setMin(TimeSpan.ofSeconds(min));
        w.setMax(TimeSpan.ofSeconds(max));
        return w;
    }
}
