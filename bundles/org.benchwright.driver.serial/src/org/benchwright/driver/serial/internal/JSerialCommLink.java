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

    private final SerialPort port;
    private final String path;
    private final LineSettings settings;
    private final List<Runnable> disconnectListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile boolean closed;
    private int timeout = 100;

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
        int available = port.bytesAvailable();
        if (available < 0) {
            throw lost("read");
        }
        if (available == 0) {
            if (timeoutMillis <= 0) {
                return 0;
            }
            if (timeout != timeoutMillis) {
                port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeoutMillis, 0);
                timeout = timeoutMillis;
            }
        }
        int n = port.readBytes(buffer, available == 0 ? length : Math.min(length, available), offset);
        if (n < 0) {
            throw lost("read");
        }
        return n;
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

    @Override
    public void close() {
        closed = true;
        port.closePort();
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException(path + ": the port is closed");
        }
        if (gone.get()) {
            throw new IOException(path + ": the device is gone");
        }
    }

    private IOException lost(String what) {
        IOException e = new IOException(path + ": the device is gone (" + what + " failed, error "
                + port.getLastErrorCode() + ")");
        if (!closed && gone.compareAndSet(false, true)) {
            port.closePort();
            disconnectListeners.forEach(Runnable::run);
        }
        return e;
    }
}
