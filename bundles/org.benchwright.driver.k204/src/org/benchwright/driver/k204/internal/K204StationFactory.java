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
 * Opens {@link K204Station}s, type {@code k204}, with the settings of {@link K204Configuration}.
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
    public Station open(Map<String, String> values) throws StationException {
        K204Configuration c = K204Configuration.of(values);
        return SerialStations.open(ports, c.port(), LineSettings.of8N1(c.baud()), "k204 thermometer",
                link -> new K204Station("k204:" + c.port(), link, c.channels(), c.pollMillis(), c.timeoutMillis()));
    }
}
