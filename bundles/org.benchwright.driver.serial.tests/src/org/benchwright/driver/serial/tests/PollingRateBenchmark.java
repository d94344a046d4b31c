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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.benchwright.driver.modbus.RtuMaster;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.benchwright.driver.testkit.PtyPair;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a timed test: how many one-register reads (function 03) per second the driver makes against a
 * controller that keeps line timing, as a fraction of the most the line allows (question 8 and answer 7 characters
 * of 11 bits, and the 3.5-character silence after each). Prints the figures; asserts only that every read came back.
 */
class PollingRateBenchmark {

    private static final double SECONDS = 3;
    private static final int WINDOWS = 6;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = { 19200, 115200 })
    void pollingRateAsAFractionOfTheLine(int baud) throws Exception {
        try (PtyPair pty = new PtyPair(dir); ControllerSimulator device = new ControllerSimulator(pty.device(), baud)
                .unit(1, 0x2000, 2351)) {
            device.lineTiming = true;
            try (SerialLink link = new JSerialCommPorts().open(pty.master(), LineSettings.of8N1(baud))) {
                RtuMaster master = new RtuMaster(link, 200, 2);
                for (int i = 0; i < 50; i++) {
                    master.readHoldingRegisters(1, 0x2000, 1); // warm up
                }
                // several short windows: a 2-core machine's other work lands in some of them, not in the median
                double character = 11.0 / baud;
                double transaction = 15 * character + 2 * RtuMaster.silence(LineSettings.of8N1(baud)) / 1e9;
                double[] fractions = new double[WINDOWS];
                for (int w = 0; w < WINDOWS; w++) {
                    long reads = 0;
                    long began = System.nanoTime();
                    while (System.nanoTime() - began < SECONDS / WINDOWS * 1e9) {
                        assertEquals(2351, master.readHoldingRegisters(1, 0x2000, 1)[0]);
                        reads++;
                    }
                    fractions[w] = reads / ((System.nanoTime() - began) / 1e9) * transaction;
                }
                double[] sorted = fractions.clone();
                Arrays.sort(sorted);
                double median = (sorted[WINDOWS / 2 - 1] + sorted[WINDOWS / 2]) / 2;
                System.out.printf(Locale.ROOT, "modbus polling at %d baud: %.1f reads/s, %.2f ms each; the line allows "
                        + "%.1f/s (%.2f ms): %.1f %% of the theoretical maximum (median of %d windows of %.1f s; "
                        + "%.1f-%.1f %%); retries %d%n", baud, median / transaction, 1000 * transaction / median,
                        1 / transaction, transaction * 1000, 100 * median, WINDOWS, SECONDS / WINDOWS,
                        100 * sorted[0], 100 * sorted[WINDOWS - 1], master.counters().retries());
                assertEquals(0, master.counters().failed());
            }
        }
    }
}
