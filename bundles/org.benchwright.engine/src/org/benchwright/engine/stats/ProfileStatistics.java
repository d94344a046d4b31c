/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.stats;

import java.util.ArrayList;
import java.util.List;

import org.benchwright.model.ProfileSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.ThermalProfile;

/**
 * Computes a heat step's {@link Figures} from its joint samples. Rates are measured over a window (5 s by default)
 * so that a thermocouple's 0.25 °C steps and noise at 4 Hz do not read as steep ramps; times spent in a band count
 * the fraction of each sample interval inside it (linear between samples).
 */
public final class ProfileStatistics {

    /** Window over which ramp rates are measured, s. */
    public static final double RATE_WINDOW = 5;

    private ProfileStatistics() {
    }

    /**
     * The figures of a heat step that ran {@code profile}: its joint's trace smoothed by {@link #median5}, against the
     * profile's first soak window and its near-peak band (5 °C unless it states one).
     */
    public static Figures of(ThermalProfile profile, List<Point> joint, double liquidus) {
        double soakMin = Double.NaN;
        double soakMax = Double.NaN;
        for (ProfileSegment s : profile.getSegments()) {
            if (s instanceof SoakSegment soak && Double.isNaN(soakMin)) {
                soakMin = soak.getTemperature().getMin().celsius();
                soakMax = soak.getTemperature().getMax().celsius();
            }
        }
        double band = profile.getLimits() != null && profile.getLimits().getNearPeakBand() != null
                ? profile.getLimits().getNearPeakBand().celsius() : 5;
        return of(median5(joint), liquidus, band, soakMin, soakMax);
    }

    /** The trace the figures are judged on: a median of five, so that no pair of spikes reads as a ramp. */
    static List<Point> median5(List<Point> trace) {
        List<Point> smooth = new ArrayList<>(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            double[] window = trace.subList(Math.max(0, i - 2), Math.min(trace.size(), i + 3)).stream()
                    .mapToDouble(Point::celsius).sorted().toArray();
            smooth.add(new Point(trace.get(i).time(), window[window.length / 2]));
        }
        return smooth;
    }

    /**
     * @param samples      in time order; at least two
     * @param liquidus     of the alloy, °C
     * @param nearPeakBand band below the peak counted as "near peak", °C (J-STD-020: 5)
     * @param soakMin      lower edge of the soak window, °C ({@code NaN}: no soak)
     * @param soakMax      upper edge of the soak window, °C
     */
    public static Figures of(List<Point> samples, double liquidus, double nearPeakBand, double soakMin, double soakMax) {
        if (samples.size() < 2) {
            throw new IllegalArgumentException("a heat step needs at least two samples, it has " + samples.size());
        }
        double peak = Double.NEGATIVE_INFINITY;
        double peakTime = 0;
        for (Point p : samples) {
            if (p.celsius() > peak) {
                peak = p.celsius();
                peakTime = p.time();
            }
        }
        double up = 0;
        double down = 0;
        int j = 0;
        for (int i = 1; i < samples.size(); i++) {
            Point now = samples.get(i);
            while (j + 1 < i && now.time() - samples.get(j + 1).time() >= RATE_WINDOW) {
                j++;
            }
            Point then = samples.get(j);
            double span = now.time() - then.time();
            if (span >= RATE_WINDOW) {
                double slope = (now.celsius() - then.celsius()) / span;
                up = Math.max(up, slope);
                down = Math.max(down, -slope);
            }
        }
        double start = samples.get(0).time();
        return new Figures(peak, timeIn(samples, liquidus, Double.POSITIVE_INFINITY), up, down,
                timeIn(samples, peak - nearPeakBand, Double.POSITIVE_INFINITY),
                Double.isNaN(soakMin) ? 0 : timeIn(beforeTime(samples, peakTime), soakMin, soakMax), peakTime - start);
    }

    /** The samples up to {@code time}: the soak is the heating side's, not the cool-down passing the same band. */
    private static List<Point> beforeTime(List<Point> samples, double time) {
        return samples.stream().filter(p -> p.time() <= time).toList();
    }

    /** Time spent with the temperature inside [low, high], interpolating linearly between samples. */
    static double timeIn(List<Point> samples, double low, double high) {
        double total = 0;
        for (int i = 1; i < samples.size(); i++) {
            Point a = samples.get(i - 1);
            Point b = samples.get(i);
            total += (b.time() - a.time()) * fractionInside(a.celsius(), b.celsius(), low, high);
        }
        return total;
    }

    private static double fractionInside(double a, double b, double low, double high) {
        if (a == b) {
            return a >= low && a <= high ? 1 : 0;
        }
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double overlap = Math.min(hi, high) - Math.max(lo, low);
        return Math.max(0, overlap) / (hi - lo);
    }
}
