/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.k204;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.benchwright.driver.api.ChannelRole;
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
 * Opens {@link K204Station}s, type {@code k204}. Configuration: {@code port} (required), {@code baud} (9600),
 * {@code poll} (ms, 500), {@code timeout} (ms, 400), and {@code channel.1} .. {@code channel.4} naming what each
 * thermocouple is on: {@code joint}, {@code component}, {@code board}, {@code air} or {@code other}.
 */
@Component(service = StationFactory.class)
public final class K204StationFactory implements StationFactory {

    private final SerialPorts ports;

    @Activate
    public K204StationFactory(@Reference SerialPorts ports) {
        this.ports = ports;
    }

    @Override
    public String type() {
        return "k204";
    }

    @Override
    public Station open(Map<String, String> configuration) throws StationException {
        String port = configuration.get("port");
        if (port == null || port.isBlank()) {
            throw new StationException("k204 thermometer: 'port' is missing (the serial device, for example /dev/ttyUSB1)");
        }
        Map<Integer, ChannelRole> roles = new LinkedHashMap<>();
        for (int ch = 1; ch <= 4; ch++) {
            String role = configuration.get("channel." + ch);
            if (role != null) {
                try {
                    roles.put(ch, ChannelRole.valueOf(role.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new StationException("k204 thermometer on " + port + ": channel." + ch + " is '" + role
                            + "'; use joint, component, board, air or other");
                }
            }
        }
        if (roles.isEmpty()) {
            throw new StationException("k204 thermometer on " + port + ": no channel named (for example channel.1=joint)");
        }
        SerialLink link;
        try {
            link = ports.open(port, LineSettings.of8N1(Integer.parseInt(configuration.getOrDefault("baud", "9600"))));
        } catch (IOException | NumberFormatException e) {
            throw new StationException("k204 thermometer: " + e.getMessage(), e);
        }
        try {
            return new K204Station("k204:" + port, link, roles,
                    Integer.parseInt(configuration.getOrDefault("poll", "500")),
                    Integer.parseInt(configuration.getOrDefault("timeout", "400")));
        } catch (IOException | NumberFormatException e) {
            link.close();
            throw new StationException("k204 thermometer on " + port + " does not answer: " + e.getMessage(), e);
        }
    }
}
