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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * reported as a fault; a close that never blocks; zones that keep to their ranges; channels that deliver samples at
 * the period they state. Open the station with the driver's default settings: the kit checks what a bench gets.
 *
 * <p>Time: the kit waits on conditions, with {@link Await}'s generous ceiling, never on a fixed sleep; the only
 * budgets it measures are those of calls that must not wait on the device ({@link #PROMPT_MILLIS}), measured around
 * the call alone.
 */
public abstract class StationConformanceKit {

    /**
     * How long safe state may take before the kit calls it blocking, ms: far more than a call that only marks the
     * heaters off needs on a loaded machine, and less than one device transaction with its timeout.
     */
    protected static final long PROMPT_MILLIS = 100;
    /** Samples the kit collects from each channel to judge its period. */
    static final int SAMPLES = 6;

    private final List<Station> opened = new ArrayList<>();

    /** Opens a station on a fresh device simulator. */
    protected abstract Station createStation() throws Exception;

    /** Makes the device vanish, as an unplugged cable would. */
    protected abstract void disconnect() throws Exception;

    /** Lets the station's time pass (simulators advance their clock; real drivers just wait). */
    protected void pass(long millis) throws Exception {
        Thread.sleep(millis);
    }

    /**
     * How long the driver may take to notice that its device is gone, ms: a few missed polls at the driver's default
     * settings, on a loaded machine.
     */
    protected long faultWithinMillis() {
        return 5000;
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
        assertFalse(faults.isEmpty(), () -> "no fault within " + faultWithinMillis() + " ms of the device vanishing; "
                + "the station's threads: " + threadsOf(station));
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
    void channelsDeliverTimedSamplesAtThePeriodTheyState() throws Exception {
        Station station = open();
        assumeFalse(station.channels().isEmpty(), "the station has no channels");
        Map<TemperatureChannel, List<Sample>> samples = new LinkedHashMap<>();
        for (TemperatureChannel channel : station.channels()) {
            double period = channel.samplePeriod();
            assertTrue(period > 0 && period <= 10, channel.id() + ": a sample period of " + period + " s");
            List<Sample> got = Collections.synchronizedList(new ArrayList<>());
            channel.addListener(got::add);
            samples.put(channel, got);
        }
        long deadline = System.nanoTime() + (long) (Await.CEILING_SECONDS * 1e9);
        while (samples.values().stream().anyMatch(l -> l.size() < SAMPLES) && System.nanoTime() < deadline) {
            pass(20);
        }
        for (Map.Entry<TemperatureChannel, List<Sample>> e : samples.entrySet()) {
            TemperatureChannel channel = e.getKey();
            double period = channel.samplePeriod();
            List<Sample> got;
            synchronized (e.getValue()) {
                got = List.copyOf(e.getValue());
            }
            assertTrue(got.size() >= SAMPLES, channel.id() + " delivered " + got.size() + " samples in "
                    + Await.CEILING_SECONDS + " s at a stated period of " + period + " s");
            assertEquals(channel.id(), got.get(0).channel());
            double[] gaps = new double[got.size() - 1];
            for (int i = 1; i < got.size(); i++) {
                gaps[i - 1] = got.get(i).time() - got.get(i - 1).time();
                assertTrue(gaps[i - 1] > 0, channel.id() + ": sample times do not advance: " + got);
            }
            Arrays.sort(gaps);
            double median = gaps[gaps.length / 2];
            // the engine's watchdog allows a few missed samples of the stated period: a channel must keep to it
            assertTrue(median >= 0.5 * period && median <= 1.5 * period, channel.id() + ": samples come every "
                    + median + " s (median), but the channel states " + period + " s");
            assertTrue(Math.abs(got.get(got.size() - 1).time() - station.now()) < 5, channel.id()
                    + ": sample times are not on the station's clock");
            assertNotNull(channel.latest());
        }
    }

    /** The stacks of the threads whose names carry the station's id (a polled station's poller), for a failure. */
    private static String threadsOf(Station station) {
        StringBuilder text = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains(station.id())) {
                text.append('\n').append(thread.getName()).append(" (").append(thread.getState()).append(')');
                for (StackTraceElement frame : stack) {
                    text.append("\n    at ").append(frame);
                }
            }
        });
        return text.length() == 0 ? "none" : text.toString();
    }

    private static void assertPrompt(long began, String what) {
        long took = System.nanoTime() - began;
        assertTrue(took < PROMPT_MILLIS * 1_000_000, what + " took " + took / 1_000_000 + " ms");
    }
}
