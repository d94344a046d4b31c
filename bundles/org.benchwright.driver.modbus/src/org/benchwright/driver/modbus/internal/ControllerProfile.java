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
import java.util.List;

/**
 * How one make of temperature controller maps its process value, setpoint and output onto Modbus registers. The
 * driver asks through these, never by register numbers, so another controller is one more implementation.
 */
public interface ControllerProfile {

    /** The name used in station configurations, for example {@code omron-e5cc}. */
    String name();

    /** Makes the controller take setpoints over the bus (enable writing, select the remote setpoint). */
    void prepare(RtuMaster bus, int unit) throws IOException;

    /** The process value (the temperature the controller measures), °C. */
    double processValue(RtuMaster bus, int unit) throws IOException;

    /** Sets the setpoint the controller works to now, °C, without wearing out its EEPROM. */
    void setpoint(RtuMaster bus, int unit, double celsius) throws IOException;

    /** Runs or stops the control output. */
    void output(RtuMaster bus, int unit, boolean on) throws IOException;

    /** The profiles this bundle knows. */
    static List<ControllerProfile> all() {
        return List.of(new OmronE5cc(), new Eurotherm3200(), new AutonicsTk());
    }

    /** The profile of a configuration name; an unknown name is an error listing the known ones. */
    static ControllerProfile named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown controller profile '" + name + "'; known: " + String.join(", ", all().stream()
                        .map(ControllerProfile::name).toList())));
    }

    /** A register's signed 16-bit value. */
    static int signed(int register) {
        return (short) register;
    }

    /** Reads a holding register holding tenths of a degree, °C. */
    static double readTenths(RtuMaster bus, int unit, int register) throws IOException {
        return signed(bus.readHoldingRegisters(unit, register, 1)[0]) / 10.0;
    }

    /** Writes a temperature as tenths of a degree to one register. */
    static void writeTenths(RtuMaster bus, int unit, int register, double celsius) throws IOException {
        bus.writeSingleRegister(unit, register, (int) Math.round(celsius * 10) & 0xFFFF);
    }

    /**
     * Omron E5CC (Modbus mode, decimal point at one place): operation command register 0x0000 (0x0001 enables
     * writing over communications, 0x0100 runs, 0x0101 stops), process value 0x2000, setpoint 0x2103, both in
     * tenths of a degree. Frames from the build notes: {@code 01 06 00 00 00 01 48 0A}, {@code 01 03 20 00 00 01 8F CA},
     * {@code 01 06 21 03 09 60 75 8E}.
     */
    final class OmronE5cc implements ControllerProfile {
        public static final int OPERATION_COMMAND = 0x0000;
        public static final int PROCESS_VALUE = 0x2000;
        public static final int SETPOINT = 0x2103;

        @Override
        public String name() {
            return "omron-e5cc";
        }

        @Override
        public void prepare(RtuMaster bus, int unit) throws IOException {
            bus.writeSingleRegister(unit, OPERATION_COMMAND, 0x0001);
        }

        @Override
        public double processValue(RtuMaster bus, int unit) throws IOException {
            return ControllerProfile.readTenths(bus, unit, PROCESS_VALUE);
        }

        @Override
        public void setpoint(RtuMaster bus, int unit, double celsius) throws IOException {
            ControllerProfile.writeTenths(bus, unit, SETPOINT, celsius);
        }

        @Override
        public void output(RtuMaster bus, int unit, boolean on) throws IOException {
            bus.writeSingleRegister(unit, OPERATION_COMMAND, on ? 0x0100 : 0x0101);
        }
    }

    /**
     * Eurotherm 3200 series (HA028651, parameter Modbus addresses, one decimal place configured): process value 1,
     * working output 4, remote (comms) setpoint 26, selected with remote/local 276 = 1; auto/manual 273 with manual
     * output 3 for off. Never the target setpoint (2) or SP1 (24): the manual warns that they live in EEPROM with
     * 100,000 write cycles, and a ramp writes a setpoint every few seconds.
     */
    final class Eurotherm3200 implements ControllerProfile {
        public static final int PROCESS_VALUE = 1;
        public static final int MANUAL_OUTPUT = 3;
        public static final int REMOTE_SETPOINT = 26;
        public static final int AUTO_MANUAL = 273;
        public static final int REMOTE_LOCAL = 276;

        @Override
        public String name() {
            return "eurotherm-3200";
        }

        @Override
        public void prepare(RtuMaster bus, int unit) throws IOException {
            bus.writeSingleRegister(unit, REMOTE_LOCAL, 1);
        }

        @Override
        public double processValue(RtuMaster bus, int unit) throws IOException {
            return ControllerProfile.readTenths(bus, unit, PROCESS_VALUE);
        }

        @Override
        public void setpoint(RtuMaster bus, int unit, double celsius) throws IOException {
            ControllerProfile.writeTenths(bus, unit, REMOTE_SETPOINT, celsius);
        }

        @Override
        public void output(RtuMaster bus, int unit, boolean on) throws IOException {
            if (on) {
                bus.writeSingleRegister(unit, AUTO_MANUAL, 0);
            } else {
                bus.writeSingleRegister(unit, AUTO_MANUAL, 1);
                bus.writeSingleRegister(unit, MANUAL_OUTPUT, 0);
            }
        }
    }

    /**
     * Autonics TK series (communication manual, Modbus mapping table): process value input register 1000 (0x03E8)
     * with its decimal point in 1001, setpoint holding register 0 (SV), control output RUN/STOP holding register 50
     * (0x0032: 0 runs, 1 stops).
     */
    final class AutonicsTk implements ControllerProfile {
        public static final int PROCESS_VALUE = 0x03E8;
        public static final int SETPOINT = 0x0000;
        public static final int RUN_STOP = 0x0032;

        @Override
        public String name() {
            return "autonics-tk";
        }

        @Override
        public void prepare(RtuMaster bus, int unit) {
            // the TK takes SV writes as it is
        }

        @Override
        public double processValue(RtuMaster bus, int unit) throws IOException {
            int[] pv = bus.readInputRegisters(unit, PROCESS_VALUE, 2);
            return signed(pv[0]) / Math.pow(10, Math.min(3, pv[1]));
        }

        @Override
        public void setpoint(RtuMaster bus, int unit, double celsius) throws IOException {
            bus.writeSingleRegister(unit, SETPOINT, (int) Math.round(celsius) & 0xFFFF);
        }

        @Override
        public void output(RtuMaster bus, int unit, boolean on) throws IOException {
            bus.writeSingleRegister(unit, RUN_STOP, on ? 0 : 1);
        }
    }
}
