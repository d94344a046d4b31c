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

import org.benchwright.driver.k204.internal.K204Protocol;
import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;
import org.benchwright.driver.serial.internal.JSerialCommPorts;

/** A K204-class thermometer on the far end of a pseudo-terminal: answers {@code A} with its four channels, {@code K} with its model. */
final class ThermometerSimulator implements AutoCloseable {

    final double[] celsius = { 25, 25, 25, 25 };
    final boolean[] overload = new boolean[4];
    volatile boolean garbage;
    volatile boolean silent;
    private final SerialLink link;
    private final Thread thread;
    private volatile boolean running = true;

    ThermometerSimulator(String path) throws IOException {
        link = new JSerialCommPorts().open(path, LineSettings.of8N1(9600));
        thread = new Thread(this::serve, "thermometer simulator " + path);
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        byte[] b = new byte[1];
        while (running) {
            try {
                if (link.read(b, 0, 1, 50) == 0 || silent) {
                    continue;
                }
                if (b[0] == 'K') {
                    link.write("K204\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } else if (b[0] == 'A') {
                    byte[] frame = K204Protocol.frame(celsius.clone(), overload.clone());
                    if (garbage) {
                        frame[0] = 0x55;
                    }
                    link.write(frame);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        link.close();
        thread.join(1000);
    }
}
