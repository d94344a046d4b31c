/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;

/**
 * Runs the editor's {@link Reconciling} on a thread of its own, {@code delay} milliseconds after typing last changed
 * the text: a keystroke cancels the pass under way and counts the delay again from itself, and the next pass starts
 * when both the delay is over and the cancelled pass has stopped. The platform's reconciler thread, when a keystroke
 * comes while it finishes a pass (the colours, the files that read this one), waits its delay twice; a delayed job
 * started 15-50 ms late on a busy workbench, measured.
 */
final class Rechecking implements IReconciler {

    private final Reconciling strategy;
    private final long delay;
    private final Object lock = new Object();
    private ITextViewer viewer;
    private IDocument document;
    private Thread thread;
    /** When the next pass is due, in {@link System#nanoTime()}'s terms; {@code null} while none is. */
    private Long due;
    private NullProgressMonitor pass = new NullProgressMonitor();
    private boolean stopped;

    private final IDocumentListener changes = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            pass.setCanceled(true); // the pass under way reads a text about to go: it stops at its next check
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            restart();
        }
    };

    private final ITextInputListener inputs = new ITextInputListener() {
        @Override
        public void inputDocumentAboutToBeChanged(IDocument old, IDocument input) {
            disconnect();
        }

        @Override
        public void inputDocumentChanged(IDocument old, IDocument input) {
            connect(input);
        }
    };

    Rechecking(Reconciling strategy, int delay) {
        this.strategy = strategy;
        this.delay = delay * 1_000_000L;
    }

    @Override
    public void install(ITextViewer textViewer) {
        viewer = textViewer;
        thread = new Thread(this::run, "Benchwright: check the procedure file");
        thread.setDaemon(true);
        thread.start();
        viewer.addTextInputListener(inputs);
        connect(viewer.getDocument());
    }

    @Override
    public void uninstall() {
        if (viewer != null) {
            viewer.removeTextInputListener(inputs);
            disconnect();
            viewer = null;
        }
        synchronized (lock) {
            stopped = true;
            pass.setCanceled(true);
            lock.notifyAll();
        }
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return strategy;
    }

    private void connect(IDocument input) {
        synchronized (lock) {
            if (input == null || input == document) {
                return;
            }
            document = input;
            strategy.setDocument(input);
        }
        input.addDocumentListener(changes);
        restart();
    }

    private void disconnect() {
        IDocument old;
        synchronized (lock) {
            old = document;
            document = null;
            due = null;
            pass.setCanceled(true);
        }
        if (old != null) {
            old.removeDocumentListener(changes);
        }
    }

    /** A pass {@code delay} after now; the one under way stops. */
    private void restart() {
        synchronized (lock) {
            due = System.nanoTime() + delay;
            pass.setCanceled(true);
            lock.notifyAll();
        }
    }

    private void run() {
        while (true) {
            IDocument checked;
            synchronized (lock) {
                try {
                    while (!stopped && (due == null || document == null || System.nanoTime() < due)) {
                        long wait = due == null ? 0 : Math.max(1, (due - System.nanoTime()) / 1_000_000);
                        lock.wait(wait);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (stopped) {
                    return;
                }
                due = null;
                pass = new NullProgressMonitor();
                checked = document;
                strategy.setProgressMonitor(pass);
            }
            try {
                strategy.reconcile(new Region(0, checked.getLength()));
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) { // one failed pass must not end this editor's checks for good
                ILog.of(Rechecking.class).error("Checking the procedure file failed", e);
            }
        }
    }
}
