/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.execution.internal;

import java.util.List;
import java.util.Locale;

import org.benchwright.store.Outbox;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;
import org.benchwright.store.bench.OutboxPump;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.swt.widgets.Composite;

/**
 * The bench's line about the plant store: where it is and what its outbox says ("plant store offline: 12 entries
 * waiting"), kept true between jobs by a pump over the records folder that drains by itself when the store returns,
 * and during a job by the job's own outbox. A store that cannot be opened at all is tried again every half minute;
 * a change of the store or records preference is followed at once.
 */
final class PlantStatus {

    /** How long to wait before opening a store again that could not be opened, in milliseconds. */
    private static final long RETRY = 30_000;

    private final StatusLine line;
    private OutboxPump idle;
    private boolean busy;
    private boolean disposed;
    private final Job opening = Job.create("Plant store", monitor -> {
        open();
        return Status.OK_STATUS;
    });

    /** A change of where the store or the records are: followed at once. */
    private final IPreferenceChangeListener moved = event -> {
        if (List.of(BenchSettings.STORE, BenchSettings.STORE_CREDENTIALS, BenchSettings.RECORDS)
                .contains(event.getKey())) {
            follow();
        }
    };

    PlantStatus(Composite parent) {
        line = new StatusLine(parent);
        opening.setSystem(true);
        BenchSettings.preferences().addPreferenceChangeListener(moved);
    }

    /** Starts following the store the preferences name, between jobs. */
    void follow() {
        opening.cancel();
        opening.schedule();
    }

    private void open() {
        String location = BenchSettings.store();
        if (location == null) {
            stopIdle();
            show("Plant store: none (preference 'store' is none): this bench keeps its records to itself");
            return;
        }
        PlantStore store;
        try {
            store = BenchPlant.store();
        } catch (StoreException e) {
            show("Plant store " + location + " cannot be reached: " + e.getMessage() + "; tried again in 30 s");
            opening.schedule(RETRY);
            return;
        }
        synchronized (this) {
            if (disposed || busy) {
                return;
            }
            stopIdle();
            idle = new OutboxPump(new Outbox(store, BenchSettings.records()), null, pass -> show(pass, location))
                    .start();
        }
    }

    /** A job starts: its own outbox tells what it sends. */
    synchronized void jobStarting() {
        busy = true;
        stopIdle();
    }

    /** The job has ended: the folder is followed again. */
    void jobEnded() {
        synchronized (this) {
            busy = false;
        }
        follow();
    }

    /** What the outbox said, from any thread. */
    void show(Outbox.Pass pass, String location) {
        String said = pass.describe();
        show(said.substring(0, 1).toUpperCase(Locale.ROOT) + said.substring(1) + " - " + location);
    }

    /** Shows a line, from any thread. */
    void show(String text) {
        line.show(text);
    }

    /** What the line says now; on the display's thread. */
    String text() {
        return line.text();
    }

    private synchronized void stopIdle() {
        if (idle != null) {
            idle.close();
            idle = null;
        }
    }

    void dispose() {
        BenchSettings.preferences().removePreferenceChangeListener(moved);
        synchronized (this) {
            disposed = true;
        }
        opening.cancel();
        stopIdle();
    }
}
