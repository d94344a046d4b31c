/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report.internal;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.benchwright.report.JobRecord;

/**
 * A heat step's thermal profile drawn in vectors: the joint, the package and the plan against time, over the peak
 * window and the soak's band, with the liquidus and the package's ceiling as lines and the time above liquidus
 * marked on the time axis. Each curve keeps, per half point of width, its first, lowest, highest and last sample,
 * so that a 7,200-sample curve draws as it looks and stays small.
 */
public final class ProfilePlot {

    static final Color JOINT = new Color(0x1F, 0x4E, 0x9A);
    static final Color PACKAGE = new Color(0xC0, 0x5A, 0x00);
    static final Color PLAN = new Color(0x60, 0x60, 0x60);
    static final Color PEAK_BAND = new Color(0xFB, 0xE3, 0xE3);
    static final Color SOAK_BAND = new Color(0xE3, 0xF0, 0xE3);
    static final Color LIQUIDUS = new Color(0xD0, 0x80, 0x00);
    static final Color CEILING = new Color(0xB0, 0x10, 0x10);

    private ProfilePlot() {
    }

    /** Draws {@code heat} in the rectangle whose lower left corner is {@code x, y}. */
    public static void draw(PdfPages pages, JobRecord.Heat heat, float x, float y, float width, float height)
            throws IOException {
        PDPageContentStream cs = pages.canvas();
        List<double[]> joint = heat.curves.getOrDefault("joint", List.of());
        List<double[]> pkg = heat.curves.getOrDefault("package", List.of());
        List<double[]> plan = heat.curves.getOrDefault("plan", List.of());
        JobRecord.Figure peak = heat.figure("peak");
        double tMax = 60;
        double cMax = 100;
        double cMin = 0;
        for (List<double[]> curve : List.of(joint, pkg, plan)) {
            for (double[] s : curve) {
                tMax = Math.max(tMax, s[0]);
                cMax = Math.max(cMax, s[1]);
            }
        }
        if (peak != null && peak.max() != null) {
            cMax = Math.max(cMax, peak.max());
        }
        if (heat.packageCeiling != null && !pkg.isEmpty()) {
            cMax = Math.max(cMax, heat.packageCeiling);
        }
        double cStep = 50;
        cMax = Math.ceil((cMax + 5) / cStep) * cStep;
        double tStep = niceStep(tMax / 8);
        tMax = Math.ceil(tMax / tStep) * tStep;

        float left = x + 30;
        float bottom = y + 24;
        float right = x + width - 4;
        float top = y + height - 16;
        Scale s = new Scale(left, bottom, right, top, tMax, cMin, cMax);

        // bands under everything
        if (peak != null && peak.min() != null && peak.max() != null) {
            band(cs, s, peak.min(), peak.max(), PEAK_BAND);
        }
        if (heat.soakFrom != null && heat.soakTo != null) {
            band(cs, s, heat.soakFrom, heat.soakTo, SOAK_BAND);
        }
        // grid and axes: the lines first, then their labels (no text inside a path)
        cs.setStrokingColor(PdfPages.RULE);
        cs.setLineWidth(0.3f);
        for (double c = cMin; c <= cMax + 1e-9; c += cStep) {
            cs.moveTo(left, s.y(c));
            cs.lineTo(right, s.y(c));
        }
        for (double t = 0; t <= tMax + 1e-9; t += tStep) {
            cs.moveTo(s.x(t), bottom);
            cs.lineTo(s.x(t), top);
        }
        cs.stroke();
        for (double c = cMin; c <= cMax + 1e-9; c += cStep) {
            pages.text(pages.regular(), 6.5f, PdfPages.GREY, String.format(Locale.ROOT, "%.0f", c), x,
                    s.y(c) - 2.2f);
        }
        for (double t = 0; t <= tMax + 1e-9; t += tStep) {
            String label = String.format(Locale.ROOT, "%.0f", t);
            pages.text(pages.regular(), 6.5f, PdfPages.GREY, label, s.x(t) - pages.width(pages.regular(), 6.5f,
                    label) / 2, bottom - 9);
        }
        pages.text(pages.regular(), 6.5f, PdfPages.GREY, "°C", x, top + 5);
        pages.text(pages.regular(), 6.5f, PdfPages.GREY, "time into the step, s", right - pages.width(
                pages.regular(), 6.5f, "time into the step, s"), bottom - 18);
        cs.setStrokingColor(PdfPages.GREY);
        cs.setLineWidth(0.6f);
        cs.addRect(left, bottom, right - left, top - bottom);
        cs.stroke();

        // limit lines
        if (heat.liquidus != null) {
            dashedLevel(cs, s, heat.liquidus, LIQUIDUS);
            timeAbove(cs, s, joint, heat.liquidus);
        }
        if (heat.packageCeiling != null && !pkg.isEmpty()) {
            dashedLevel(cs, s, heat.packageCeiling, CEILING);
        }
        // curves: the plan under the measured ones
        curve(cs, s, plan, PLAN, 0.8f, new float[] { 3, 2 });
        curve(cs, s, pkg, PACKAGE, 1.0f, null);
        curve(cs, s, joint, JOINT, 1.2f, null);

        // legend
        List<Object[]> legend = new ArrayList<>();
        if (!joint.isEmpty()) {
            legend.add(new Object[] { "joint", JOINT });
        }
        if (!pkg.isEmpty()) {
            legend.add(new Object[] { "package", PACKAGE });
        }
        if (!plan.isEmpty()) {
            legend.add(new Object[] { "plan", PLAN });
        }
        if (peak != null && peak.min() != null) {
            legend.add(new Object[] { String.format(Locale.ROOT, "peak window %.0f-%.0f °C", peak.min(), peak.max()),
                    PEAK_BAND });
        }
        if (heat.soakFrom != null) {
            legend.add(new Object[] { String.format(Locale.ROOT, "soak %.0f-%.0f °C", heat.soakFrom, heat.soakTo),
                    SOAK_BAND });
        }
        if (heat.liquidus != null) {
            legend.add(new Object[] { String.format(Locale.ROOT, "liquidus %.0f °C", heat.liquidus), LIQUIDUS });
        }
        if (heat.packageCeiling != null && !pkg.isEmpty()) {
            legend.add(new Object[] { String.format(Locale.ROOT, "package Tc %.0f °C", heat.packageCeiling),
                    CEILING });
        }
        float lx = left;
        for (Object[] item : legend) {
            cs.setNonStrokingColor((Color) item[1]);
            cs.addRect(lx, top + 4, 9, 5);
            cs.fill();
            pages.text(pages.regular(), 6.5f, PdfPages.INK, (String) item[0], lx + 12, top + 4);
            lx += 12 + pages.width(pages.regular(), 6.5f, (String) item[0]) + 10;
        }
    }

