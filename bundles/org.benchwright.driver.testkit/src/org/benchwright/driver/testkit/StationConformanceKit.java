/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.TemperatureChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tests every driver must pass, whatever its device: extend this class in the driver's test bundle, open a
 * station on a device simulator in {@link #open()}, make the device vanish in {@link #disconnect()}. It checks what
 * the engine relies on: safe state from any state and any thread, at once and as often as called; a vanished device
 * reported as a fault; a close that never blocks; zones that keep to their ranges; channels that deliver samples.
 */
public abstract class StationConformanceKit {

    /** How long safe state, or close, may take before the kit calls it blocking, ms. */
    protected static final long PROMPT_MILLIS = 100;

    private final List<Station> opened = new ArrayList<>();

    /** Opens a station on a fresh device simulator. */
    protected abstract Station createStation() throws Exception;

    /** Makes the device vanish, as an unplugged cable would. */
    protected abstract void disconnect() throws Exception;

    /** Lets the station's time pass (simulators advance their clock; real drivers just wait). */
    protected void pass(long millis) throws Exception {
        Thread.sleep(millis);
    }

    /** How long the driver may take to notice that its device is gone, ms. */
    protected long faultWithinMillis() {
        return 3000;
    }

    private Station open() throws Exception {
        Station station = createStation();
        opened.add(station);
        return station;
    }

    @AfterEach
    void closeStations() {
        opened.forEach(Station::close);
    }

    @Test
    void safeStateFromIdleIsPromptAndCanBeRepeated() throws Exception {
        Station station = open();
        for (int i = 0; i < 3; i++) {
            long began = System.nanoTime();
            station.safeState("kit: idle, time " + i);
            assertPrompt(began, "safeState on an idle station");
        }
        for (HeaterZone zone : station.zones()) {
            assertFalse(zone.isOn(), zone.id() + " is on after safe state");
        }
    }

    @Test
    void safeStateFromAnotherThreadTurnsEveryHeatingZoneOff() throws Exception {
        Station station = open();
        assumeFalse(station.zones().isEmpty(), "the station has no heaters");
        for (HeaterZone zone : station.zones()) {
            zone.setSetpoint(Math.min(zone.maxCelsius(), Math.max(zone.minCelsius(), 150)));
            assertTrue(zone.isOn(), zone.id() + " is not on after a setpoint");
        }
        CountDownLatch done = new CountDownLatch(1);
        long[] took = new long[1];
        Thread other = new Thread(() -> {
            long began = System.nanoTime();
            station.safeState("kit: from another thread");
            took[0] = System.nanoTime() - began;
            done.countDown();
        });
        other.start();
        assertTrue(done.await(5, TimeUnit.SECONDS), "safeState did not return");
        assertTrue(took[0] < PROMPT_MILLIS * 1_000_000, "safeState took " + took[0] / 1_000_000 + " ms");
        for (HeaterZone zone : station.zones()) {
            assertFalse(zone.isOn(), zone.id() + " is still on");
        }
        station.safeState("kit: again");
    }

    @Test
    void aVanishedDeviceIsReportedAsAFaultAndSafeStateStillWorks() throws Exception {
        Station station = open();
        List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
        station.addFaultListener(faults::add);
        for (HeaterZone zone : station.zones()) {
            zone.setSetpoint(Math.min(zone.maxCelsius(), Math.max(zone.minCelsius(), 150)));
        }
        disconnect();
        long deadline = System.nanoTime() + faultWithinMillis() * 1_000_000;
        while (faults.isEmpty() && System.nanoTime() < deadline) {
            pass(20);
        }
        assertFalse(faults.isEmpty(), "no fault within " + faultWithinMillis() + " ms of the device vanishing");
        Fault fault = faults.get(0);
        assertNotNull(fault.message());
        assertFalse(fault.message().isBlank(), "a fault without a message");
        assertEquals(Fault.Kind.LINK_LOST, fault.kind(), fault.toString());
        long began = System.nanoTime();
        station.safeState("kit: device gone");
        assertPrompt(began, "safeState with the device gone");
        for (HeaterZone zone : station.zones()) {
            assertFalse(zone.isOn(), zone.id() + " reads as on with its device gone");
        }
    }

    @Test
    void closeNeverBlocksEvenWithTheDeviceGone() throws Exception {
        Station station = open();
        disconnect();
        long began = System.nanoTime();
        station.close();
        assertTrue(System.nanoTime() - began < 2_500_000_000L, "close took "
                + (System.nanoTime() - began) / 1_000_000 + " ms");
        station.close(); // twice is harmless
    }

    @Test
    void zonesKeepToTheirRanges() throws Exception {
        Station station = open();
        Set<String> ids = new HashSet<>();
        for (HeaterZone zone : station.zones()) {
            assertTrue(ids.add(zone.id()), "two zones are called " + zone.id());
            assertTrue(zone.minCelsius() < zone.maxCelsius(), zone.id() + ": range " + zone.minCelsius() + " .. "
                    + zone.maxCelsius());
            assertThrows(IllegalArgumentException.class, () -> zone.setSetpoint(zone.maxCelsius() + 1),
                    zone.id() + " took a setpoint above its range");
            assertFalse(zone.isOn(), zone.id() + " turned on with a setpoint it refused");
        }
    }

    @Test
    void channelsDeliverTimedSamples() throws Exception {
        Station station = open();
        assumeFalse(station.channels().isEmpty(), "the station has no channels");
        for (TemperatureChannel channel : station.channels()) {
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            channel.addListener(samples::add);
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (samples.size() < 2 && System.nanoTime() < deadline) {
                pass(20);
            }
            assertTrue(samples.size() >= 2, channel.id() + " delivered " + samples.size() + " samples in 3 s");
            assertEquals(channel.id(), samples.get(0).channel());
            assertTrue(samples.get(1).time() > samples.get(0).time(), channel.id() + ": sample times do not advance");
            assertTrue(Math.abs(samples.get(1).time() - station.now()) < 5, channel.id()
                    + ": sample times are not on the station's clock");
            assertNotNull(channel.latest());
        }
    }

    private static void assertPrompt(long began, String what) {
        long took = System.nanoTime() - began;
        assertTrue(took < PROMPT_MILLIS * 1_000_000, what + " took " + took / 1_000_000 + " ms");
    }
}
