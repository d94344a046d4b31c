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
import java.util.Map;

import org.benchwright.model.ProfileLimits;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.ThermalProfile;

/**
 * Judges figures against a profile's windows with KIC's Process Window Index: for each statistic, how far the
 * measured value sits from the centre of its window, in half-widths; PWI = 100 × the largest. Below 100 every
 * statistic is inside its window; 100 is on an edge; above is out of specification.
 */
public final class ProcessWindow {

    /**
     * One statistic against its window.
     *
     * @param index 100 × |measured − centre| / (width / 2)
     */
    public record Judged(String statistic, double measured, double min, double max, String unit, double index) {

        public boolean inside() {
            return measured >= min && measured <= max;
        }
    }

    /** All statistics judged, and the PWI of the run. */
    public record Judgement(List<Judged> statistics, double pwi) {

        public boolean inside() {
            return pwi <= 100;
        }
    }

    /** Which of {@link Figures}' components each statistic judges: "time above liquidus" judges timeAboveLiquidus. */
    public static final Map<String, String> FIGURES = Map.of("peak", "peak", "time above liquidus",
            "timeAboveLiquidus", "soak time", "soakTime", "ramp-up", "maxRampUp", "ramp-down", "maxRampDown",
            "time near peak", "timeNearPeak", "time to peak", "timeToPeak");

    private ProcessWindow() {
    }

    /**
     * Judges {@code figures} against the windows {@code profile} states: its reflow peak and time above liquidus,
     * its soak time, and its limits (ramps, time near peak, time to peak, each from zero to the limit). A window the
     * profile does not state is not judged.
     */
    public static Judgement judge(Figures figures, ThermalProfile profile) {
        List<Judged> judged = new ArrayList<>();
        ReflowSegment reflow = null;
        SoakSegment soak = null;
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof ReflowSegment r && reflow == null) {
                reflow = r;
            } else if (segment instanceof SoakSegment s && soak == null) {
                soak = s;
            }
        }
        ProfileLimits limits = profile.getLimits();
        if (reflow != null) {
            add(judged, "peak", figures.peak(), reflow.getPeak().getMin().celsius(), reflow.getPeak().getMax().celsius(), "°C");
            add(judged, "time above liquidus", figures.timeAboveLiquidus(), reflow.getAboveLiquidus().getMin().seconds(),
                    reflow.getAboveLiquidus().getMax().seconds(), "s");
        }
        if (soak != null) {
            add(judged, "soak time", figures.soakTime(), soak.getDuration().getMin().seconds(),
                    soak.getDuration().getMax().seconds(), "s");
        }
        if (limits != null) {
            if (limits.getMaxRampUp() != null) {
                add(judged, "ramp-up", figures.maxRampUp(), 0, limits.getMaxRampUp().celsiusPerSecond(), "°C/s");
            }
            if (limits.getMaxRampDown() != null) {
                add(judged, "ramp-down", figures.maxRampDown(), 0, limits.getMaxRampDown().celsiusPerSecond(), "°C/s");
            }
            if (limits.getMaxTimeNearPeak() != null) {
                add(judged, "time near peak", figures.timeNearPeak(), 0, limits.getMaxTimeNearPeak().seconds(), "s");
            }
            if (limits.getMaxTimeToPeak() != null) {
                add(judged, "time to peak", figures.timeToPeak(), 0, limits.getMaxTimeToPeak().seconds(), "s");
            }
        }
        double pwi = judged.stream().mapToDouble(Judged::index).max().orElse(Double.NaN);
        return new Judgement(List.copyOf(judged), pwi);
    }

    /** KIC's index of one statistic: 100 × |measured − centre| / (width / 2). */
    public static double index(double measured, double min, double max) {
        double centre = (min + max) / 2;
        double half = (max - min) / 2;
        return half <= 0 ? (measured == centre ? 0 : Double.POSITIVE_INFINITY) : 100 * Math.abs(measured - centre) / half;
    }

    private static void add(List<Judged> judged, String statistic, double measured, double min, double max, String unit) {
        judged.add(new Judged(statistic, measured, min, max, unit, index(measured, min, max)));
    }
}
