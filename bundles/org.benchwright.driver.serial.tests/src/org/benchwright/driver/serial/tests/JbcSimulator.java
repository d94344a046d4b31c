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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.benchwright.driver.jbc.internal.JbcProtocol;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.internal.JSerialCommPorts;

/**
 * A JBC control unit (address 01) with four tool ports on the far end of a pseudo-terminal: answers R and W frames
 * for ST, TT, PP, PE and PS with A, a damaged frame with N (communication error 1); its tips heat towards the select
 * temperature while their port works. Misbehaves on request: damaged answers, silence.
 */
final class JbcSimulator implements AutoCloseable {

    final List<String> received = Collections.synchronizedList(new ArrayList<>());
    final int[] select = { 350, 350, 350, 350 };
    final double[] tip = { 25, 25, 25, 25 };
    final int[] status = new int[4];
    final int[] error = new int[4];
    volatile int damagedAnswers;
    volatile boolean silent;
    private final SerialLink link;
    private final Thread thread;
    private volatile boolean running = true;

    JbcSimulator(String path) throws IOException {
        link = new JSerialCommPorts().open(path, LineSettings.of8N1(19200));
        thread = new Thread(this::serve, "jbc simulator");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        byte[] b = new byte[1];
        boolean ended = false;
        while (running) {
            try {
                if (link.read(b, 0, 1, 50) == 0) {
                    continue;
                }
                if (frame.size() == 0 && b[0] != JbcProtocol.STX) {
                    continue;
                }
                frame.write(b[0]);
                if (ended) {
                    answer(frame.toByteArray());
                    frame.reset();
                    ended = false;
                } else {
                    ended = b[0] == JbcProtocol.ETX;
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(byte[] question) throws IOException {
        received.add(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(question));
        for (int p = 0; p < 4; p++) {
            tip[p] += status[p] == 1 ? (select[p] - tip[p]) * 0.3 : (25 - tip[p]) * 0.05;
        }
        if (silent) {
            return;
        }
        if (question[question.length - 1] != JbcProtocol.bcc(question, question.length - 1)) {
            link.write(JbcProtocol.frame("01", "00", 'N', "ER", 0, 1));
            return;
        }
        JbcProtocol.Answer q = JbcProtocol.parse(question);
        int p = q.port() - 1;
        Integer value = switch (q.command()) {
            case "ST" -> {
                if (q.header() == 'W') {
                    select[p] = q.data();
                }
                yield select[p];
            }
            case "TT" -> (int) Math.round(tip[p]);
            case "PP" -> status[p] == 1 ? 45 : 0;
            case "PE" -> error[p];
            case "PS" -> {
                if (q.header() == 'W') {
                    status[p] = q.data();
                }
                yield status[p];
            }
            default -> null;
        };
        byte[] answer = value == null ? JbcProtocol.frame("01", "00", 'N', q.command(), q.port(), 2)
                : JbcProtocol.frame("01", "00", 'A', q.command(), q.port(), value);
        if (damagedAnswers > 0) {
            damagedAnswers--;
            answer[answer.length - 1] ^= 0x01;
        }
        link.write(answer);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        link.close();
        thread.join(1000);
    }
}