    private record Scale(float left, float bottom, float right, float top, double tMax, double cMin, double cMax) {
        float x(double t) {
            return (float) (left + (right - left) * Math.max(0, Math.min(1, t / tMax)));
        }

        float y(double c) {
            return (float) (bottom + (top - bottom) * Math.max(0, Math.min(1, (c - cMin) / (cMax - cMin))));
        }
    }

    private static void band(PDPageContentStream cs, Scale s, double from, double to, Color color) throws IOException {
        cs.setNonStrokingColor(color);
        cs.addRect(s.left(), s.y(from), s.right() - s.left(), s.y(to) - s.y(from));
        cs.fill();
    }

    private static void dashedLevel(PDPageContentStream cs, Scale s, double celsius, Color color) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(0.7f);
        cs.setLineDashPattern(new float[] { 4, 2 }, 0);
        cs.moveTo(s.left(), s.y(celsius));
        cs.lineTo(s.right(), s.y(celsius));
        cs.stroke();
        cs.setLineDashPattern(new float[] {}, 0);
    }

    /** A bar on the time axis over each span the joint spent above the liquidus. */
    private static void timeAbove(PDPageContentStream cs, Scale s, List<double[]> joint, double liquidus)
            throws IOException {
        cs.setStrokingColor(LIQUIDUS);
        cs.setLineWidth(2.5f);
        Double from = null;
        for (double[] p : joint) {
            if (p[1] >= liquidus && from == null) {
                from = p[0];
            } else if (p[1] < liquidus && from != null) {
                cs.moveTo(s.x(from), s.bottom() + 1.5f);
                cs.lineTo(s.x(p[0]), s.bottom() + 1.5f);
                from = null;
            }
        }
        if (from != null && !joint.isEmpty()) {
            cs.moveTo(s.x(from), s.bottom() + 1.5f);
            cs.lineTo(s.x(joint.get(joint.size() - 1)[0]), s.bottom() + 1.5f);
        }
        cs.stroke();
    }

    private static void curve(PDPageContentStream cs, Scale s, List<double[]> samples, Color color, float width,
            float[] dash) throws IOException {
        if (samples.isEmpty()) {
            return;
        }
        cs.setStrokingColor(color);
        cs.setLineWidth(width);
        if (dash != null) {
            cs.setLineDashPattern(dash, 0);
        }
        List<float[]> points = reduce(s, samples);
        cs.moveTo(points.get(0)[0], points.get(0)[1]);
        for (int i = 1; i < points.size(); i++) {
            cs.lineTo(points.get(i)[0], points.get(i)[1]);
        }
        cs.stroke();
        if (dash != null) {
            cs.setLineDashPattern(new float[] {}, 0);
        }
    }

    /** Per half point of width: the first, lowest, highest and last point, in their order. */
    static List<float[]> reduce(Scale s, List<double[]> samples) {
        List<float[]> out = new ArrayList<>();
        int column = Integer.MIN_VALUE;
        List<float[]> bucket = new ArrayList<>();
        for (double[] sample : samples) {
            float px = s.x(sample[0]);
            int c = (int) Math.floor(px * 2);
            if (c != column) {
                flush(bucket, out);
                column = c;
            }
            bucket.add(new float[] { px, s.y(sample[1]) });
        }
        flush(bucket, out);
        return out;
    }

    private static void flush(List<float[]> bucket, List<float[]> out) {
        if (bucket.isEmpty()) {
            return;
        }
        float[] first = bucket.get(0);
        float[] last = bucket.get(bucket.size() - 1);
        float[] low = first;
        float[] high = first;
        for (float[] p : bucket) {
            low = p[1] < low[1] ? p : low;
            high = p[1] > high[1] ? p : high;
        }
        out.add(first);
        for (float[] p : bucket) {
            if ((p == low || p == high) && p != first && p != last) {
                out.add(p);
            }
        }
        if (last != first) {
            out.add(last);
        }
        bucket.clear();
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] { 1, 2, 5, 10 }) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
