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

import java.util.ArrayList;
import java.util.List;

import org.benchwright.ui.chart.LineChart;
import org.benchwright.ui.editor.internal.Colours;
import org.benchwright.ui.editor.internal.ProfileChart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;

/**
 * The heat step's temperatures as they come: what the profile asks of the joint, and the joint, package and top-air
 * readings, against the alloy's liquidus and the peak window. Samples arrive on the station's thread; the chart
 * redraws on the UI thread at most every 150 ms.
 */
final class LiveChart {

    private static final Color JOINT = new Color(0xd3, 0x54, 0x00);
    private static final Color PACKAGE = new Color(0x8e, 0x44, 0xad);
    private static final Color AIR = new Color(0x95, 0xa5, 0xa6);

    private final LineChart chart;
    private final List<double[]> plan = new ArrayList<>();
    private final List<double[]> joint = new ArrayList<>();
    private final List<double[]> component = new ArrayList<>();
    private final List<double[]> zone = new ArrayList<>();
    private volatile ProfileChart profile;
    private volatile boolean redrawQueued;

    LiveChart(Composite parent) {
        chart = new LineChart(parent, SWT.BORDER);
    }

    LineChart control() {
        return chart;
    }

    /** Starts a new heat step (or none, with {@code null}); on the UI thread. */
    void start(ProfileChart profile) {
        synchronized (joint) {
            plan.clear();
            joint.clear();
            component.clear();
            zone.clear();
        }
        this.profile = profile;
        draw();
    }

    /** One sample, from any thread. */
    void sample(double time, double reference, double joint, double component, double zone) {
        synchronized (this.joint) {
            plan.add(new double[] { time, reference });
            this.joint.add(new double[] { time, joint });
            this.component.add(new double[] { time, component });
            this.zone.add(new double[] { time, zone });
        }
        if (!redrawQueued && !chart.isDisposed()) {
            redrawQueued = true;
            // timerExec belongs to the UI thread: throwing here would reach the station's sampling thread
            chart.getDisplay().asyncExec(() -> chart.getDisplay().timerExec(150, () -> {
                redrawQueued = false;
                draw();
            }));
        }
    }

    /** Redraws what has come; on the UI thread. */
    void draw() {
        if (chart.isDisposed()) {
            return;
        }
        List<LineChart.Series> series = new ArrayList<>();
        synchronized (joint) {
            series.add(new LineChart.Series("plan", Colours.PLAN, 2, true, new ArrayList<>(plan)));
            series.add(new LineChart.Series("joint", JOINT, 2, false, new ArrayList<>(joint)));
            series.add(new LineChart.Series("package", PACKAGE, 1, false, new ArrayList<>(component)));
            series.add(new LineChart.Series("top air", AIR, 1, false, new ArrayList<>(zone)));
        }
        List<LineChart.Level> levels = new ArrayList<>();
        List<LineChart.Band> bands = new ArrayList<>();
        ProfileChart p = profile;
        if (p != null && Double.isFinite(p.liquidus())) {
            levels.add(new LineChart.Level("liquidus " + ProfileChart.fmt(p.liquidus()) + " °C", Colours.LIQUIDUS,
                    p.liquidus()));
        }
        if (p != null && p.peak() != null) {
            bands.add(new LineChart.Band("peak window", Colours.WINDOW, p.peak()[0], p.peak()[1]));
        }
        chart.show(p == null ? "" : p.title(), series, levels, bands);
    }
}
