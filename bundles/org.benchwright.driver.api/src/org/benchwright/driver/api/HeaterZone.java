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

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One heater of a station with its own temperature controller (hot-air element, IR emitter, preheater, iron). The
 * engine sets the zone's setpoint; the zone controls its own temperature (air, emitter or tip) to it. Implemented
 * by drivers; called by the engine.
 */
@ConsumerType
public interface HeaterZone {

    String id();

    ZoneRole role();

    /** Lowest setpoint the zone accepts, in °C. */
    double minCelsius();

    /** Highest setpoint the zone accepts, in °C. */
    double maxCelsius();

    /**
     * Turns the zone on, heading for {@code celsius}.
     *
     * @throws IllegalArgumentException outside {@link #minCelsius()} .. {@link #maxCelsius()}
     * @throws StationException when the device cannot be told (link lost)
     */
    void setSetpoint(double celsius) throws StationException;

    /** Turns the zone off. Never throws for a live zone; a dead link is a fault, reported as such. */
    void off() throws StationException;

    /** Whether the zone is heating (on, whatever its setpoint). */
    boolean isOn();

    /** The zone's own temperature (air, emitter, tip) as its controller last read it, in °C. */
    double zoneCelsius();
}
