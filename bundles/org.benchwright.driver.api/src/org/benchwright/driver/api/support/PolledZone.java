/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api.support;

import java.io.IOException;

import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.ZoneRole;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A heater zone of a {@link PolledStation}: keeps its range, refuses setpoints outside it or after the link was
 * lost, turns a failed command into the station's lost link and a {@link StationException}. A driver implements
 * {@link #apply} (send a setpoint and run the output) and {@link #stop} (stop the output), and calls
 * {@link #polled} with the zone's temperature when it polls.
 */
@ConsumerType
public abstract class PolledZone implements HeaterZone {

    private final PolledStation station;
    private final String id;
    private final ZoneRole role;
    private final double min;
    private final double max;
    private volatile boolean on;
    private volatile double measured = Double.NaN;

    protected PolledZone(PolledStation station, String id, ZoneRole role, double minCelsius, double maxCelsius) {
        this.station = station;
        this.id = id;
        this.role = role;
        this.min = minCelsius;
        this.max = maxCelsius;
    }

    /** Sends {@code celsius} to the device and, when the zone is {@code off}, runs its output. */
    protected abstract void apply(double celsius, boolean off) throws IOException;

    /** Stops the zone's output on the device. */
    protected abstract void stop() throws IOException;

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final ZoneRole role() {
        return role;
    }

    @Override
    public final double minCelsius() {
        return min;
    }

    @Override
    public final double maxCelsius() {
        return max;
    }

    @Override
    public final void setSetpoint(double celsius) throws StationException {
        if (celsius < min || celsius > max) {
            throw new IllegalArgumentException(id + " zone takes " + min + " .. " + max + " °C, not " + celsius);
        }
        station.requireLink();
        try {
            apply(celsius, !on);
            on = true;
        } catch (IOException e) {
            throw station.deviceFailed(e);
        }
    }

    @Override
    public final void off() throws StationException {
        station.requireLink();
        on = false;
        try {
            stop();
        } catch (IOException e) {
            throw station.deviceFailed(e);
        }
    }

    /** Records the zone's own temperature as the driver last polled it, °C. */
    public final void polled(double celsius) {
        measured = celsius;
    }

    /** Marks the zone off without telling the device: for safe state and a lost link. */
    public final void markOff() {
        on = false;
    }

    @Override
    public final boolean isOn() {
        return on;
    }

    @Override
    public final double zoneCelsius() {
        return measured;
    }
}
