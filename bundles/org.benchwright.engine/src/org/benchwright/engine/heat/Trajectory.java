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
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.ThermalProfile;

/**
 * The joint temperature a profile asks for, second by second: ramps at their rates, a soak dwelling under the top of its
 * window for nearly its longest time, and a reflow shaped to land both in the time-above-liquidus window and under the
 * time-near-peak limit: a shoulder held above liquidus but below the near-peak band, then one excursion to the
 * centre of the peak window and straight down at the cooling rate. Piecewise linear.
 */
public final class Trajectory {

    /** How far, in seconds at the ramp rate, the joint trails the reference at the top of a short excursion. */
    static final double EXCURSION_LAG = 2.5;

    private final List<double[]> points = new ArrayList<>(); // {time, celsius}
    private double reflowEnd = Double.NaN;

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
        double band = profile.getLimits() != null && profile.getLimits().getNearPeakBand() != null
                ? profile.getLimits().getNearPeakBand().celsius() : 5;
        double shoulder = Math.max(liquidus + 5, peak - band - 3);
        double lastRate = 1;
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof RampSegment ramp) {
                double target = ramp.isToPeak() ? shoulder : ramp.getTarget().celsius();
                lastRate = ramp.getRate().celsiusPerSecond();
                t += Math.abs(target - temperature) / lastRate;
                temperature = target;
            } else if (segment instanceof SoakSegment soak) {
                // a preheated board carries the joint through the window faster than any ramp plans, and nothing
                // here cools: so dwell just under the window's top for the soak's longest time
                double top = soak.getTemperature().getMax().celsius() - 3;
                double entered = t;
                if (temperature < top) {
                    t += (top - temperature) / lastRate;
                    temperature = top;
                    points.add(new double[] { t, temperature });
                }
                t = Math.max(t, entered + 0.9 * soak.getDuration().getMax().seconds());
            } else if (segment instanceof HoldSegment hold) {
                points.add(new double[] { t, hold.getTemperature().celsius() });
                t += hold.getDuration().seconds();
                temperature = hold.getTemperature().celsius();
            } else if (segment instanceof ReflowSegment r) {
                double talCentre = (r.getAboveLiquidus().getMin().seconds() + r.getAboveLiquidus().getMax().seconds()) / 2;
                double rising = Math.max(0, temperature - liquidus) / lastRate + (peak - temperature) / lastRate;
                double falling = Math.max(0, peak - liquidus) / coolRate;
                t += Math.max(0, talCentre - rising - falling); // the shoulder
                points.add(new double[] { t, temperature });
                // the joint lags a short excursion by about its rate times the loop's lag: aim above the centre
                double aim = Math.min(peak + EXCURSION_LAG * lastRate, reflow.getPeak().getMax().celsius());
                t += (aim - temperature) / lastRate;
                temperature = aim;
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

    /** When the reference ends, s. */
    public double duration() {
        return points.get(points.size() - 1)[0];
    }
}
