/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.serial;

/**
 * How a serial line is framed: baud rate, data bits, parity and stop bits.
 *
 * @param baud     bits per second, for example 9600 or 19200
 * @param dataBits 7 or 8
 * @param parity   none, even or odd
 * @param stopBits 1 or 2
 */
public record LineSettings(int baud, int dataBits, Parity parity, int stopBits) {

    /** Parity of each character. */
    public enum Parity {
        NONE, EVEN, ODD
    }

    public LineSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be above 0, not " + baud);
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new IllegalArgumentException("data bits must be 7 or 8, not " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, not " + stopBits);
        }
    }

    /** 8 data bits, no parity, 1 stop bit: what most bench equipment speaks. */
    public static LineSettings of8N1(int baud) {
        return new LineSettings(baud, 8, Parity.NONE, 1);
    }

    /** Bits on the wire per character: start, data, parity and stop bits. */
    public int bitsPerCharacter() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    /** How long one character takes on the wire, in microseconds. */
    public double characterMicros() {
        return bitsPerCharacter() * 1e6 / baud;
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + parity.name().charAt(0) + stopBits;
    }
}
