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

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The technician's perspective: the bench fills the window; past records, the matrices and traceability below. */
public final class ExecutionPerspective implements IPerspectiveFactory {

    public static final String ID = "org.benchwright.ui.perspective.execution";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editors = layout.getEditorArea();
        layout.addStandaloneView(BenchView.ID, false, IPageLayout.TOP, 0.74f, editors);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.74f, BenchView.ID);
        bottom.addView(RecordsView.ID);
        bottom.addView(MatricesView.ID);
        bottom.addView(TraceabilityView.ID);
        layout.addShowViewShortcut(BenchView.ID);
        layout.addShowViewShortcut(RecordsView.ID);
        layout.addShowViewShortcut(MatricesView.ID);
        layout.addShowViewShortcut(TraceabilityView.ID);
    }
}
