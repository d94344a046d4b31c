/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.heat;

import java.util.ArrayList;
import java.util.List;

import org.benchwright.model.CoolSegment;
import org.benchwright.model.HoldSegment;
import org.benchwright.model.PreheatSegment;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.ThermalProfile;

/**
 * The joint temperature a profile asks for, second by second: ramps at their rates, a soak dwelling under the top of its
 * window for the centre of its time, and a reflow shaped to land at the centre of the time-above-liquidus window and
 * of the time-near-peak limit: a slow rise from liquidus to just under the near-peak band, a rise at the ramp's rate
 * to the centre of the peak window, a dwell there and down at the cooling rate. A step that starts with a preheat
 * starts its plan where the preheat ends. Piecewise linear.
 */
public final class Trajectory {

    /** How far under the near-peak band the slow rise above liquidus ends, °C. */
    static final double KNEE = 2;
    /**
     * How far under the top of its window the soak dwells, °C: a preheated board carries the joint on past the corner
     * (the air cools slowly), and time above the window is not soak time.
     */
    static final double SOAK_UNDER_TOP = 6;

    private final List<double[]> points = new ArrayList<>(); // {time, celsius}
    private double reflowEnd = Double.NaN;
    private double kneeTime = Double.NaN;
    private double peakMin = Double.NaN;

    /**
     * @param start    the joint's temperature when the step begins
     * @param liquidus of the profile's alloy
     * @param coolRate the rate the station can really cool at (°C/s), to plan the time above liquidus on the way down
     */
    public Trajectory(ThermalProfile profile, double start, double liquidus, double coolRate) {
        double t = 0;
        double temperature = start;
        points.add(new double[] { 0, start });
        ReflowSegment reflow = null;
        for (ProfileSegment s : profile.getSegments()) {
            if (s instanceof ReflowSegment r) {
                reflow = r;
            }
        }
        double peak = reflow == null ? Double.NaN
                : (reflow.getPeak().getMin().celsius() + reflow.getPeak().getMax().celsius()) / 2;
        peakMin = reflow == null ? Double.NaN : reflow.getPeak().getMin().celsius();
        double band = profile.getLimits() != null && profile.getLimits().getNearPeakBand() != null
                ? profile.getLimits().getNearPeakBand().celsius() : 5;
        double lastRate = 1;
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof RampSegment ramp) {
                double target = ramp.isToPeak() ? liquidus : ramp.getTarget().celsius();
                lastRate = ramp.getRate().celsiusPerSecond();
                t += Math.abs(target - temperature) / lastRate;
                temperature = target;
            } else if (segment instanceof SoakSegment soak) {
                // a preheated board carries the joint through the window faster than any ramp plans, and nothing
                // here cools: so dwell just under the window's top, for the centre of the soak's time in the window
                // counted from where the joint entered it (it leaves through the top on the ramp to peak)
                double top = soak.getTemperature().getMax().celsius() - SOAK_UNDER_TOP;
                double entered = t;
                if (temperature < top) {
                    t += (top - temperature) / lastRate;
                    temperature = top;
                    points.add(new double[] { t, temperature });
                }
                double centre = (soak.getDuration().getMin().seconds() + soak.getDuration().getMax().seconds()) / 2;
                t = Math.max(t, entered + centre - SOAK_UNDER_TOP / lastRate);
            } else if (segment instanceof PreheatSegment preheat) {
                // the bottom zone alone brings the joint up; the plan starts where the preheat ends
                temperature = Math.max(temperature, preheat.getTarget().celsius());
                points.add(new double[] { t, temperature });
            } else if (segment instanceof HoldSegment hold) {
                points.add(new double[] { t, hold.getTemperature().celsius() });
                t += hold.getDuration().seconds();
                temperature = hold.getTemperature().celsius();
            } else if (segment instanceof ReflowSegment r) {
                // from liquidus a slow rise to just under the near-peak band, then up to the centre of the peak window
                // at the ramp's rate, a dwell there and down at the cooling rate: the dwell puts the time within the
                // band at the centre of its limit, the slow rise the time above liquidus at the centre of its window;
                // a slow rise is one the joint follows without overshooting, and the band is crossed quickly
                double talCentre = (r.getAboveLiquidus().getMin().seconds() + r.getAboveLiquidus().getMax().seconds()) / 2;
                double nearPeak = profile.getLimits() != null && profile.getLimits().getMaxTimeNearPeak() != null
                        ? profile.getLimits().getMaxTimeNearPeak().seconds() / 2 : 2 * band / lastRate;
                double dwell = Math.max(0, nearPeak - band / lastRate - band / coolRate);
                double falling = Math.max(0, peak - liquidus) / coolRate;
                double knee = Math.max(Math.max(liquidus, temperature), peak - band - KNEE);
                if (temperature < liquidus) {
                    t += (liquidus - temperature) / lastRate;
                    temperature = liquidus;
                    points.add(new double[] { t, temperature });
                }
                double fast = (peak - knee) / lastRate;
                t += Math.max(talCentre - falling - dwell - fast, (knee - temperature) / lastRate);
                temperature = knee;
                points.add(new double[] { t, temperature });
                kneeTime = t;
                t += fast;
                temperature = peak;
                points.add(new double[] { t, temperature });
                t += dwell;
                reflowEnd = t;
            } else if (segment instanceof CoolSegment cool) {
                double target = cool.getTarget() == null ? liquidus - 50 : cool.getTarget().celsius();
                points.add(new double[] { t, temperature });
                t += Math.max(0, temperature - target) / Math.min(cool.getRate().celsiusPerSecond(), coolRate);
                temperature = target;
            }
            points.add(new double[] { t, temperature });
        }
    }

    /**
     * How far the profile's preheat brings the joint before the top zone heats, °C; {@code NaN} without a preheat.
     */
    public static double preheat(ThermalProfile profile) {
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof PreheatSegment preheat && preheat.getTarget() != null) {
                return preheat.getTarget().celsius();
            }
        }
        return Double.NaN;
    }

    /**
     * The rate the profile cools at, °C/s: its cooling segment's; {@code fallback} when it states none. What a station
     * with a cooling fan follows; one without cools as it can.
     */
    public static double coolRate(ThermalProfile profile, double fallback) {
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof CoolSegment cool && cool.getRate() != null) {
                return cool.getRate().celsiusPerSecond();
            }
        }
        return fallback;
    }

    /** The reference at {@code time} seconds into the step; the last value after the end. */
    public double at(double time) {
        if (time <= points.get(0)[0]) {
            return points.get(0)[1];
        }
        for (int i = 1; i < points.size(); i++) {
            double[] a = points.get(i - 1);
            double[] b = points.get(i);
            if (time <= b[0]) {
                return b[0] == a[0] ? b[1] : a[1] + (b[1] - a[1]) * (time - a[0]) / (b[0] - a[0]);
            }
        }
        return points.get(points.size() - 1)[1];
    }

    /** When the reference stops holding the peak and starts to cool, s; {@code NaN} without a reflow. */
    public double reflowEnd() {
        return reflowEnd;
    }

    /** When the slow rise above liquidus ends and the rise to the peak begins, s; {@code NaN} without a reflow. */
    public double kneeTime() {
        return kneeTime;
    }

    /** The bottom of the peak window, °C; {@code NaN} without a reflow. */
    public double peakMin() {
        return peakMin;
    }

    /** When the reference ends, s. */
    public double duration() {
        return points.get(points.size() - 1)[0];
    }
}
