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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.benchwright.driver.modbus.internal.ControllerProfile;
import org.benchwright.driver.modbus.internal.Crc16;
import org.benchwright.driver.modbus.internal.ModbusException;
import org.benchwright.driver.modbus.internal.ModbusTimeoutException;
import org.benchwright.driver.modbus.internal.RtuMaster;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.benchwright.driver.testkit.PtyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RTU master against a simulated controller on a pseudo-terminal: real frames, and what goes wrong on a line. */
class RtuMasterTest {

    @TempDir
    Path dir;

    private PtyPair pty;
    private ControllerSimulator device;
    private SerialLink link;
    private RtuMaster master;

    @BeforeEach
    void open() throws Exception {
        pty = new PtyPair(dir);
        device = new ControllerSimulator(pty.device(), 19200).unit(1, 0x0000, 0, 0x2000, 2351, 0x2103, 0);
        link = new JSerialCommPorts().open(pty.master(), LineSettings.of8N1(19200));
        master = new RtuMaster(link, 100, 2);
    }

    @AfterEach
    void close() throws Exception {
        link.close();
        device.close();
        pty.close();
    }

    @Test
    void crcMatchesTheWorkedFramesOfTheBuildNotes() {
        for (String frame : List.of("01 06 00 00 00 01 48 0A", "01 03 20 00 00 01 8F CA", "01 06 21 03 09 60 75 8E")) {
            byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(frame);
            assertTrue(Crc16.valid(bytes, bytes.length), frame);
            bytes[3] ^= 1;
            assertFalse(Crc16.valid(bytes, bytes.length), frame + " with one bit changed");
        }
    }

    @Test
    void theOmronProfileSendsTheManualsFramesAndReadsTenthsOfADegree() throws IOException {
        ControllerProfile omron = ControllerProfile.named("omron-e5cc");
        omron.prepare(master, 1);
        assertEquals(235.1, omron.processValue(master, 1));
        omron.setpoint(master, 1, 240.0);
        assertEquals(List.of("01 06 00 00 00 01 48 0A", "01 03 20 00 00 01 8F CA", "01 06 21 03 09 60 75 8E"),
                device.received);
        assertEquals(2400, device.register(1, 0x2103));
    }

    @Test
    void theEurothermProfileRampsOnTheRemoteSetpointNeverTheEepromOne() throws IOException {
        device.unit(2, 1, 1830, 2, 1500, 3, 0, 24, 1500, 26, 0, 273, 0, 276, 0);
        ControllerProfile eurotherm = ControllerProfile.named("eurotherm-3200");
        eurotherm.prepare(master, 2);
        for (int sp = 1500; sp <= 1800; sp += 50) {
            eurotherm.setpoint(master, 2, sp / 10.0);
        }
        assertEquals(1, device.register(2, 276), "remote setpoint selected");
        assertEquals(1800, device.register(2, 26));
        assertEquals(1500, device.register(2, 2), "the target setpoint (EEPROM) was written");
        assertEquals(1500, device.register(2, 24), "SP1 (EEPROM) was written");
        assertEquals(183.0, eurotherm.processValue(master, 2));
    }

    @Test
    void garbageAndDamagedAnswersAreAskedAgain() throws IOException {
        device.garbageAnswers = 1;
        device.damagedAnswers = 1;
        assertArrayEquals(new int[] { 2351 }, master.readHoldingRegisters(1, 0x2000, 1));
        RtuMaster.Counters c = master.counters();
        assertEquals(2, c.retries());
        assertEquals(2, c.damaged());
    }

    @Test
    void anAbsentControllerTimesOutAfterItsRetriesAndSaysWhich() {
        ModbusTimeoutException e = assertThrows(ModbusTimeoutException.class, () -> master.readHoldingRegisters(7, 0, 1));
        assertEquals(pty.master() + ": unit 7 gave no intact answer to function 3 in 3 tries of 100 ms (last: no answer)",
                e.getMessage());
        assertEquals(3, device.received.size(), "asked three times");
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsTakenOneBeyondItIsNot() throws IOException {
        device.delayMillis = 40;
        assertArrayEquals(new int[] { 2351 }, master.readHoldingRegisters(1, 0x2000, 1));
        device.delayMillis = 150;
        assertThrows(ModbusTimeoutException.class, () -> master.readHoldingRegisters(1, 0x2000, 1));
        device.delayMillis = 0;
        // the late answers of the failed tries are discarded, not taken for the next question's
        assertArrayEquals(new int[] { 0 }, master.readHoldingRegisters(1, 0x2103, 1));
    }

    @Test
    void anExceptionAnswerIsThrownAtOnceWithItsMeaning() {
        ModbusException e = assertThrows(ModbusException.class, () -> master.readHoldingRegisters(1, 0x4000, 1));
        assertEquals(2, e.code());
        assertEquals("unit 1 refused function 3: illegal data address (exception 2)", e.getMessage());
        assertEquals(1, device.received.size(), "an exception is not asked again");
    }

    @Test
    void writesOfSeveralRegistersAndTheEchoWork() throws IOException {
        master.writeMultipleRegisters(1, 0x2103, 2450, 7);
        assertEquals(2450, device.register(1, 0x2103));
        assertEquals(7, device.register(1, 0x2104));
        master.echo(1, 0xA55A);
    }

    @Test
    void thePeriodOfSilenceFollowsTheBaudRate() {
        assertEquals(2_005_208, RtuMaster.silence(LineSettings.of8N1(19200)), 1);
        assertEquals(1_750_000, RtuMaster.silence(LineSettings.of8N1(115200)));
        assertEquals(4_010_417, RtuMaster.silence(LineSettings.of8N1(9600)), 1);
    }
}
