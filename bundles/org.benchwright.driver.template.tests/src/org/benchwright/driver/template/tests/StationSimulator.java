/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.template.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.SerialPorts;

/**
 * The template's device on the far end of a pseudo-terminal: a hot-air station that answers the line protocol and
 * heats its air towards the setpoint while on. Replace it with a simulator of your device's protocol.
 */
final class StationSimulator implements AutoCloseable {

    volatile double air = 25;
    volatile double setpoint;
    volatile boolean on;
    volatile boolean mute;
    private final SerialLink link;
    private final Thread thread;
    private volatile boolean running = true;

    StationSimulator(SerialPorts ports, String path) throws IOException {
        link = ports.open(path, LineSettings.of8N1(9600));
        thread = new Thread(this::serve, "template station simulator");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        StringBuilder line = new StringBuilder();
        byte[] b = new byte[1];
        while (running) {
            try {
                if (link.read(b, 0, 1, 50) == 0) {
                    continue;
                }
                if (b[0] != '\r') {
                    line.append((char) b[0]);
                    continue;
                }
                String question = line.toString();
                line.setLength(0);
                air += on ? (setpoint - air) * 0.2 : (25 - air) * 0.05;
                if (!mute) {
                    link.write((answer(question) + "\r").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private String answer(String question) {
        if (question.equals("PV?")) {
            return String.format(Locale.ROOT, "PV %.1f", air);
        }
        if (question.equals("ON") || question.equals("OFF")) {
            on = question.equals("ON");
            return "OK";
        }
        if (question.startsWith("SP ")) {
            try {
                setpoint = Double.parseDouble(question.substring(3));
                return "OK";
            } catch (NumberFormatException e) {
                return "ERR bad number";
            }
        }
        return "ERR unknown command";
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        link.close();
        thread.join(1000);
    }
}
