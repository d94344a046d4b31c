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
 * Opens {@link JbcStation}s, type {@code jbc}, with the settings of {@link JbcConfiguration}.
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
    public Station open(Map<String, String> values) throws StationException {
        JbcConfiguration c = JbcConfiguration.of(values);
        return SerialStations.open(ports, c.port(), LineSettings.of8N1(c.baud()), "jbc station",
                link -> new JbcStation("jbc:" + c.port(), new JbcProtocol(link, c.robot(), c.address(),
                        c.timeoutMillis(), c.retries()), c.tools(), c.minCelsius(), c.maxCelsius(), c.pollMillis()));
    }
}
