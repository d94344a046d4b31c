/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.jbc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.StationFactory;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.SerialPorts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Opens {@link JbcStation}s, type {@code jbc}. Configuration: {@code port} (required), {@code baud} (19200),
 * {@code address} (the station's, "01"), {@code robot} (ours, "00"), {@code tools} (tool ports, "1"), {@code min} and
 * {@code max} (°C, 90 and 450), {@code poll} (ms, 250), {@code timeout} (ms, 200), {@code retries} (2).
 */
@Component(service = StationFactory.class)
public final class JbcStationFactory implements StationFactory {

    private final SerialPorts ports;

    @Activate
    public JbcStationFactory(@Reference SerialPorts ports) {
        this.ports = ports;
    }

    @Override
    public String type() {
        return "jbc";
    }

    @Override
    public Station open(Map<String, String> configuration) throws StationException {
        String port = configuration.get("port");
        if (port == null || port.isBlank()) {
            throw new StationException("jbc station: 'port' is missing (the serial device, for example /dev/ttyUSB0)");
        }
        String address = configuration.getOrDefault("address", "01");
        String robot = configuration.getOrDefault("robot", "00");
        if (!address.matches("\\d\\d") || !robot.matches("\\d\\d")) {
            throw new StationException("jbc station on " + port + ": addresses are two digits, 00 to 99");
        }
        List<Integer> tools = new ArrayList<>();
        SerialLink link;
        try {
            for (String t : configuration.getOrDefault("tools", "1").split("\\s*,\\s*")) {
                int n = Integer.parseInt(t);
                if (n < 1 || n > 4) {
                    throw new StationException("jbc station on " + port + ": tool ports are 1 to 4, not " + n);
                }
                tools.add(n);
            }
            link = ports.open(port, LineSettings.of8N1(Integer.parseInt(configuration.getOrDefault("baud", "19200"))));
        } catch (IOException | NumberFormatException e) {
            throw new StationException("jbc station: " + e.getMessage(), e);
        }
        try {
            JbcProtocol protocol = new JbcProtocol(link, robot, address,
                    Integer.parseInt(configuration.getOrDefault("timeout", "200")),
                    Integer.parseInt(configuration.getOrDefault("retries", "2")));
            return new JbcStation("jbc:" + port, protocol, tools,
                    Double.parseDouble(configuration.getOrDefault("min", "90")),
                    Double.parseDouble(configuration.getOrDefault("max", "450")),
                    Integer.parseInt(configuration.getOrDefault("poll", "250")));
        } catch (IOException | NumberFormatException e) {
            link.close();
            throw new StationException("jbc station on " + port + " does not answer: " + e.getMessage(), e);
        }
    }
}
