/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.jbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.support.Settings;

/**
 * The settings of a JBC station and their defaults (the README's table): the serial port and baud rate, the
 * station's and our own address on the protocol, the tool ports used, their temperature range, and the polling.
 */
record JbcConfiguration(String port, int baud, String address, String robot, List<Integer> tools, double minCelsius,
        double maxCelsius, int pollMillis, int timeoutMillis, int retries) {

    static final int BAUD = 19200;
    static final String ADDRESS = "01";
    static final String ROBOT = "00";
    static final double MIN_CELSIUS = 90;
    static final double MAX_CELSIUS = 450;
    static final int POLL_MILLIS = 250;
    static final int TIMEOUT_MILLIS = 200;
    static final int RETRIES = 2;

    static JbcConfiguration of(Map<String, String> values) throws StationException {
        String port = values.get("port");
        if (port == null || port.isBlank()) {
            throw new StationException("jbc station: 'port' is missing (the serial device, for example /dev/ttyUSB0)");
        }
        Settings settings = new Settings("jbc station on " + port, values);
        String address = settings.text("address", ADDRESS);
        String robot = settings.text("robot", ROBOT);
        if (!address.matches("\\d\\d") || !robot.matches("\\d\\d")) {
            throw settings.error("addresses are two digits, 00 to 99");
        }
        List<Integer> tools = new ArrayList<>();
        for (String t : settings.text("tools", "1").split("\\s*,\\s*")) {
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw settings.error("'tools' lists tool ports 1 to 4, not '" + t + "'");
            }
            if (n < 1 || n > 4) {
                throw settings.error("tool ports are 1 to 4, not " + n);
            }
            tools.add(n);
        }
        return new JbcConfiguration(port, settings.whole("baud", BAUD), address, robot, List.copyOf(tools),
                settings.number("min", MIN_CELSIUS), settings.number("max", MAX_CELSIUS),
                settings.whole("poll", POLL_MILLIS), settings.whole("timeout", TIMEOUT_MILLIS),
                settings.whole("retries", RETRIES));
    }
}
