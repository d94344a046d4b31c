/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.template.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationFactory;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.serial.SerialPorts;
import org.benchwright.driver.template.internal.TemplateStationFactory;
import org.benchwright.driver.testkit.Await;
import org.benchwright.driver.testkit.PtyPair;
import org.benchwright.driver.testkit.Services;
import org.benchwright.driver.testkit.StationConformanceKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template driver passes the conformance kit, and heats: keep this test when you copy the template, and replace
 * the simulator with one of your device.
 */
class TemplateConformanceTest extends StationConformanceKit {

    @TempDir
    Path dir;

    private PtyPair pty;
    private StationSimulator device;
    private int opened;

    @Override
    protected Station createStation() throws Exception {
        pty = new PtyPair(Files.createDirectories(dir.resolve("line" + opened++)));
        device = new StationSimulator(Services.get(SerialPorts.class), pty.device());
        // the driver's defaults (poll 250 ms, timeout 200 ms): what a bench gets
        return new TemplateStationFactory(Services.get(SerialPorts.class)).open(Map.of("port", pty.master()));
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

    @Test
    void theDriverIsRegisteredAndHeatsTowardsItsSetpoint() throws Exception {
        boolean registered = Services.get(StationFactory.class) != null;
        assertTrue(registered);
        try (Station station = createStation()) {
            station.zone(ZoneRole.TOP).setSetpoint(300);
            Await.until(() -> station.zone(ZoneRole.TOP).zoneCelsius() >= 250, () -> "air "
                    + station.zone(ZoneRole.TOP).zoneCelsius());
            assertEquals(300.0, device.setpoint);
            station.safeState("test");
            Await.until(() -> !device.on, "the device was not told to stop");
        }
    }
}
