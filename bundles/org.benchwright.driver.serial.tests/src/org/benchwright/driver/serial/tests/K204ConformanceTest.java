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
import org.benchwright.driver.k204.internal.K204StationFactory;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.benchwright.driver.testkit.PtyPair;
import org.benchwright.driver.testkit.StationConformanceKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The K204 driver passes the conformance kit (a station of channels only: the heater checks do not apply). */
class K204ConformanceTest extends StationConformanceKit {

    @TempDir
    Path dir;

    private PtyPair pty;
    private ThermometerSimulator meter;
    private int opened;

    @Override
    protected Station createStation() throws Exception {
        pty = new PtyPair(Files.createDirectories(dir.resolve("meter" + opened++)));
        meter = new ThermometerSimulator(pty.device());
        return new K204StationFactory(new JSerialCommPorts()).open(Map.of("port", pty.master(), "channel.1", "joint",
                "channel.2", "component"));
    }

    @Override
    protected void disconnect() throws Exception {
        pty.unplug();
    }

    @AfterEach
    void unplug() throws Exception {
        meter.close();
        pty.close();
    }
}
