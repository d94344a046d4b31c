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
import java.util.HexFormat;
import java.util.concurrent.locks.LockSupport;

import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;

/**
 * The master of one Modbus RTU bus (RS-485 or RS-232): frames questions with their CRC, keeps the silent interval
 * between frames (3.5 character times, 1.75 ms above 19200 baud), reads each answer by its expected length, checks
 * address, function and CRC, and tries again after a timeout, a damaged or a stray answer, once the line has
 * settled (a late answer to a failed try is dropped, never taken for the next one's). A controller's exception
 * answer is thrown as a {@link ModbusException} at once (asking again would not change it). One transaction at a
 * time: methods are synchronized, so several controllers on the bus share it safely.
 */
public final class RtuMaster {

    /** Counts since the master was made, for diagnostics and benchmarks. */
    public record Counters(long transactions, long retries, long timeouts, long damaged, long late, long failed) {
    }

    private static final long SPIN_NANOS = 200_000;

    private final SerialLink link;
    private final int timeoutMillis;
    private final int retries;
    private final long silenceNanos;
    private final byte[] buffer = new byte[260];
    private long quietSince = System.nanoTime();
    private long transactions;
    private long retried;
    private long timeouts;
    private long damaged;
    private long failed;
    private long late;

    /**
     * @param timeoutMillis how long to wait for an answer to begin and complete
     * @param retries       how many times to ask again after a timeout or a damaged answer
     */
    public RtuMaster(SerialLink link, int timeoutMillis, int retries) {
        this.link = link;
        this.timeoutMillis = timeoutMillis;
        this.retries = retries;
        this.silenceNanos = silence(link.settings());
    }

    /**
     * The silent interval between frames: 3.5 characters of 11 bits (an RTU character: start, 8 data, parity or a
     * second stop, stop), fixed at 1.75 ms above 19200 baud (Modbus over serial line, 2.5.1.1).
     */
    public static long silence(LineSettings settings) {
        double characterNanos = Math.max(11, settings.bitsPerCharacter()) * 1e9 / settings.baud();
        return settings.baud() > 19200 ? 1_750_000 : Math.round(3.5 * characterNanos);
    }

    public SerialLink link() {
        return link;
    }

    /** Function 03: reads {@code count} holding registers from {@code start}. */
    public synchronized int[] readHoldingRegisters(int unit, int start, int count) throws IOException {
        return registers(transact(unit, new byte[] { 3, hi(start), lo(start), hi(count), lo(count) }, 5 + 2 * count),
                count);
    }

    /** Function 04: reads {@code count} input registers from {@code start}. */
    public synchronized int[] readInputRegisters(int unit, int start, int count) throws IOException {
        return registers(transact(unit, new byte[] { 4, hi(start), lo(start), hi(count), lo(count) }, 5 + 2 * count),
                count);
    }

    /** Function 06: writes one register; the controller echoes the question. */
    public synchronized void writeSingleRegister(int unit, int address, int value) throws IOException {
        byte[] pdu = { 6, hi(address), lo(address), hi(value), lo(value) };
        byte[] answer = transact(unit, pdu, 8);
        for (int i = 0; i < pdu.length; i++) {
            if (answer[1 + i] != pdu[i]) {
                throw new IOException("unit " + unit + " echoed " + hex(answer, 8) + " to a write of register "
                        + address);
            }
        }
    }

    /** Function 16 (0x10): writes consecutive registers. */
    public synchronized void writeMultipleRegisters(int unit, int start, int... values) throws IOException {
        byte[] pdu = new byte[6 + 2 * values.length];
        pdu[0] = 0x10;
        pdu[1] = hi(start);
        pdu[2] = lo(start);
        pdu[3] = hi(values.length);
        pdu[4] = lo(values.length);
        pdu[5] = (byte) (2 * values.length);
        for (int i = 0; i < values.length; i++) {
            pdu[6 + 2 * i] = hi(values[i]);
            pdu[7 + 2 * i] = lo(values[i]);
        }
        transact(unit, pdu, 8);
    }

    /** Function 08, sub-function 0: the controller returns {@code data}; a check that it is there and listening. */
    public synchronized void echo(int unit, int data) throws IOException {
        byte[] answer = transact(unit, new byte[] { 8, 0, 0, hi(data), lo(data) }, 8);
        if (((answer[4] & 0xFF) << 8 | answer[5] & 0xFF) != (data & 0xFFFF)) {
            throw new IOException("unit " + unit + " echoed " + hex(answer, 8) + ", not " + data);
        }
    }

