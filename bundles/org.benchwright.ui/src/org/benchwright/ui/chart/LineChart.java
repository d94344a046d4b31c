/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A temperature-over-time chart drawn on an SWT canvas: lines (a plan, a thermocouple), horizontal lines (the
 * liquidus) and bands (a peak window), with axes that follow the data. Safe to feed from the UI thread only.
 */
public final class LineChart extends Canvas {

    /** A line through points {x, y}. */
    public record Series(String name, Color colour, int width, boolean dashed, List<double[]> points) {
    }

    /** A horizontal line at {@code y}. */
    public record Level(String name, Color colour, double y) {
    }

    /** A horizontal band from {@code low} to {@code high}. */
    public record Band(String name, Color colour, double low, double high) {
    }

    private static final Color AXIS = new Color(0x55, 0x55, 0x55);
    private static final Color GRID = new Color(0xe2, 0xe2, 0xe2);
    private static final Color BACKGROUND = new Color(0xff, 0xff, 0xff);

    private String title = "";
    private String xLabel = "s";
    private String yLabel = "°C";
    private final List<Series> series = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();

    public LineChart(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED);
        setBackground(BACKGROUND);
        addPaintListener(e -> paint(e.gc));
    }

    /** Replaces everything drawn and repaints. */
    public void show(String title, List<Series> series, List<Level> levels, List<Band> bands) {
        this.title = title == null ? "" : title;
        this.series.clear();
        this.series.addAll(series);
        this.levels.clear();
        this.levels.addAll(levels);
        this.bands.clear();
        this.bands.addAll(bands);
        redraw();
    }

    public void axes(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public String title() {
        return title;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public List<Level> levels() {
        return List.copyOf(levels);
    }

    public List<Band> bands() {
        return List.copyOf(bands);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(BACKGROUND);
        gc.fillRectangle(area);
        gc.setAntialias(SWT.ON);
        double x0 = 0;
        double x1 = 60;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] p : s.points()) {
                if (Double.isFinite(p[1])) {
                    x1 = Math.max(x1, p[0]);
                    y0 = Math.min(y0, p[1]);
                    y1 = Math.max(y1, p[1]);
                }
            }
        }
        for (Level l : levels) {
            if (Double.isFinite(l.y())) {
                y0 = Math.min(y0, l.y());
                y1 = Math.max(y1, l.y());
            }
        }
        for (Band b : bands) {
            y0 = Math.min(y0, b.low());
            y1 = Math.max(y1, b.high());
        }
        if (!Double.isFinite(y0)) {
            y0 = 0;
            y1 = 300;
        }
        double yStep = step((y1 - y0) / 6);
        y0 = Math.floor(Math.min(y0, 0) / yStep) * yStep;
        y1 = Math.ceil((y1 + yStep / 2) / yStep) * yStep;
        double xStep = step((x1 - x0) / 8);
        x1 = Math.ceil(x1 / xStep) * xStep;

        Point text = gc.textExtent("000 °C");
        int left = area.x + text.x + 12;
        int top = area.y + text.y * 2 + 8;
        int right = area.x + area.width - 16;
        int bottom = area.y + area.height - text.y * 2 - 12;
        if (right - left < 40 || bottom - top < 40) {
            return;
        }
        Scale sx = new Scale(x0, x1, left, right);
        Scale sy = new Scale(y0, y1, bottom, top);

        for (Band b : bands) {
            gc.setBackground(b.colour());
            int yHigh = sy.at(b.high());
            gc.fillRectangle(left, yHigh, right - left, sy.at(b.low()) - yHigh);
        }
        gc.setForeground(GRID);
        gc.setLineWidth(1);
        for (double y = y0; y <= y1 + 1e-9; y += yStep) {
            gc.drawLine(left, sy.at(y), right, sy.at(y));
            label(gc, fmt(y), left - 6, sy.at(y), SWT.RIGHT);
        }
        for (double x = x0; x <= x1 + 1e-9; x += xStep) {
            gc.setForeground(GRID);
            gc.drawLine(sx.at(x), top, sx.at(x), bottom);
            label(gc, fmt(x), sx.at(x), bottom + 4 + text.y / 2, SWT.CENTER);
        }
        gc.setForeground(AXIS);
        gc.drawRectangle(left, top, right - left, bottom - top);
        gc.drawText(yLabel, area.x + 4, top - text.y - 2, true);
        gc.drawText(xLabel, right - gc.textExtent(xLabel).x, bottom + text.y + 6, true);

        for (Level l : levels) {
            if (!Double.isFinite(l.y())) {
                continue;
            }
            gc.setForeground(l.colour());
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawLine(left, sy.at(l.y()), right, sy.at(l.y()));
            gc.setLineStyle(SWT.LINE_SOLID);
            // levels are named at the right, under their line; bands at the left, inside their top
            gc.drawText(l.name(), right - gc.textExtent(l.name()).x - 4, sy.at(l.y()) + 1, true);
        }
        for (Band b : bands) {
            gc.setForeground(AXIS);
            gc.drawText(b.name(), left + 4, sy.at(b.high()) + 1, true);
        }
        int legend = left;
        for (Series s : series) {
            gc.setForeground(s.colour());
            gc.setLineWidth(s.width());
            gc.setLineStyle(s.dashed() ? SWT.LINE_DASH : SWT.LINE_SOLID);
            int[] polyline = new int[s.points().size() * 2];
            int n = 0;
            for (double[] p : s.points()) {
                if (Double.isFinite(p[1])) {
                    polyline[n++] = sx.at(p[0]);
                    polyline[n++] = sy.at(p[1]);
                }
            }
            if (n >= 4) {
                int[] drawn = new int[n];
                System.arraycopy(polyline, 0, drawn, 0, n);
                gc.drawPolyline(drawn);
            }
            gc.drawLine(legend, top - text.y / 2 - 4, legend + 18, top - text.y / 2 - 4);
            gc.setLineStyle(SWT.LINE_SOLID);
            gc.setLineWidth(1);
            gc.setForeground(AXIS);
            gc.drawText(s.name(), legend + 22, top - text.y - 4, true);
            legend += 22 + gc.textExtent(s.name()).x + 16;
        }
        gc.setForeground(AXIS);
        Point t = gc.textExtent(title);
        gc.drawText(title, Math.max(area.x + 4, right - t.x), area.y + 2, true);
    }

    private static void label(GC gc, String text, int x, int y, int align) {
        Point size = gc.textExtent(text);
        int at = align == SWT.RIGHT ? x - size.x : align == SWT.CENTER ? x - size.x / 2 : x;
        gc.setForeground(AXIS);
        gc.drawText(text, at, y - size.y / 2, true);
    }

    /** A round step near {@code raw}: 1, 2 or 5 times a power of ten. */
    private static double step(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = raw / power;
        return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private record Scale(double from, double to, int start, int end) {
        int at(double value) {
            return (int) Math.round(start + (value - from) / (to - from) * (end - start));
        }
    }
}
