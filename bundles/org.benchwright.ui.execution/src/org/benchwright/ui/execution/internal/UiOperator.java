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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.benchwright.engine.job.Operator;
import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.job.Reply;
import org.eclipse.swt.widgets.Display;

/**
 * The technician at the bench, as the job runner asks them: each question is shown on the UI thread and the job's
 * thread waits for the answer the view gives (a button, a scanned lot, a measured value), or for an abort.
 */
final class UiOperator implements Operator {

    private final Display display;
    private final Consumer<Prompt> show;
    private final BiConsumer<Prompt, String> refuse;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private volatile Prompt asking;

    UiOperator(Display display, Consumer<Prompt> show, BiConsumer<Prompt, String> refuse) {
        this.display = display;
        this.show = show;
        this.refuse = refuse;
    }

    @Override
    public Reply ask(Prompt prompt) throws IOException {
        replies.clear();
        asking = prompt;
        display.asyncExec(() -> show.accept(prompt));
        try {
            return replies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply.Abort("the bench was closed");
        } finally {
            asking = null;
        }
    }

    @Override
    public void refused(Prompt prompt, String reason) {
        display.asyncExec(() -> refuse.accept(prompt, reason));
    }

    /** The question waiting for an answer, or {@code null}. */
    Prompt asking() {
        return asking;
    }

    /** Answers the waiting question (or the next one). */
    void answer(Reply reply) {
        replies.offer(reply);
    }
}
