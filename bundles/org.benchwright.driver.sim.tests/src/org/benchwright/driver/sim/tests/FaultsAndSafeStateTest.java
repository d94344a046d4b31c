/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.sim.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.sim.FaultPlan;
import org.benchwright.driver.sim.SimFault;
import org.benchwright.driver.sim.SimStation;
import org.benchwright.driver.sim.SimStationFactory;
import org.benchwright.driver.sim.ThermalParameters;
import org.benchwright.driver.testkit.Await;
import org.junit.jupiter.api.Test;

/** What the station does when things go wrong, and that its safe state always stops the heat. */
class FaultsAndSafeStateTest {

    private final SimStation station = new SimStation(ThermalParameters.bga15(), 3);
    private final List<Fault> faults = new ArrayList<>();

    FaultsAndSafeStateTest() {
        station.addFaultListener(faults::add);
    }

    @Test
    void safeStateStopsEvenAStuckHeater() throws StationException {
        station.zone(ZoneRole.TOP).setSetpoint(300);
        station.advance(30);
        station.inject(SimFault.HEATER_STUCK_ON);
        station.zone(ZoneRole.TOP).off();
        station.advance(20);
        double air = station.network().air();
        assertTrue(air > 300, "a stuck heater keeps heating though off: air " + air);
        station.safeState("over-temperature");
        station.safeState("again"); // idempotent
        station.advance(20);
        assertTrue(station.network().air() < air - 50, "air after the contactor opened: " + station.network().air());
        assertFalse(station.zone(ZoneRole.TOP).isOn());
    }

    @Test
    void lostLinkRefusesCommandsSaysSoAndStillReachesSafeState() throws StationException {
        station.zone(ZoneRole.TOP).setSetpoint(350);
        station.advance(30);
        station.inject(SimFault.LINK_LOST);
        assertEquals(Fault.Kind.LINK_LOST, faults.get(0).kind());
        StationException e = assertThrows(StationException.class, () -> station.zone(ZoneRole.TOP).off());
        assertEquals("top: no reply from the station (link lost)", e.getMessage());
        double air = station.network().air();
        station.safeState("link lost");
        station.advance(20);
        assertTrue(station.network().air() < air - 50, "air " + air + " -> " + station.network().air());
    }

    @Test
    void openThermocoupleReadsNoTemperatureAndIsReported() {
        station.advance(1);
        station.inject(SimFault.THERMOCOUPLE_OPEN);
        station.advance(1);
        Sample joint = station.channel(ChannelRole.JOINT).latest();
        assertTrue(joint.openCircuit() && !joint.valid() && Double.isNaN(joint.celsius()), joint.toString());
        assertEquals(Fault.Kind.SENSOR_OPEN, faults.get(0).kind());
        assertTrue(station.channel(ChannelRole.BOARD).latest().valid());
    }

    @Test
    void channelsSampleAtFourHertzUntilTelemetryStops() {
        List<Sample> samples = new ArrayList<>();
        station.channel(ChannelRole.JOINT).addListener(samples::add);
        station.advance(10);
        assertTrue(Math.abs(samples.size() - 40) <= 1, samples.size() + " samples in 10 s");
        station.inject(SimFault.TELEMETRY_STOPS);
        int before = samples.size();
        station.advance(5);
        assertEquals(before, samples.size(), "samples after telemetry stopped");
    }

    @Test
    void noiseSpikesShowInTheReadings() {
        station.inject(SimFault.NOISE_SPIKES);
        List<Double> readings = new ArrayList<>();
        station.channel(ChannelRole.BOARD).addListener(s -> readings.add(s.celsius()));
        station.advance(60);
        assertTrue(readings.stream().anyMatch(r -> Math.abs(r - 25) > 15), "no spike in " + readings.size() + " samples");
    }

    @Test
    void aFaultOnCueComesWhenTheJointFirstReachesItsTemperature() throws StationException {
        station.plan(FaultPlan.parse("open-tc@150C"));
        List<Double> jointWhenFaulted = new ArrayList<>();
        station.addFaultListener(f -> jointWhenFaulted.add(station.network().joint()));
        station.zone(ZoneRole.BOTTOM).setSetpoint(200);
        station.zone(ZoneRole.TOP).setSetpoint(350);
        while (station.network().joint() < 149 && station.now() < 600) {
            station.advance(0.25);
            assertTrue(faults.isEmpty(), "a fault at " + station.network().joint() + " °C");
        }
        while (faults.isEmpty() && station.now() < 600) {
            station.advance(0.25);
        }
        assertEquals(List.of(Fault.Kind.SENSOR_OPEN), faults.stream().map(Fault::kind).toList());
        assertEquals(150, jointWhenFaulted.get(0), 0.5, "the joint when the thermocouple opened");
        station.advance(1);
        assertTrue(station.channel(ChannelRole.JOINT).latest().openCircuit());
        station.advance(120);
        assertEquals(1, faults.size(), "a cue fires once");
    }

    @Test
    void aFaultOnCueByTimeCountsFromTheHeatersFirstComingOn() throws StationException {
        station.plan(FaultPlan.parse("link-lost@30s+noise@5s"));
        station.advance(100); // idle: nothing happens before the heat
        assertEquals(List.of(), faults);
        station.zone(ZoneRole.TOP).setSetpoint(300);
        station.advance(29.9);
        assertEquals(List.of(), faults);
        station.advance(0.2);
        assertEquals(List.of(Fault.Kind.LINK_LOST), faults.stream().map(Fault::kind).toList());
        assertThrows(StationException.class, () -> station.zone(ZoneRole.TOP).off());
    }

    @Test
    void aFaultPlanThatIsNotUnderstoodSaysWhatACueIs() {
        assertEquals("open-tc@200C+link-lost@90s", FaultPlan.parse("open-tc@200C + link-lost@90s").toString());
        assertEquals("heater-stuck@230C", FaultPlan.parse("heater-stuck@230°C").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.parse("open-tc@hot"));
        assertEquals("fault 'open-tc@hot' is not <fault>@<temperature>C (when the joint reaches it) or "
                + "<fault>@<seconds>s (after the heaters first came on); faults: heater-stuck, link-lost, noise, "
                + "open-tc, telemetry-stop", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("fire@200C"));
    }

    @Test
    void atASpeedTheClockRunsFasterThanRealTimeUntilStopped() {
        long began = System.nanoTime();
        station.runAt(50);
        Await.until(() -> station.now() > 5, () -> "the clock does not run: " + station.now() + " s");
        double real = (System.nanoTime() - began) / 1e9;
        station.runAt(0);
        double stopped = station.now();
        // simulated time never runs slower than real time at speed 50, however busy the machine: ticks are late, not
        // shorter
        assertTrue(stopped > real, "simulated " + stopped + " s in " + real + " s of real time at speed 50");
        station.pace(1);
        assertEquals(stopped + 1, station.now(), 1e-6, "without a speed, pacing advances the clock at once");
    }

    @Test
    void factoryOpensNamedScenariosAndRefusesOthers() throws StationException {
        SimStationFactory factory = new SimStationFactory();
        assertEquals("sim:bga-35mm", factory.open(Map.of("scenario", "bga-35mm")).id());
        StationException e = assertThrows(StationException.class, () -> factory.open(Map.of("scenario", "qfp")));
        assertEquals("sim station: unknown scenario 'qfp'; use chip-0603, bga-15mm or bga-35mm", e.getMessage());
        assertNotNull(factory.open(Map.of()).zone(ZoneRole.BOTTOM));
    }
}
