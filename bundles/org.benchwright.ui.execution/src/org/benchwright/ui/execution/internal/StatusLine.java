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

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** A line of the Bench view that a background thread keeps true: the plant store's, the CFX endpoint's. */
final class StatusLine {

    private final Label label;

    StatusLine(Composite parent) {
        label = new Label(parent, SWT.WRAP);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    /** Shows a line, from any thread; nothing once the view is gone. */
    void show(String text) {
        if (label.isDisposed()) {
            return;
        }
        label.getDisplay().asyncExec(() -> {
            if (!label.isDisposed()) {
                label.setText(text);
                label.getParent().layout();
            }
        });
    }

    /** What the line says now; on the display's thread. */
    String text() {
        return label.getText();
    }
}
