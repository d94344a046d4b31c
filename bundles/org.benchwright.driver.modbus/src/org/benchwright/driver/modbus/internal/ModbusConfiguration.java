/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.modbus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.api.support.Settings;

/**
 * The settings of a Modbus station and their defaults (the README's table): the bus (port, baud rate, timeout,
 * retries, polling) and, per zone ({@code top}, {@code bottom}, {@code tip}), the controller's unit address, its
 * profile and optionally its setpoint range.
 */
record ModbusConfiguration(String port, int baud, int timeoutMillis, int retries, int pollMillis,
        List<ModbusStation.Controller> controllers) {

    static final int BAUD = 19200;
    static final int TIMEOUT_MILLIS = 200;
    static final int RETRIES = 2;
    static final int POLL_MILLIS = 250;
    static final double MAX_CELSIUS = 450;
    /** Preheaters heat the board from below: their controllers take no more than this by default. */
    static final double BOTTOM_MAX_CELSIUS = 300;

    static ModbusConfiguration of(Map<String, String> values) throws StationException {
        String port = values.get("port");
        if (port == null || port.isBlank()) {
            throw new StationException("modbus station: 'port' is missing (the serial device, for example /dev/ttyUSB0)");
        }
        Settings settings = new Settings("modbus station on " + port, values);
        List<ModbusStation.Controller> controllers = new ArrayList<>();
        for (ZoneRole role : ZoneRole.values()) {
            String key = role.name().toLowerCase(Locale.ROOT);
            if (!settings.has(key + ".unit")) {
                continue;
            }
            ControllerProfile profile;
            try {
                profile = ControllerProfile.named(settings.text(key + ".profile", ""));
            } catch (IllegalArgumentException e) {
                throw settings.error(e.getMessage());
            }
            controllers.add(new ModbusStation.Controller(role, settings.whole(key + ".unit", 1), profile,
                    settings.number(key + ".min", 0), settings.number(key + ".max",
                            role == ZoneRole.BOTTOM ? BOTTOM_MAX_CELSIUS : MAX_CELSIUS)));
        }
        if (controllers.isEmpty()) {
            throw settings.error("no zone configured (for example top.unit=1, top.profile=omron-e5cc)");
        }
        return new ModbusConfiguration(port, settings.whole("baud", BAUD), settings.whole("timeout", TIMEOUT_MILLIS),
                settings.whole("retries", RETRIES), settings.whole("poll", POLL_MILLIS), List.copyOf(controllers));
    }
}
