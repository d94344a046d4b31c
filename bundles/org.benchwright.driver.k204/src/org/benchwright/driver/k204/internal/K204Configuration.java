/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.k204.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.support.Settings;

/**
 * The settings of a K204 station and their defaults (the README's table): the serial port, its baud rate, how often
 * the meter is read and how long an answer may take, and what each thermocouple is on.
 *
 * @param channels which input (1-4) is on what; inputs not named are not published
 */
record K204Configuration(String port, int baud, int pollMillis, int timeoutMillis, Map<Integer, ChannelRole> channels) {

    static final int BAUD = 9600;
    /** The meter answers in about 100 ms at 9600 baud; twice a second is what it keeps up with reliably. */
    static final int POLL_MILLIS = 500;
    static final int TIMEOUT_MILLIS = 400;

    static K204Configuration of(Map<String, String> values) throws StationException {
        String port = values.get("port");
        if (port == null || port.isBlank()) {
            throw new StationException("k204 thermometer: 'port' is missing (the serial device, for example /dev/ttyUSB1)");
        }
        Settings settings = new Settings("k204 thermometer on " + port, values);
        Map<Integer, ChannelRole> channels = new LinkedHashMap<>();
        for (int ch = 1; ch <= 4; ch++) {
            String role = settings.text("channel." + ch, null);
            if (role != null) {
                try {
                    channels.put(ch, ChannelRole.valueOf(role.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw settings.error("channel." + ch + " is '" + role + "'; use joint, component, board, air or "
                            + "other");
                }
            }
        }
        if (channels.isEmpty()) {
            throw settings.error("no channel named (for example channel.1=joint)");
        }
        return new K204Configuration(port, settings.whole("baud", BAUD), settings.whole("poll", POLL_MILLIS),
                settings.whole("timeout", TIMEOUT_MILLIS), Map.copyOf(channels));
    }
}
