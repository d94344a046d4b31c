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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.benchwright.driver.modbus.internal.Crc16;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.internal.JSerialCommPorts;

/**
 * Modbus RTU temperature controllers on the far end of a pseudo-terminal: answers functions 03, 04, 06, 08 and 16
 * for the units it holds, with exception 2 for registers it does not have, and keeps quiet for other units. It can
 * keep line timing (it answers when a real line of its baud rate would have carried question and answer, with
 * 11-bit characters and the 3.5-character silence) and misbehave on request: garbage, a damaged CRC, silence, slow
 * answers.
 */
final class ControllerSimulator implements AutoCloseable {

    /** What it received, in order, as hex frames. */
    final List<String> received = Collections.synchronizedList(new ArrayList<>());
    /** Registers per unit: holding and input share a map here, keyed by unit then address. */
    final Map<Integer, Map<Integer, Integer>> registers = new ConcurrentHashMap<>();
    volatile int garbageAnswers;
    volatile int damagedAnswers;
    volatile int silentAnswers;
    volatile int delayMillis;
    volatile boolean lineTiming;
    private final SerialLink link;
    private final Thread thread;
    private final double characterNanos;
    private final long silenceNanos;
    private volatile boolean running = true;

    ControllerSimulator(String path, int baud) throws IOException {
        link = new JSerialCommPorts().open(path, LineSettings.of8N1(baud));
        characterNanos = 11 * 1e9 / baud; // Modbus RTU characters are 11 bits (8E1 or 8N2)
        silenceNanos = baud > 19200 ? 1_750_000 : Math.round(3.5 * characterNanos);
        thread = new Thread(this::serve, "controller simulator " + path);
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds a controller with these registers. */
    ControllerSimulator unit(int unit, int... addressesAndValues) {
        Map<Integer, Integer> map = registers.computeIfAbsent(unit, u -> new ConcurrentHashMap<>());
        for (int i = 0; i < addressesAndValues.length; i += 2) {
            map.put(addressesAndValues[i], addressesAndValues[i + 1]);
        }
        return this;
    }

    Integer register(int unit, int address) {
        return registers.get(unit).get(address);
    }

    private void serve() {
        byte[] buffer = new byte[300];
        int have = 0;
        while (running) {
            try {
                int n = link.read(buffer, have, buffer.length - have, 50);
                have += n;
                int length = frameLength(buffer, have);
                if (length > 0 && have >= length) {
                    long arrived = System.nanoTime();
                    byte[] frame = java.util.Arrays.copyOf(buffer, length);
                    have = 0;
                    answer(frame, arrived);
                } else if (n == 0 && have > 0) {
                    have = 0; // a silence ends a frame: what came is incomplete
                }
            } catch (IOException e) {
                return; // the line is gone
            }
        }
    }

    private static int frameLength(byte[] b, int have) {
        if (have < 2) {
            return -1;
        }
        int function = b[1] & 0xFF;
        if (function == 0x10) {
            return have < 7 ? -1 : 9 + (b[6] & 0xFF);
        }
        return 8;
    }

    private void answer(byte[] frame, long arrived) throws IOException {
        received.add(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(frame));
        if (!Crc16.valid(frame, frame.length)) {
            return; // a damaged question gets no answer
        }
        int unit = frame[0] & 0xFF;
        Map<Integer, Integer> map = registers.get(unit);
        if (map == null) {
            return; // no such controller on the bus
        }
        if (silentAnswers > 0) {
            silentAnswers--;
            return;
        }
        int function = frame[1] & 0xFF;
        int address = (frame[2] & 0xFF) << 8 | frame[3] & 0xFF;
        int value = (frame[4] & 0xFF) << 8 | frame[5] & 0xFF;
        byte[] pdu;
        switch (function) {
            case 3, 4 -> {
                pdu = new byte[2 + 2 * value];
                pdu[0] = (byte) function;
                pdu[1] = (byte) (2 * value);
                for (int i = 0; i < value; i++) {
                    Integer v = map.get(address + i);
                    if (v == null) {
                        pdu = new byte[] { (byte) (function | 0x80), 2 };
                        break;
                    }
                    pdu[2 + 2 * i] = (byte) (v >>> 8);
                    pdu[3 + 2 * i] = (byte) (int) v;
                }
            }
            case 6 -> {
                map.put(address, value);
                pdu = java.util.Arrays.copyOfRange(frame, 1, 6);
            }
            case 8 -> pdu = java.util.Arrays.copyOfRange(frame, 1, 6);
            case 0x10 -> {
                for (int i = 0; i < value; i++) {
                    map.put(address + i, (frame[7 + 2 * i] & 0xFF) << 8 | frame[8 + 2 * i] & 0xFF);
                }
                pdu = java.util.Arrays.copyOfRange(frame, 1, 6);
            }
            default -> pdu = new byte[] { (byte) (function | 0x80), 1 };
        }
        byte[] reply = new byte[pdu.length + 3];
        reply[0] = (byte) unit;
        System.arraycopy(pdu, 0, reply, 1, pdu.length);
        int crc = Crc16.of(reply, 0, reply.length - 2);
        reply[reply.length - 2] = (byte) crc;
        reply[reply.length - 1] = (byte) (crc >>> 8);
        if (lineTiming) {
            // the question took its characters to arrive; then the silence; then the answer takes its own
            long due = arrived + Math.round((frame.length + reply.length) * characterNanos) + silenceNanos;
            for (long wait = due - System.nanoTime() - 200_000; wait > 0; wait = due - System.nanoTime() - 200_000) {
                LockSupport.parkNanos(wait);
            }
            while (System.nanoTime() - due < 0) {
                Thread.onSpinWait(); // a park overshoots by tens of microseconds: spin the last 0.2 ms
            }
        }
        if (delayMillis > 0) {
            LockSupport.parkNanos(delayMillis * 1_000_000L);
        }
        if (garbageAnswers > 0) {
            garbageAnswers--;
            link.write(new byte[] { (byte) 0xFF, 0x00, 0x55, (byte) 0xAA, 0x13 });
            return;
        }
        if (damagedAnswers > 0) {
            damagedAnswers--;
            reply[reply.length - 3] ^= 0x10;
        }
        link.write(reply);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        link.close();
        thread.join(1000);
    }
}
