/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.jbc.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

import org.benchwright.driver.serial.SerialLink;

/**
 * JBC's RS-232 "communication protocol for automated processes" (UCR, DDE, DME, NAE, ALE, HDE control units): 19200
 * 8N1, ASCII frames {@code STX SA(2) TA(2) H CMD(2) PORT [DATA(5)] ETX BCC}, where SA and TA are the source and target
 * addresses ("00" the robot, "01" a station by default), H the control header ({@code R} read, {@code W} write,
 * {@code A} acknowledge with data, {@code N} not acknowledged), the data five digits with a leading minus for
 * negatives, and BCC the XOR of every byte before it. Commands used: {@code ST} select temperature, {@code TT} tip
 * temperature, {@code PP} port power, {@code PE} port error, {@code PS} port status.
 */
public final class JbcProtocol {

    public static final byte STX = 0x02;
    public static final byte ETX = 0x03;

    /** A station's answer: its header ({@code A} or {@code N}), command, port and data. */
    public record Answer(char header, String command, int port, Integer data) {
    }

    private final SerialLink link;
    private final String robot;
    private final String station;
    private final int timeoutMillis;
    private final int retries;

    public JbcProtocol(SerialLink link, String robot, String station, int timeoutMillis, int retries) {
        this.link = link;
        this.robot = robot;
        this.station = station;
        this.timeoutMillis = timeoutMillis;
        this.retries = retries;
    }

    public SerialLink link() {
        return link;
    }

    /** A frame: STX, addresses, header, command, port, optional data, ETX and BCC. */
    public static byte[] frame(String source, String target, char header, String command, int port, Integer data) {
        StringBuilder text = new StringBuilder().append(source).append(target).append(header).append(command).append(port);
        if (data != null) {
            text.append(data < 0 ? String.format(Locale.ROOT, "-%04d", -data) : String.format(Locale.ROOT, "%05d", data));
        }
        byte[] body = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[body.length + 3];
        frame[0] = STX;
        System.arraycopy(body, 0, frame, 1, body.length);
        frame[frame.length - 2] = ETX;
        frame[frame.length - 1] = bcc(frame, frame.length - 1);
        return frame;
    }

    /** The XOR of the first {@code length} bytes. */
    public static byte bcc(byte[] bytes, int length) {
        byte x = 0;
        for (int i = 0; i < length; i++) {
            x ^= bytes[i];
        }
        return x;
    }

    /** Reads a value ({@code R}); the station answers {@code A} with it. */
    public synchronized int read(String command, int port) throws IOException {
        Answer a = transact(frame(robot, station, 'R', command, port, null), command, port);
        if (a.data() == null) {
            throw new IOException(link.path() + ": the station answered R" + command + port + " without data");
        }
        return a.data();
    }

    /** Writes a value ({@code W}); the station acknowledges with {@code A}. */
    public synchronized void write(String command, int port, int value) throws IOException {
        transact(frame(robot, station, 'W', command, port, value), command, port);
    }

    private Answer transact(byte[] question, String command, int port) throws IOException {
        String problem = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            link.discardInput();
            link.write(question);
            byte[] answer = receive();
            if (answer == null) {
                problem = "no answer in " + timeoutMillis + " ms";
                continue;
            }
            if (answer[answer.length - 1] != bcc(answer, answer.length - 1)) {
                problem = "a damaged answer " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(answer) + " (BCC)";
                continue;
            }
            Answer a = parse(answer);
            if (a.header() == 'N') {
                throw new IOException(link.path() + ": the station refused " + (char) question[5] + command + port
                        + (a.data() == null ? "" : " (communication error " + a.data() + ")"));
            }
            if (a.header() != 'A' || !a.command().equals(command) || a.port() != port) {
                problem = "an answer to something else: " + new String(answer, 1, answer.length - 3, StandardCharsets.US_ASCII);
                continue;
            }
            return a;
        }
        throw new IOException(link.path() + ": station " + station + " gave no intact answer to " + (char) question[5]
                + command + port + " in " + (retries + 1) + " tries (last: " + problem + ")");
    }

    /** One frame up to its BCC, or {@code null} when none came in time. */
    private byte[] receive() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        byte[] b = new byte[1];
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        boolean started = false;
        boolean ended = false;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            if (link.read(b, 0, 1, (int) left) == 0) {
                continue;
            }
            if (!started) {
                started = b[0] == STX; // anything before STX is line noise
                if (!started) {
                    continue;
                }
            }
            frame.write(b[0]);
            if (ended) {
                return frame.toByteArray();
            }
            ended = b[0] == ETX;
        }
    }

    /** Reads a whole frame (STX .. BCC). */
    public static Answer parse(byte[] frame) {
        String text = new String(frame, 1, frame.length - 3, StandardCharsets.US_ASCII);
        if (text.length() < 8) {
            throw new IllegalArgumentException("too short for a JBC frame: " + text);
        }
        char header = text.charAt(4);
        String command = text.substring(5, 7);
        int port = text.charAt(7) - '0';
        Integer data = text.length() >= 13 ? Integer.valueOf(text.substring(8, 13)) : null;
        return new Answer(header, command, port, data);
    }
}
