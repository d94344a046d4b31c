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
        ModbusConfiguration c = ModbusConfiguration.of(values);
        return SerialStations.open(ports, c.port(), LineSettings.of8N1(c.baud()), "modbus station",
                link -> new ModbusStation("modbus:" + c.port(), new RtuMaster(link, c.timeoutMillis(), c.retries()),
                        c.controllers(), c.pollMillis()));
    }
}
