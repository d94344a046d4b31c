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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.modbus.internal.ControllerProfile.Eurotherm3200;
import org.benchwright.driver.modbus.internal.ControllerProfile.OmronE5cc;
import org.benchwright.driver.modbus.internal.ModbusStationFactory;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.benchwright.driver.testkit.Await;
import org.benchwright.driver.testkit.PtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hot-air top heater on an Omron E5CC (unit 1) and a preheater on a Eurotherm 3200 (unit 2), on one RS-485 bus
 * behind a pseudo-terminal: polling, setpoints, safe state, the bus vanishing, and opening it again.
 */
class ModbusStationTest {

    @TempDir
    Path dir;

    private PtyPair pty;
    private ControllerSimulator device;
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void plugIn() throws Exception {
        pty = new PtyPair(dir);
        device = devices();
    }

    private ControllerSimulator devices() throws Exception {
        return new ControllerSimulator(pty.device(), 19200)
                .unit(1, OmronE5cc.OPERATION_COMMAND, 0, OmronE5cc.PROCESS_VALUE, 251, OmronE5cc.SETPOINT, 0)
                .unit(2, Eurotherm3200.PROCESS_VALUE, 248, 2, 1500, Eurotherm3200.MANUAL_OUTPUT, 0,
                        Eurotherm3200.REMOTE_SETPOINT, 0, Eurotherm3200.AUTO_MANUAL, 0, Eurotherm3200.REMOTE_LOCAL, 0);
    }

    @AfterEach
    void unplug() throws Exception {
        device.close();
        pty.close();
    }

    private Station open() throws StationException {
        // the driver's defaults: poll every 250 ms, 200 ms timeout, two retries
        Station station = new ModbusStationFactory(new JSerialCommPorts()).open(Map.of("port", pty.master(),
                "top.unit", "1", "top.profile", "omron-e5cc", "bottom.unit", "2", "bottom.profile", "eurotherm-3200"));
        station.addFaultListener(faults::add);
        return station;
    }

    @Test
    void zonesTakeSetpointsAndTheirProcessValuesArePolled() throws Exception {
        try (Station station = open()) {
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            station.channels().get(0).addListener(samples::add);
            assertEquals(0x0101, device.register(1, OmronE5cc.OPERATION_COMMAND), "opened with the output stopped");
            HeaterZone top = station.zone(ZoneRole.TOP);
            top.setSetpoint(320);
            station.zone(ZoneRole.BOTTOM).setSetpoint(175);
            assertEquals(3200, device.register(1, OmronE5cc.SETPOINT));
            assertEquals(0x0100, device.register(1, OmronE5cc.OPERATION_COMMAND), "output running");
            assertEquals(1750, device.register(2, Eurotherm3200.REMOTE_SETPOINT));
            assertEquals(1500, device.register(2, 2), "the EEPROM setpoint was written");
            device.registers.get(1).put(OmronE5cc.PROCESS_VALUE, 3012);
            Await.until(() -> top.zoneCelsius() == 301.2, () -> "the new process value was not polled: "
                    + top.zoneCelsius());
            Await.until(() -> samples.stream().anyMatch(x -> x.celsius() == 301.2), () -> "samples: " + samples);
            assertEquals(0.25, station.channels().get(0).samplePeriod(), "the default poll: 250 ms");
            assertTrue(top.isOn());
        }
    }

    @Test
    void safeStateStopsEveryOutputFromAnyThreadWithoutWaitingForTheBus() throws Exception {
        try (Station station = open()) {
            station.zone(ZoneRole.TOP).setSetpoint(320);
            station.zone(ZoneRole.BOTTOM).setSetpoint(175);
            // a slow bus: every answer takes 100 ms (well inside the 200 ms timeout), so a safe state that waited
            // for the bus would take 100 ms or more per zone; one that does not wait takes microseconds, and far
            // less than 100 ms however busy the machine
            device.delayMillis = 100;
            long[] took = new long[1];
            Thread t = new Thread(() -> {
                long began = System.nanoTime();
                station.safeState("test");
                took[0] = System.nanoTime() - began;
            });
            t.start();
            t.join();
            assertTrue(took[0] < 100_000_000, "safeState took " + took[0] / 1_000_000 + " ms: it waited for the bus");
            assertFalse(station.zone(ZoneRole.TOP).isOn());
            Await.until(() -> device.register(1, OmronE5cc.OPERATION_COMMAND) == 0x0101
                    && device.register(2, Eurotherm3200.AUTO_MANUAL) == 1, "the controllers were not told to stop");
            assertEquals(0x0101, device.register(1, OmronE5cc.OPERATION_COMMAND), "top output still running");
            assertEquals(1, device.register(2, Eurotherm3200.AUTO_MANUAL), "preheater not in manual");
            assertEquals(0, device.register(2, Eurotherm3200.MANUAL_OUTPUT), "preheater output not 0");
        }
    }

    @Test
    void theBusVanishingMidJobIsALinkFaultAndSetpointsAreRefused() throws Exception {
        try (Station station = open()) {
            station.zone(ZoneRole.TOP).setSetpoint(320);
            pty.unplug();
            Await.until(() -> !faults.isEmpty(), "no fault reported");
            Fault fault = faults.get(0);
            assertEquals(Fault.Kind.LINK_LOST, fault.kind());
            assertFalse(station.zone(ZoneRole.TOP).isOn());
            StationException e = assertThrows(StationException.class, () -> station.zone(ZoneRole.TOP).setSetpoint(300));
            assertTrue(e.getMessage().contains("link lost"), e.getMessage());
        }
    }

    @Test
    void aSilentControllerIsALinkFaultAfterItsRetries() throws Exception {
        try (Station station = open()) {
            device.silentAnswers = 1000;
            Await.until(() -> !faults.isEmpty(), "no fault for a silent controller");
            assertEquals(Fault.Kind.LINK_LOST, faults.get(0).kind());
            assertTrue(faults.get(0).message().contains("gave no intact answer"), faults.get(0).message());
        }
    }

    @Test
    void afterTheCableIsPluggedBackTheStationOpensAgain() throws Exception {
        open().close();
        device.close();
        pty.unplug();
        pty.plugIn();
        device = devices();
        try (Station station = open()) {
            station.zone(ZoneRole.TOP).setSetpoint(250);
            assertEquals(2500, device.register(1, OmronE5cc.SETPOINT));
        }
    }

    @Test
    void aMissingControllerIsNamedWhenTheStationOpens() throws Exception {
        StationException e = assertThrows(StationException.class, () -> new ModbusStationFactory(new JSerialCommPorts())
                .open(Map.of("port", pty.master(), "timeout", "50", "top.unit", "9", "top.profile", "autonics-tk")));
        assertTrue(e.getMessage().startsWith("modbus:" + pty.master() + ": the top controller (autonics-tk, unit 9) "
                + "does not answer"), e.getMessage());
        StationException p = assertThrows(StationException.class, () -> new ModbusStationFactory(new JSerialCommPorts())
                .open(Map.of("port", pty.master(), "top.unit", "1", "top.profile", "omron-e5c")));
        assertEquals("modbus station on " + pty.master() + ": unknown controller profile 'omron-e5c'; known: "
                + "omron-e5cc, eurotherm-3200, autonics-tk", p.getMessage());
        assertNotNull(pty.master());
    }
}
