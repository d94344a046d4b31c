/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.modbus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.StationFactory;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.SerialPorts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Opens {@link ModbusStation}s, type {@code modbus}. Configuration: {@code port} (required), {@code baud} (19200),
 * {@code timeout} (ms, 200), {@code retries} (2), {@code poll} (ms, 250), and per zone ({@code top}, {@code bottom},
 * {@code tip}) {@code <zone>.unit}, {@code <zone>.profile} ({@code omron-e5cc}, {@code eurotherm-3200},
 * {@code autonics-tk}), optionally {@code <zone>.min} and {@code <zone>.max} in °C.
 */
@Component(service = StationFactory.class)
public final class ModbusStationFactory implements StationFactory {

    private final SerialPorts ports;

    @Activate
    public ModbusStationFactory(@Reference SerialPorts ports) {
        this.ports = ports;
    }

    @Override
    public String type() {
        return "modbus";
    }

    @Override
    public Station open(Map<String, String> configuration) throws StationException {
        String port = configuration.get("port");
        if (port == null || port.isBlank()) {
            throw new StationException("modbus station: 'port' is missing (the serial device, for example /dev/ttyUSB0)");
        }
        List<ModbusStation.Controller> controllers = new ArrayList<>();
        int baud;
        int timeout;
        int retries;
        int poll;
        try {
            baud = number(configuration, "baud", 19200);
            timeout = number(configuration, "timeout", 200);
            retries = number(configuration, "retries", 2);
            poll = number(configuration, "poll", 250);
            for (ZoneRole role : ZoneRole.values()) {
                String key = role.name().toLowerCase(Locale.ROOT);
                if (!configuration.containsKey(key + ".unit")) {
                    continue;
                }
                controllers.add(new ModbusStation.Controller(role, number(configuration, key + ".unit", 1),
                        ControllerProfile.named(configuration.getOrDefault(key + ".profile", "")),
                        number(configuration, key + ".min", 0), number(configuration, key + ".max",
                                role == ZoneRole.BOTTOM ? 300 : 450)));
            }
        } catch (IllegalArgumentException e) {
            throw new StationException("modbus station on " + port + ": " + e.getMessage(), e);
        }
        if (controllers.isEmpty()) {
            throw new StationException("modbus station on " + port + ": no zone configured (for example top.unit=1, "
                    + "top.profile=omron-e5cc)");
        }
        SerialLink link;
        try {
            link = ports.open(port, LineSettings.of8N1(baud));
        } catch (IOException e) {
            throw new StationException("modbus station: " + e.getMessage(), e);
        }
        try {
            return new ModbusStation("modbus:" + port, new RtuMaster(link, timeout, retries), controllers, poll);
        } catch (StationException e) {
            link.close();
            throw e;
        }
    }

    private static int number(Map<String, String> configuration, String key, int fallback) {
        String value = configuration.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' takes a whole number, not '" + value + "'");
        }
    }
}
