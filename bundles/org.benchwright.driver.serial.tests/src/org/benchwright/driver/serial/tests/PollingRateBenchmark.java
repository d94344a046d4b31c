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

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import org.benchwright.driver.modbus.internal.RtuMaster;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.internal.JSerialCommPorts;
import org.benchwright.driver.testkit.PtyPair;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Benchmark, not a timed test: how many one-register reads (function 03) per second the driver makes against a
 * controller that keeps line timing, as a fraction of the most the line allows (question 8 and answer 7 characters
 * of 11 bits, and the 3.5-character silence after each). The pseudo-terminal pair costs time a real line does not
 * (each byte wakes socat, a kernel worker and the reader on both ways), so the same run also measures a bare
 * exchange of the same frames with the same simulator, in windows that alternate with the driver's: the most any
 * master gets from this rig. Prints the figures; asserts only that every read came back.
 */
class PollingRateBenchmark {

    private static final double WINDOW_SECONDS = 0.3;
    private static final int PAIRS = 8;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = { 19200, 115200 })
    void pollingRateAsAFractionOfTheLine(int baud) throws Exception {
        try (PtyPair pty = new PtyPair(dir); ControllerSimulator device = new ControllerSimulator(pty.device(), baud)
                .unit(1, 0x2000, 2351)) {
            device.lineTiming = true;
            LineSettings settings = LineSettings.of8N1(baud);
            try (SerialLink link = new JSerialCommPorts().open(pty.master(), settings)) {
                RtuMaster master = new RtuMaster(link, 200, 2);
                BareExchange bare = new BareExchange(link, RtuMaster.silence(settings));
                for (int i = 0; i < 50; i++) {
                    master.readHoldingRegisters(1, 0x2000, 1); // warm up
                    bare.rate(0);
                }
                double transaction = 15 * 11.0 / baud + 2 * RtuMaster.silence(settings) / 1e9;
                double[] driver = new double[PAIRS];
                double[] rig = new double[PAIRS];
                double[] ratio = new double[PAIRS];
                // short windows, alternating: a 2-core machine's other work lands in some of them, not in the
                // median, and lands on the driver and the bare exchange alike; every other pair the bare exchange
                // goes first, so that no order favours either
                for (int w = 0; w < PAIRS; w++) {
                    if (w % 2 == 1) {
                        rig[w] = bare.rate(WINDOW_SECONDS) * transaction;
                    }
                    // untimed: the driver's own silence starts from its last answer, windows ago; from here on
                    // each of its reads keeps one silence, as each bare exchange does
                    master.readHoldingRegisters(1, 0x2000, 1);
                    long reads = 0;
                    long began = System.nanoTime();
                    while (System.nanoTime() - began < WINDOW_SECONDS * 1e9) {
                        assertEquals(2351, master.readHoldingRegisters(1, 0x2000, 1)[0]);
                        reads++;
                    }
                    driver[w] = reads / ((System.nanoTime() - began) / 1e9) * transaction;
                    if (w % 2 == 0) {
                        rig[w] = bare.rate(WINDOW_SECONDS) * transaction;
                    }
                    ratio[w] = driver[w] / rig[w];
                }
                System.out.printf(Locale.ROOT, "modbus polling at %d baud: %.1f reads/s, %.2f ms each; the line allows "
                        + "%.1f/s (%.2f ms): %.1f %% of the theoretical maximum (median of %d windows of %.1f s; "
                        + "%.1f-%.1f %%); a bare exchange of the same frames on this pseudo-terminal: %.1f %% "
                        + "(%.1f-%.1f %%); the driver makes %.1f %% of the bare exchange's rate; retries %d%n", baud,
                        median(driver) / transaction, 1000 * transaction / median(driver), 1 / transaction,
                        transaction * 1000, 100 * median(driver), PAIRS, WINDOW_SECONDS, 100 * min(driver),
                        100 * max(driver), 100 * median(rig), 100 * min(rig), 100 * max(rig), 100 * median(ratio),
                        master.counters().retries());
                assertEquals(0, master.counters().failed());
            }
        }
    }

    /**
     * The least a master can do on this rig: the same question, the same silence kept the same way, the answer read
     * by its length and nothing checked.
     */
    private static final class BareExchange {

        private static final byte[] QUESTION = { 0x01, 0x03, 0x20, 0x00, 0x00, 0x01, (byte) 0x8F, (byte) 0xCA };

        private final SerialLink link;
        private final long silenceNanos;
        private final byte[] answer = new byte[7];
        private long quietSince = System.nanoTime();

        BareExchange(SerialLink link, long silenceNanos) {
            this.link = link;
            this.silenceNanos = silenceNanos;
        }

        /**
         * Exchanges for {@code seconds} (at least once) and returns the exchanges per second. Keeps the silence
         * before its first question (the driver had the line until now) and after its last answer (the driver has
         * it next).
         */
        double rate(double seconds) throws IOException {
            long exchanges = 0;
            quietSince = System.nanoTime();
            long began = System.nanoTime();
            do {
                exchange();
                exchanges++;
            } while (System.nanoTime() - began < seconds * 1e9);
            double rate = exchanges / ((System.nanoTime() - began) / 1e9);
            quietSince = System.nanoTime();
            awaitSilence();
            return rate;
        }

        private void exchange() throws IOException {
            awaitSilence();
            link.write(QUESTION);
            for (int have = 0; have < answer.length;) {
                int n = link.read(answer, have, answer.length - have, 200);
                if (n == 0) {
                    throw new IOException("the simulator did not answer the bare exchange");
                }
                have += n;
            }
            quietSince = System.nanoTime();
        }

        /** As the driver keeps it: parked for most of the silence, spinning for the last 0.2 ms. */
        private void awaitSilence() {
            long end = quietSince + silenceNanos;
            for (long wait = end - System.nanoTime() - 200_000; wait > 0; wait = end - System.nanoTime() - 200_000) {
                LockSupport.parkNanos(wait);
            }
            while (System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
