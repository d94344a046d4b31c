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

import java.util.function.Supplier;

import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.job.Reply;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The current step, large enough to read at a bench: its path and instruction, what it asks (a confirmation, a
 * value within its limits, a lot, a verdict with a note), and the answer field and buttons. A scanned lot ends with
 * Enter, as a keyboard-wedge reader types it. Answers go to the job's thread through the operator.
 */
final class StepPanel {

    private static final Color RED = new Color(0xc0, 0x39, 0x2b);
    private static final Color AMBER = new Color(0xb9, 0x77, 0x0e);

    private final Supplier<UiOperator> operator;
    private final Composite panel;
    private final Label title;
    private final Label text;
    private final Label details;
    private final Text answer;
    private final Button done;
    private final Button pass;
    private final Button fail;
    private final Button skip;

    StepPanel(Composite parent, Font large, Supplier<UiOperator> operator) {
        this.operator = operator;
        panel = new Composite(parent, SWT.NONE);
        panel.setLayout(new GridLayout(1, false));
        title = new Label(panel, SWT.NONE);
        title.setFont(large);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        text = new Label(panel, SWT.WRAP);
        text.setFont(large);
        text.setLayoutData(wrapping());
        details = new Label(panel, SWT.WRAP);
        details.setLayoutData(wrapping());
        Composite row = new Composite(panel, SWT.NONE);
        row.setLayout(new GridLayout(5, false));
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        answer = new Text(row, SWT.BORDER);
        answer.setFont(large);
        answer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        answer.addListener(SWT.DefaultSelection, e -> submit());
        done = button(row, large, "Done", this::submit);
        pass = button(row, large, "Pass", () -> reply(new Reply.Inspection(true, answer.getText().strip())));
        fail = button(row, large, "Fail", () -> reply(new Reply.Inspection(false, answer.getText().strip())));
        skip = button(row, large, "Skip...", this::skip);
        enable(null);
    }

    /** Layout data for a label that wraps at the width it is given. */
    private static GridData wrapping() {
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 300;
        return data;
    }

    private static Button button(Composite parent, Font font, String label, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.setFont(font);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** Shows a question and makes ready the answers it takes. */
    void show(Prompt prompt) {
        if (title.isDisposed()) {
            return;
        }
        title.setText(prompt.step());
        text.setText(prompt.text() == null ? "" : prompt.text());
        details.setText(prompt.details() == null ? "" : prompt.details());
        answer.setText("");
        enable(prompt.kind());
        answer.setMessage(switch (prompt.kind()) {
        case MEASURE -> "measured value";
        case LOT -> "scan or type the lot";
        case INSPECT -> "note (needed when it fails)";
        case CONFIRM -> "";
        });
        panel.layout();
        if (prompt.kind() == Prompt.Kind.CONFIRM) {
            done.setFocus();
        } else {
            answer.setFocus();
        }
    }

    /** Shows a step that asks nothing of the technician (a heat step): nothing can be answered meanwhile. */
    void showWork(String heading, String instruction, String notes) {
        title.setText(heading);
        text.setText(instruction);
        details.setText(notes);
        answer.setText("");
        enable(null);
        panel.layout();
    }

    void details(String notes) {
        details.setText(notes);
    }

    /** Says why the last answer was not taken. */
    void refused(String reason) {
        details.setText("Not taken: " + reason);
        details.setForeground(RED);
    }

    /** Takes no answer (no question is open). */
    void idle() {
        enable(null);
    }

    private void enable(Prompt.Kind kind) {
        boolean asking = kind != null;
        answer.setEnabled(asking && kind != Prompt.Kind.CONFIRM);
        done.setEnabled(asking && kind != Prompt.Kind.INSPECT);
        pass.setEnabled(kind == Prompt.Kind.INSPECT);
        fail.setEnabled(kind == Prompt.Kind.INSPECT);
        skip.setEnabled(asking);
        details.setForeground(null);
    }

    private void submit() {
        UiOperator o = operator.get();
        Prompt prompt = o == null ? null : o.asking();
        if (prompt == null) {
            return;
        }
        String typed = answer.getText().strip();
        switch (prompt.kind()) {
        case CONFIRM -> reply(new Reply.Done());
        case LOT -> reply(new Reply.Lot(typed));
        case MEASURE -> {
            try {
                reply(new Reply.Value(Double.parseDouble(typed.replace(',', '.'))));
            } catch (NumberFormatException e) {
                refused("'" + typed + "' is not a number");
            }
        }
        case INSPECT -> reply(new Reply.Inspection(true, typed));
        }
    }

    private void skip() {
        String reason = answer.getText().strip();
        if (reason.isEmpty()) {
            details.setText("Write why the step is skipped in the field, then Skip.");
            details.setForeground(AMBER);
            return;
        }
        reply(new Reply.Skip(reason));
    }

    private void reply(Reply reply) {
        UiOperator o = operator.get();
        if (o != null && o.asking() != null) {
            enable(null);
            o.answer(reply);
        }
    }

    String title() {
        return title.getText();
    }

    /** Types {@code typed} into the answer field and presses Enter, as a keyboard-wedge scanner does. */
    void type(String typed) {
        answer.setText(typed);
        answer.notifyListeners(SWT.DefaultSelection, null);
    }

    /** Presses "done", "pass" or "fail"; whether there is such a button. */
    boolean press(String button) {
        Button b = switch (button) {
        case "done" -> done;
        case "pass" -> pass;
        case "fail" -> fail;
        default -> null;
        };
        if (b != null) {
            b.notifyListeners(SWT.Selection, null);
        }
        return b != null;
    }
}
