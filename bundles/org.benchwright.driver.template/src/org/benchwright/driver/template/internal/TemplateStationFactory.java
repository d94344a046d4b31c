/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.template.internal;

import java.util.Map;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.StationFactory;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialPorts;
import org.benchwright.driver.serial.SerialStations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Opens {@link TemplateStation}s, type {@code template} (rename it in your copy), with the settings of
 * {@link TemplateConfiguration}.
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
    public Station open(Map<String, String> values) throws StationException {
        TemplateConfiguration c = TemplateConfiguration.of(values);
        return SerialStations.open(ports, c.port(), LineSettings.of8N1(c.baud()), "template station",
                link -> new TemplateStation("template:" + c.port(), link, c.maxCelsius(), c.pollMillis(),
                        c.timeoutMillis()));
    }
}
