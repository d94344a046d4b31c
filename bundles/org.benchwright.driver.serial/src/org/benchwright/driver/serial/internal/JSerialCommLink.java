/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.serial.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.benchwright.driver.serial.LineSettings;
import org.benchwright.driver.serial.SerialLink;

import com.fazecast.jSerialComm.SerialPort;

/** One open jSerialComm port. */
final class JSerialCommLink implements SerialLink {

    /** The longest a read blocks at once before it looks at its own deadline, ms. */
    static final int SLICE_MILLIS = 5;
    /** The longest {@link #close()} waits for the port to close, ms. */
    static final long CLOSE_WAIT_MILLIS = 1000;

    private final SerialPort port;
    private final String path;
    private final LineSettings settings;
    private final List<Runnable> disconnectListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile boolean closed;

    JSerialCommLink(SerialPort port, String path, LineSettings settings) {
        this.port = port;
        this.path = path;
        this.settings = settings;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public LineSettings settings() {
        return settings;
    }

    @Override
    public void write(byte[] data) throws IOException {
        requireOpen();
        int written = 0;
        while (written < data.length) {
            int n = port.writeBytes(data, data.length - written, written);
            if (n < 0) {
                throw lost("write");
            }
            written += n;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException {
        requireOpen();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int available = port.bytesAvailable();
            if (available < 0) {
                throw lost("read");
            }
            if (available > 0 || timeoutMillis > 0) {
                // semi-blocking: returns as soon as a byte is there, or after one slice of waiting; the port's
                // timeout is set once (setting it per read reconfigures the line: a tenth of a millisecond each)
                int n = port.readBytes(buffer, available > 0 ? Math.min(length, available) : length, offset);
                if (n < 0) {
                    throw lost("read");
                }
                if (n > 0) {
                    return n;
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return 0;
            }
        }
    }

    @Override
    public void discardInput() throws IOException {
        requireOpen();
        byte[] junk = new byte[256];
        for (int available = port.bytesAvailable(); available != 0; available = port.bytesAvailable()) {
            if (available < 0 || port.readBytes(junk, Math.min(junk.length, available)) < 0) {
                throw lost("read");
            }
        }
    }

    @Override
    public boolean isOpen() {
        return !closed && !gone.get();
    }

    @Override
    public void onDisconnect(Runnable listener) {
        disconnectListeners.add(listener);
    }

    /**
     * Closes the port, waiting at most {@link #CLOSE_WAIT_MILLIS} for it: a port with output still queued for a
     * device that no longer reads it waits in the kernel (tcdrain) until that output drains, which may be never.
     */
    @Override
    public void close() {
        closed = true;
        if (!gone.get()) {
            Thread closer = closer();
            try {
                closer.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Thread closer() {
        Thread closer = new Thread(port::closePort, "serial close " + path);
        closer.setDaemon(true);
        closer.start();
        return closer;
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException(path + ": the port is closed");
        }
        if (gone.get()) {
            throw new IOException(path + ": the device is gone");
        }
    }

    /**
     * The device went away: the listeners hear it first (a driver turns its heaters off and reports the lost link),
     * then the port is closed on a thread of its own, since closing a port whose device vanished can wait on the
     * driver for a long time (jSerialComm issue 266) and nothing may wait on that.
     */
    private IOException lost(String what) {
        IOException e = new IOException(path + ": the device is gone (" + what + " failed, error "
                + port.getLastErrorCode() + ")");
        if (!closed && gone.compareAndSet(false, true)) {
            disconnectListeners.forEach(Runnable::run);
            closer();
        }
        return e;
    }
}
