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
 * Opens {@link ModbusStation}s, type {@code modbus}, with the settings of {@link ModbusConfiguration}: the bus,
 * and per zone ({@code top}, {@code bottom}, {@code tip}) {@code <zone>.unit}, {@code <zone>.profile}
 * ({@code omron-e5cc}, {@code eurotherm-3200}, {@code autonics-tk}), optionally {@code <zone>.min} and
 * {@code <zone>.max} in °C.
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
    public Station open(Map<String, String> values) throws StationException {
        ModbusConfiguration configuration = ModbusConfiguration.of(values);
        SerialLink link;
        try {
            link = ports.open(configuration.port(), LineSettings.of8N1(configuration.baud()));
        } catch (IOException e) {
            throw new StationException("modbus station: " + e.getMessage(), e);
        }
        try {
            return new ModbusStation("modbus:" + configuration.port(), new RtuMaster(link,
                    configuration.timeoutMillis(), configuration.retries()), configuration.controllers(),
                    configuration.pollMillis());
        } catch (StationException e) {
            link.close();
            throw e;
        }
    }
}
