/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.benchwright.store.Outbox;

/**
 * Keeps a bench's records flowing to the plant store by itself: a daemon thread that passes the outbox a few times a
 * second while the store answers (so the store follows a running job closely) and, while it does not, again after a
 * wait that doubles up to half a minute, so that a store that comes back is drained without anyone asking and a store
 * that is down is not hammered. Whoever shows the bench's state learns each pass that changed what it says.
 */
public final class OutboxPump implements AutoCloseable {

    /** The wait between passes while the store answers, in milliseconds. */
    static final long PERIOD = 250;
    /** The longest wait between tries while it does not. */
    static final long LONGEST_WAIT = 30_000;

    private final Outbox outbox;
    private final Path only;
    private final Consumer<Outbox.Pass> listener;
    private final Thread thread;
    private final Object lock = new Object();
    private boolean stopped;
    private boolean nudged;
    private volatile Outbox.Pass last;

    /**
     * @param only     the record to follow, {@code null}: the whole records folder
     * @param listener told each pass whose description differs from the one before
     */
    public OutboxPump(Outbox outbox, Path only, Consumer<Outbox.Pass> listener) {
        this.outbox = outbox;
        this.only = only;
        this.listener = listener;
        this.thread = new Thread(this::pump, "benchwright outbox " + (only == null ? "records" : only.getFileName()));
        thread.setDaemon(true);
    }

    public OutboxPump start() {
        thread.start();
        return this;
    }

    /** The last pass; {@code null} before the first. */
    public Outbox.Pass last() {
        return last;
    }

    /** Passes again now (new entries were written, or someone asks), unless the store is known to be down. */
    public void nudge() {
        synchronized (lock) {
            nudged = true;
            lock.notifyAll();
        }
    }

    private void pump() {
        long wait = PERIOD;
        while (true) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
            }
            Outbox.Pass pass;
            try {
                pass = outbox.drain(only);
            } catch (IOException e) {
                pass = new Outbox.Pass(0, -1, Map.of(), "the records cannot be read: " + e.getMessage());
            }
            Outbox.Pass before = last;
            last = pass;
            if (before == null || !before.describe().equals(pass.describe())) {
                listener.accept(pass);
            }
            wait = pass.online() ? PERIOD : Math.min(LONGEST_WAIT, wait == PERIOD ? 1000 : wait * 2);
            synchronized (lock) {
                long until = System.nanoTime() + wait * 1_000_000;
                while (!stopped && !(nudged && pass.online())) {
                    long left = (until - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    try {
                        lock.wait(left);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                nudged = false;
            }
        }
    }

    /** Stops the thread after the pass it is making. */
    @Override
    public void close() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
