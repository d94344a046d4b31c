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
 * One reading of a temperature channel.
 *
 * @param channel  the channel's id
 * @param time     seconds on the station's clock (simulated time for a simulator)
 * @param celsius  the temperature, {@code NaN} when the channel has none (open thermocouple)
 * @param openCircuit  the thermocouple is open: no reading
 * @param outOfRange   the reading is outside what the channel can measure
 */
public record Sample(String channel, double time, double celsius, boolean openCircuit, boolean outOfRange) {

    /** Whether the reading can be used for control: neither open nor out of range nor missing. */
    public boolean valid() {
        return !openCircuit && !outOfRange && Double.isFinite(celsius);
    }
}
