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

/**
 * A rework station as the engine sees it: heater zones, temperature channels, faults, and a safe state. Implemented
 * by drivers (returned by {@link StationFactory#open}); called by the engine.
 */
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

    /** The zone of a role, or {@code null} when the station has none. */
    default HeaterZone zone(ZoneRole role) {
        return zones().stream().filter(z -> z.role() == role).findFirst().orElse(null);
    }

    /** The first channel of a role, or {@code null} when the station has none. */
    default TemperatureChannel channel(ChannelRole role) {
        return channels().stream().filter(c -> c.role() == role).findFirst().orElse(null);
    }
}
