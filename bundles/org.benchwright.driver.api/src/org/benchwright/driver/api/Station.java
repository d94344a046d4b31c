/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rework station as the engine sees it: heater zones, temperature channels, faults, and a safe state. Implemented
 * by drivers (returned by {@link StationFactory#open}); called by the engine.
 */
@ConsumerType
public interface Station extends AutoCloseable {

    /** A name for records and messages, for example "sim:bga-15mm" or "jbc:/dev/ttyUSB0". */
    String id();

    List<HeaterZone> zones();

    List<TemperatureChannel> channels();

    /**
     * Seconds on the station's clock, which its samples' times use too. Stations on real devices use the JVM's
     * monotonic clock ({@code System.nanoTime() / 1e9}) so that the parts of a {@link CompositeStation} agree;
     * simulated stations keep their own and may run it faster than real time.
     */
    double now();

    /**
     * Lets {@code seconds} of the station's time pass before returning: the engine calls it between its checks while
     * a heat step runs. A real station's time passes on its own, so the default sleeps. A simulator moves its clock
     * on by that much, as fast as it computes, unless it was told to {@link #runAt run at a speed}, in which case it
     * sleeps too. Returns early, with the thread's interrupt flag set, when the thread is interrupted.
     */
    default void pace(double seconds) {
        try {
            Thread.sleep(Math.max(1, Math.round(seconds * 1000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * For a simulated station: from now on its clock moves along with real time, {@code speed} times faster (1: real
     * time), until the station is closed or told another speed; 0 or less: its time passes only through
     * {@link #pace}, as fast as it computes. A station on real devices ignores it: its time is real.
     */
    default void runAt(double speed) {
    }

    /** Whether the station's time and temperatures are simulated: a trainer's or a test's bench, not a real one. */
    default boolean simulated() {
        return false;
    }

    /**
     * Turns every heater off, now, whatever state the station is in. Callable from any thread, any number of
     * times; never throws and never waits on the device for long. After it, heaters stay off until set again.
     *
     * @param reason why, for the station's own log and display
     */
    void safeState(String reason);

    void addFaultListener(FaultListener listener);

    void removeFaultListener(FaultListener listener);

    /** Puts the station in safe state and releases it; never blocks for long. */
    @Override
    void close();

    /**
     * The station's cooling fan, or {@code null} when it has none (the default): a heat step then cools as the nozzle
     * and the board let it.
     *
     * @since 0.2.1
     */
    default Cooler cooler() {
        return null;
    }

    /** The zone of a role, or {@code null} when the station has none. */
    default HeaterZone zone(ZoneRole role) {
        return zones().stream().filter(z -> z.role() == role).findFirst().orElse(null);
    }

    /** The first channel of a role, or {@code null} when the station has none. */
    default TemperatureChannel channel(ChannelRole role) {
        return channels().stream().filter(c -> c.role() == role).findFirst().orElse(null);
    }
}
