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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.benchwright.driver.api.Fault;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.jbc.internal.JbcProtocol;
import org.benchwright.driver.jbc.internal.JbcStationFactory;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.benchwright.driver.testkit.Await;
import org.benchwright.driver.testkit.PtyPair;
import org.benchwright.driver.testkit.StationConformanceKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JBC driver against a simulated control unit: the protocol's worked frame, BCC errors, silence, and the kit. */
class JbcTest extends StationConformanceKit {

    @TempDir
    Path dir;

    private PtyPair pty;
    private JbcSimulator unit;
    private int opened;

    @Override
    protected Station createStation() throws Exception {
        plugIn();
        return new JbcStationFactory(new JSerialCommPorts()).open(Map.of("port", pty.master(), "tools", "1,2"));
    }

    private void plugIn() throws Exception {
        pty = new PtyPair(Files.createDirectories(dir.resolve("line" + opened++)));
        unit = new JbcSimulator(pty.device());
    }

    @Override
    protected void disconnect() throws Exception {
        pty.unplug();
    }

    @AfterEach
    void unplug() throws Exception {
        if (unit != null) {
            unit.close();
            pty.close();
        }
    }

    @Test
    void framesAreTheProtocolsOwn() {
        assertArrayEquals(HexFormat.ofDelimiter(" ").parseHex("02 30 30 30 31 52 54 54 31 03 63"),
                JbcProtocol.frame("00", "01", 'R', "TT", 1, null), "read tip temperature of port 1");
        byte[] write = JbcProtocol.frame("00", "01", 'W', "ST", 2, 375);
        assertEquals("0001WST200375", new String(write, 1, write.length - 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(-50, JbcProtocol.parse(JbcProtocol.frame("01", "00", 'A', "ST", 1, -50)).data());
    }

    @Test
    void aToolHeatsToItsSelectTemperatureAndStopsOnSafeState() throws Exception {
        try (Station station = createStation()) {
            station.zones().get(1).setSetpoint(370);
            assertEquals(370, unit.select[1]);
            assertEquals(1, unit.status[1]);
            Await.until(() -> station.zones().get(1).zoneCelsius() >= 360, () -> "tip "
                    + station.zones().get(1).zoneCelsius());
            assertTrue(station.zones().get(1).zoneCelsius() >= 360, "tip " + station.zones().get(1).zoneCelsius());
            assertEquals(ZoneRole.TIP, station.zones().get(1).role());
            station.safeState("test");
            Await.until(() -> unit.status[1] == 0, "port 2 still works");
        }
    }

    @Test
    void damagedAnswersAreAskedAgainAndSilenceNamesTheStation() throws Exception {
        plugIn();
        try (SerialLink link = new JSerialCommPorts().open(pty.master(), LineSettings.of8N1(19200))) {
            JbcProtocol protocol = new JbcProtocol(link, "00", "01", 200, 2);
            unit.damagedAnswers = 2;
            assertEquals(350, protocol.read("ST", 1));
            assertEquals(3, unit.received.size(), "asked three times");
            unit.silent = true;
            IOException e = assertThrows(IOException.class, () -> protocol.read("TT", 1));
            assertEquals(pty.master() + ": station 01 gave no intact answer to RTT1 in 3 tries (last: no answer in 200 ms)",
                    e.getMessage());
        }
    }

    @Test
    void aToolErrorIsADeviceFault() throws Exception {
        List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
        try (Station station = createStation()) {
            station.addFaultListener(faults::add);
            unit.error[0] = 4;
            Await.until(() -> !faults.isEmpty(), "no fault for a tool error");
            assertEquals(Fault.Kind.DEVICE_ERROR, faults.get(0).kind());
            assertEquals("port 1 reports tool error 4", faults.get(0).message());
        }
    }
}
