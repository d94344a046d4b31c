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

/**
 * Something a station reports as wrong: the link, a sensor, a heater, the device.
 *
 * @param source  which part of the station: a zone or channel id, or the station's
 * @param kind    what went wrong
 * @param time    seconds on the station's clock
 * @param message what a technician should read
 */
public record Fault(String source, Kind kind, double time, String message) {

    /** What can go wrong at a station. */
    public enum Kind {
        /** The serial or network link to the device is gone. */
        LINK_LOST,
        /** A channel stopped delivering samples. */
        TELEMETRY_STOPPED,
        /** A thermocouple reads open circuit. */
        SENSOR_OPEN,
        /** A heater keeps heating though it was told not to. */
        HEATER_STUCK,
        /** A temperature above what is allowed (reported by the engine's interlocks or the device). */
        OVER_TEMPERATURE,
        /** The device reported an error of its own. */
        DEVICE_ERROR
    }

    @Override
    public String toString() {
        return kind + " at " + source + " (t=" + String.format(java.util.Locale.ROOT, "%.2f", time) + " s): " + message;
    }
}
