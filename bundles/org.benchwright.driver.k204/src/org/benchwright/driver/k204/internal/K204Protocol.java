/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.k204.internal;

import java.io.IOException;

import org.benchwright.driver.serial.SerialLink;

/**
 * The serial protocol of 4-channel thermocouple thermometers of the Voltcraft K204 / Center 309 class: 9600 8N1;
 * {@code A} asks for a reading, answered by 45 bytes that start with 0x02, with channels 1 to 4 in bytes 8 to 15
 * (big-endian, signed tenths of a degree) and overload flags in byte 40 (bit 0 for channel 1 .. bit 3 for channel 4:
 * the meter shows an open thermocouple as an overload); {@code K} asks for the model.
 */
public final class K204Protocol {

    public static final int READING_LENGTH = 45;

    /** One reading of the four channels: °C, and which are flagged. */
    public record Reading(double[] celsius, boolean[] overload) {
    }

    private K204Protocol() {
    }

    /** Asks for one reading and waits up to {@code timeoutMillis} for it. */
    public static Reading read(SerialLink link, int timeoutMillis) throws IOException {
        link.discardInput();
        link.write(new byte[] { 'A' });
        byte[] frame = new byte[READING_LENGTH];
        int have = 0;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (have < READING_LENGTH) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new IOException(link.path() + ": " + (have == 0 ? "no reading from the thermometer"
                        : "an incomplete reading (" + have + " of " + READING_LENGTH + " bytes)") + " in "
                        + timeoutMillis + " ms");
            }
            have += link.read(frame, have, READING_LENGTH - have, (int) left);
            if (have > 0 && frame[0] != 0x02) {
                throw new IOException(link.path() + ": not a reading: it starts with 0x"
                        + Integer.toHexString(frame[0] & 0xFF) + ", not 0x02");
            }
        }
        return parse(frame);
    }

    /** Reads a 45-byte answer to {@code A}. */
    public static Reading parse(byte[] frame) {
        if (frame.length != READING_LENGTH || frame[0] != 0x02) {
            throw new IllegalArgumentException("a K204 reading has 45 bytes and starts with 0x02");
        }
        double[] celsius = new double[4];
        boolean[] overload = new boolean[4];
        for (int ch = 0; ch < 4; ch++) {
            celsius[ch] = (short) ((frame[8 + 2 * ch] & 0xFF) << 8 | frame[9 + 2 * ch] & 0xFF) / 10.0;
            overload[ch] = (frame[40] & (1 << ch)) != 0;
        }
        return new Reading(celsius, overload);
    }

    /** A reading as the meter sends it: the inverse of {@link #parse}, for simulators and tests. */
    public static byte[] frame(double[] celsius, boolean[] overload) {
        byte[] frame = new byte[READING_LENGTH];
        frame[0] = 0x02;
        for (int ch = 0; ch < 4; ch++) {
            int tenths = (int) Math.round(celsius[ch] * 10);
            frame[8 + 2 * ch] = (byte) (tenths >> 8);
            frame[9 + 2 * ch] = (byte) tenths;
            if (overload[ch]) {
                frame[40] |= (byte) (1 << ch);
            }
        }
        frame[44] = 0x03;
        return frame;
    }
}
