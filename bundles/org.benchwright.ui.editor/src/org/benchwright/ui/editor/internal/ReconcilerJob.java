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

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;

/**
 * Runs the editor's {@link Reconciling} as a job, {@code delay} milliseconds after typing last changed the text: each
 * change cancels a pass under way and counts the delay again from that keystroke (a job, as Xtext's own editor has).
 * The platform's reconciler thread, when a keystroke comes while it finishes a pass (the colours, the files that read
 * this one), waits out its delay twice before it starts again.
 */
final class ReconcilerJob extends Job implements IReconciler {

    private final Reconciling strategy;
    private final int delay;
    private ITextViewer viewer;
    private IDocument document;
    /** When the text last changed plus the delay, in {@link System#nanoTime()}'s terms: no pass starts before. */
    private volatile long due;

    private final IDocumentListener changes = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            // the pass under way reads a text about to go: it stops at its next check
            cancel();
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

    ReconcilerJob(Reconciling strategy, int delay) {
        super("Check the procedure file");
        this.strategy = strategy;
        this.delay = delay;
        setSystem(true);
        setPriority(Job.SHORT);
    }

    @Override
    public void install(ITextViewer textViewer) {
        viewer = textViewer;
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
    }

    @Override
    public IReconcilingStrategy getReconcilingStrategy(String contentType) {
        return strategy;
    }

    private synchronized void connect(IDocument input) {
        if (input == null || input == document) {
            return;
        }
        document = input;
        strategy.setDocument(input);
        input.addDocumentListener(changes);
        restart();
    }

    private synchronized void disconnect() {
        if (document != null) {
            document.removeDocumentListener(changes);
            document = null;
        }
        cancel();
    }

    /**
     * Runs a pass {@code delay} after this change; a pass under way is cancelled, and the next waits only what is left
     * of the delay once it has stopped.
     */
    private void restart() {
        due = System.nanoTime() + delay * 1_000_000L;
        cancel();
        schedule(getState() == Job.RUNNING ? 0 : delay);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        IDocument checked;
        synchronized (this) {
            checked = document;
        }
        if (checked == null || monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        long early = due - System.nanoTime();
        if (early > 1_000_000) {
            schedule(early / 1_000_000); // typing went on meanwhile
            return Status.OK_STATUS;
        }
        strategy.setProgressMonitor(monitor);
        strategy.reconcile(new Region(0, checked.getLength()));
        return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }
}
