/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals made by socat: what one end writes the other reads, as on a null-modem cable.
 * Closing (or {@link #unplug()}) kills socat: both ends then read as gone, as when a USB adaptor is pulled. Needs
 * socat on the machine (Debian: {@code apt-get install socat}). The driver opens {@link #master()}, the device
 * simulator {@link #device()}; ptys have no baud timing and refuse parity: simulators add their own delays.
 */
public final class PtyPair implements AutoCloseable {

    private final Path a;
    private final Path b;
    private Process socat;

    /** Links {@code dir}/master and {@code dir}/device. */
    public PtyPair(Path dir) throws IOException, InterruptedException {
        this.a = dir.resolve("master");
        this.b = dir.resolve("device");
        plugIn();
    }

    /** Starts socat (again), linking the same two paths. */
    public void plugIn() throws IOException, InterruptedException {
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        try {
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("socat is needed for the serial tests (apt-get install socat): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Await.CEILING_SECONDS);
        while (!(Files.exists(a) && Files.exists(b)) && System.nanoTime() - deadline < 0 && socat.isAlive()) {
            Thread.sleep(5);
        }
        if (!Files.exists(a) || !Files.exists(b)) {
            throw new IOException("socat made no pseudo-terminals at " + a + " and " + b);
        }
    }

    /** The end the driver opens. */
    public String master() {
        return a.toString();
    }

    /** The end the device simulator opens. */
    public String device() {
        return b.toString();
    }

    /** The cable is pulled: socat dies, both ends go away. */
    public void unplug() throws InterruptedException {
        socat.destroyForcibly();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
