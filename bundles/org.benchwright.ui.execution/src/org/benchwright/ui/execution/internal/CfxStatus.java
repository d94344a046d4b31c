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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.benchwright.cfx.CfxEndpoint;
import org.benchwright.cfx.CfxSettings;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.swt.widgets.Composite;

/**
 * The bench's IPC-CFX line and endpoint: while the Bench view is open and the preferences name a CFX configuration
 * file, an endpoint publishes what the records folder tells to the plant's MES, between jobs as during them, and the
 * line says how many messages wait ("CFX: 12 messages waiting (cannot reach the broker ...)"). A change of the
 * configuration or the records preference restarts it; without a configuration the line says CFX is off.
 */
final class CfxStatus {

    private final StatusLine line;
    private CfxEndpoint endpoint;
    private boolean disposed;

    private final IPreferenceChangeListener moved = event -> {
        if (List.of(BenchSettings.CFX, BenchSettings.RECORDS).contains(event.getKey())) {
            follow();
        }
    };

    CfxStatus(Composite parent) {
        line = new StatusLine(parent);
        BenchSettings.preferences().addPreferenceChangeListener(moved);
    }

    /** Starts (or restarts) the endpoint the preferences configure. */
    synchronized void follow() {
        stop();
        if (disposed) {
            return;
        }
        Path file = BenchSettings.cfx();
        if (file == null) {
            show("IPC-CFX: off (no CFX configuration in the bench's preferences)");
            return;
        }
        CfxSettings settings;
        try {
            settings = CfxSettings.load(file);
        } catch (IOException e) {
            show("IPC-CFX: " + e.getMessage());
            return;
        }
        if (settings == null) {
            show("IPC-CFX: off (" + file + " names no cfx.broker)");
            return;
        }
        String who = " - " + settings.handle() + " at " + settings.broker();
        show("IPC-CFX: connecting" + who);
        endpoint = new CfxEndpoint(settings, BenchSettings.records(), status -> show(status.describe() + who)).start();
    }

    /** The running endpoint, for a job to nudge; {@code null} with CFX off. */
    synchronized CfxEndpoint endpoint() {
        return endpoint;
    }

    /** Ends the endpoint on a thread of its own: it may be waiting for the broker; the next one waits for its lock. */
    private void stop() {
        CfxEndpoint old = endpoint;
        endpoint = null;
        if (old != null) {
            Thread closing = new Thread(old::close, "CFX endpoint closing");
            closing.setDaemon(true);
            closing.start();
        }
    }

    /** Shows a line, from any thread. */
    void show(String text) {
        line.show(text);
    }

    /** What the line says now; on the display's thread. */
    String text() {
        return line.text();
    }

    void dispose() {
        BenchSettings.preferences().removePreferenceChangeListener(moved);
        synchronized (this) {
            disposed = true;
            stop();
        }
    }
}
