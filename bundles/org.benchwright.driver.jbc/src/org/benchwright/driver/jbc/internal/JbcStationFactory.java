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
        JbcConfiguration configuration = JbcConfiguration.of(values);
        SerialLink link;
        try {
            link = ports.open(configuration.port(), LineSettings.of8N1(configuration.baud()));
        } catch (IOException e) {
            throw new StationException("jbc station: " + e.getMessage(), e);
        }
        try {
            JbcProtocol protocol = new JbcProtocol(link, configuration.robot(), configuration.address(),
                    configuration.timeoutMillis(), configuration.retries());
            return new JbcStation("jbc:" + configuration.port(), protocol, configuration.tools(),
                    configuration.minCelsius(), configuration.maxCelsius(), configuration.pollMillis());
        } catch (IOException e) {
            link.close();
            throw new StationException("jbc station on " + configuration.port() + " does not answer: "
                    + e.getMessage(), e);
        }
    }
}
