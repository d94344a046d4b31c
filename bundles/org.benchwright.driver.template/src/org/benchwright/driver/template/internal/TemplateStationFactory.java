/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.template;

import java.io.IOException;
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
 * Opens {@link TemplateStation}s, type {@code template} (rename it in your copy). Configuration: {@code port}
 * (required), {@code baud} (9600), {@code max} (°C, 450), {@code poll} (ms, 250), {@code timeout} (ms, 200).
 */
@Component(service = StationFactory.class)
public final class TemplateStationFactory implements StationFactory {

    private final SerialPorts ports;

    @Activate
    public TemplateStationFactory(@Reference SerialPorts ports) {
        this.ports = ports;
    }

    @Override
    public String type() {
        return "template";
    }

    @Override
    public Station open(Map<String, String> configuration) throws StationException {
        String port = configuration.get("port");
        if (port == null || port.isBlank()) {
            throw new StationException("template station: 'port' is missing");
        }
        SerialLink link;
        try {
            link = ports.open(port, LineSettings.of8N1(Integer.parseInt(configuration.getOrDefault("baud", "9600"))));
        } catch (IOException | NumberFormatException e) {
            throw new StationException("template station: " + e.getMessage(), e);
        }
        try {
            return new TemplateStation("template:" + port, link, Double.parseDouble(configuration.getOrDefault("max", "450")),
                    Integer.parseInt(configuration.getOrDefault("poll", "250")),
                    Integer.parseInt(configuration.getOrDefault("timeout", "200")));
        } catch (IOException | NumberFormatException e) {
            link.close();
            throw new StationException("template station on " + port + " does not answer: " + e.getMessage(), e);
        }
    }
}
