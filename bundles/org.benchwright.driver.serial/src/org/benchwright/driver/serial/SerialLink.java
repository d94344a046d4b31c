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

import java.io.IOException;

/**
 * An open serial line. Implemented by {@link SerialPorts}; used by one driver, from one thread at a time (a driver
 * that polls from several threads serialises its own transactions). {@link #close()} may be called from any thread
 * and never blocks for long.
 */
public interface SerialLink extends AutoCloseable {

    /** The device path it was opened with, for example {@code /dev/ttyUSB0}. */
    String path();

    LineSettings settings();

    /** Writes every byte, or throws when the line is gone. */
    void write(byte[] data) throws IOException;

    /**
     * Reads what arrives within {@code timeoutMillis}, up to {@code length} bytes: returns as soon as at least one byte
     * is there (and whatever else came with it), or 0 when nothing came in time.
     *
     * @throws IOException when the line is gone (the device was unplugged, the port closed)
     */
    int read(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException;

    /** Discards whatever has arrived and not been read: a late reply to an earlier question, line noise. */
    void discardInput() throws IOException;

    boolean isOpen();

    /** Called once, from the thread that noticed, when the line goes away without {@link #close()}. */
    void onDisconnect(Runnable listener);

    @Override
    void close();
}
