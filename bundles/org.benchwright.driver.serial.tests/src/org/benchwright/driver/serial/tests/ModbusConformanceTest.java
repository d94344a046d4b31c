/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.serial.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.modbus.internal.ControllerProfile.Eurotherm3200;
import org.benchwright.driver.modbus.internal.ControllerProfile.OmronE5cc;
import org.benchwright.driver.modbus.internal.ModbusStationFactory;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.benchwright.driver.testkit.PtyPair;
import org.benchwright.driver.testkit.StationConformanceKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The Modbus driver passes the conformance kit: an Omron and a Eurotherm on one bus behind a pseudo-terminal. */
class ModbusConformanceTest extends StationConformanceKit {

    @TempDir
    Path dir;

    private PtyPair pty;
    private ControllerSimulator device;
    private int opened;

    @Override
    protected Station createStation() throws Exception {
        pty = new PtyPair(Files.createDirectories(dir.resolve("bus" + opened++)));
        device = new ControllerSimulator(pty.device(), 19200)
                .unit(1, OmronE5cc.OPERATION_COMMAND, 0, OmronE5cc.PROCESS_VALUE, 251, OmronE5cc.SETPOINT, 0)
                .unit(2, Eurotherm3200.PROCESS_VALUE, 248, Eurotherm3200.MANUAL_OUTPUT, 0, Eurotherm3200.REMOTE_SETPOINT, 0,
                        Eurotherm3200.AUTO_MANUAL, 0, Eurotherm3200.REMOTE_LOCAL, 0);
        return new ModbusStationFactory(new JSerialCommPorts()).open(Map.of("port", pty.master(), "top.unit", "1", "top.profile", "omron-e5cc", "bottom.unit", "2", "bottom.profile",
                "eurotherm-3200"));
    }

    @Override
    protected void disconnect() throws Exception {
        pty.unplug();
    }

    @AfterEach
    void unplug() throws Exception {
        device.close();
        pty.close();
    }
}