    public synchronized Counters counters() {
        return new Counters(transactions, retried, timeouts, damaged, late, failed);
    }

    /** One question and its answer: returns the answer frame (address first, CRC last). */
    private byte[] transact(int unit, byte[] pdu, int expected) throws IOException {
        byte[] request = new byte[pdu.length + 3];
        request[0] = (byte) unit;
        System.arraycopy(pdu, 0, request, 1, pdu.length);
        int crc = Crc16.of(request, 0, request.length - 2);
        request[request.length - 2] = (byte) crc;
        request[request.length - 1] = (byte) (crc >>> 8);
        transactions++;
        String problem = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                retried++;
            }
            awaitSilence();
            link.discardInput();
            link.write(request);
            String result = receive(unit, pdu[0], expected);
            quietSince = System.nanoTime();
            if (result == null) {
                byte[] answer = new byte[(buffer[1] & 0x80) != 0 ? 5 : expected];
                System.arraycopy(buffer, 0, answer, 0, answer.length);
                if ((answer[1] & 0x80) != 0) {
                    throw new ModbusException(unit, pdu[0], answer[2] & 0xFF);
                }
                return answer;
            }
            problem = result;
            settle(result.equals("no answer") ? timeoutMillis : 2 * silenceNanos / 1_000_000 + 1);
        }
        failed++;
        throw new ModbusTimeoutException(link.path() + ": unit " + unit + " gave no intact answer to function "
                + pdu[0] + " in " + (retries + 1) + " tries of " + timeoutMillis + " ms (last: " + problem + ")");
    }

    /** Reads one answer into {@link #buffer}; returns {@code null} when it is whole and intact, else what was wrong. */
    private String receive(int unit, byte function, int expected) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int have = 0;
        int need = 2;
        while (have < need) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                if (have == 0) {
                    timeouts++;
                    return "no answer";
                }
                damaged++;
                return "an incomplete answer " + hex(buffer, have);
            }
            // ask for the whole expected answer at once (an exception answer is shorter; nothing else can follow
            // before the next question), so that a complete answer is one read
            have += link.read(buffer, have, Math.max(need, expected) - have, (int) Math.max(1, left));
            if (have >= 2 && need == 2) {
                if (buffer[0] != (byte) unit || (buffer[1] & 0x7F) != function) {
                    damaged++;
                    return "a stray answer " + hex(buffer, have) + " (expected unit " + unit + ", function " + function + ")";
                }
                need = (buffer[1] & 0x80) != 0 ? 5 : function == 3 || function == 4 ? 3 : expected;
            }
            if (have >= 3 && need == 3) {
                need = 5 + (buffer[2] & 0xFF);
                if (need != expected) {
                    damaged++;
                    return "an answer announcing " + (buffer[2] & 0xFF) + " bytes, not " + (expected - 5);
                }
            }
        }
        if (!Crc16.valid(buffer, need)) {
            damaged++;
            return "a damaged answer " + hex(buffer, need) + " (CRC)";
        }
        return null;
    }

    /**
     * After a failed try, listens until the line has been quiet for {@code quietMillis} and drops what came: a late
     * answer to the failed question must not be taken for the answer to the next one.
     */
    private void settle(long quietMillis) throws IOException {
        long quietUntil = System.nanoTime() + quietMillis * 1_000_000;
        byte[] junk = new byte[64];
        for (long left = quietMillis; left > 0; left = (quietUntil - System.nanoTime()) / 1_000_000) {
            if (link.read(junk, 0, junk.length, (int) left) > 0) {
                late++;
                quietUntil = System.nanoTime() + quietMillis * 1_000_000;
            }
        }
        quietSince = System.nanoTime();
    }

    /** Waits out the silence between frames: parked for most of it, spinning for the last 0.2 ms (a park overshoots). */
    private void awaitSilence() {
        long end = quietSince + silenceNanos;
        for (long wait = end - System.nanoTime() - SPIN_NANOS; wait > 0; wait = end - System.nanoTime() - SPIN_NANOS) {
            LockSupport.parkNanos(wait);
        }
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    private static int[] registers(byte[] answer, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = (answer[3 + 2 * i] & 0xFF) << 8 | answer[4 + 2 * i] & 0xFF;
        }
        return values;
    }

    static String hex(byte[] bytes, int length) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, length);
    }

    private static byte hi(int value) {
        return (byte) (value >>> 8);
    }

    private static byte lo(int value) {
        return (byte) value;
    }
}
