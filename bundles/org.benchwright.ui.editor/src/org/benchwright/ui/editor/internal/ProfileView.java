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

import java.util.ArrayList;
import java.util.List;

import org.benchwright.ui.chart.LineChart;
import org.benchwright.ui.editor.BenchwrightEditor;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * The thermal profile of the element under the cursor (a profile, or the profile a heat step runs), drawn against its
 * limits: the planned joint temperature over time, the alloy's liquidus, the peak and soak windows.
 */
public final class ProfileView extends ViewPart implements ISelectionListener {

    public static final String ID = "org.benchwright.ui.editor.profile";

    private LineChart chart;
    private Label notes;
    private BenchwrightEditor editor;
    private int offset = -1;
    private ProfileChart shown;
    private final Runnable onParse = this::refresh;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        chart = new LineChart(parent, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        notes = new Label(parent, SWT.WRAP);
        notes.setLayoutData(new GridData(SWT.FILL, SWT.END, true, false));
        notes.setText("Put the cursor on a profile, or on a heat step, in a procedure file.");
        getSite().getPage().addPostSelectionListener(this);
        if (getSite().getPage().getActiveEditor() instanceof BenchwrightEditor active
                && active.getSelectionProvider() != null) {
            selectionChanged(active, active.getSelectionProvider().getSelection());
        }
    }

    @Override
    public void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (!(part instanceof BenchwrightEditor e) || !(selection instanceof ITextSelection text)) {
            return;
        }
        if (editor != e) {
            if (editor != null) {
                editor.removeParseListener(onParse);
            }
            editor = e;
            editor.addParseListener(onParse);
        }
        offset = text.getOffset();
        refresh();
    }

    /** The chart drawn now, or {@code null}. */
    public ProfileChart shown() {
        return shown;
    }

    private void refresh() {
        if (editor == null || chart == null || chart.isDisposed() || editor.parsed() == null
                || editor.parsed().resource() == null || editor.file() == null) {
            return;
        }
        LanguageWorkspace.Parsed parsed = editor.parsed();
        ProfileChart found = LanguageWorkspace.of(editor.file().getProject())
                .read(() -> ProfileChart.at(parsed.resource(), offset));
        if (found == null) {
            return; // keep the last profile while the cursor is elsewhere
        }
        shown = found;
        List<LineChart.Level> levels = new ArrayList<>();
        if (Double.isFinite(found.liquidus())) {
            levels.add(new LineChart.Level("liquidus " + ProfileChart.fmt(found.liquidus()) + " °C", Colours.LIQUIDUS,
                    found.liquidus()));
        }
        List<LineChart.Band> bands = new ArrayList<>();
        if (found.peak() != null) {
            bands.add(new LineChart.Band("peak window " + ProfileChart.fmt(found.peak()[0]) + " .. "
                    + ProfileChart.fmt(found.peak()[1]) + " °C", Colours.WINDOW, found.peak()[0], found.peak()[1]));
        }
        if (found.soak() != null) {
            bands.add(new LineChart.Band("soak " + ProfileChart.fmt(found.soak()[0]) + " .. "
                    + ProfileChart.fmt(found.soak()[1]) + " °C", Colours.SOAK, found.soak()[0], found.soak()[1]));
        }
        chart.show(found.title(), List.of(new LineChart.Series("planned joint", Colours.PLAN, 2, false, found.plan())),
                levels, bands);
        notes.setText(found.notes().isEmpty() ? found.title() : String.join("; ", found.notes()));
        notes.getParent().layout();
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(this);
        if (editor != null) {
            editor.removeParseListener(onParse);
        }
        super.dispose();
    }
}
