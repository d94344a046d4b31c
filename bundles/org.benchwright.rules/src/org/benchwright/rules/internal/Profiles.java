/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules.internal;

import org.benchwright.model.Alloy;
import org.benchwright.model.HoldSegment;
import org.benchwright.model.PreheatSegment;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.quantity.Temperature;

/** What a thermal profile implies: its peak window, whether its alloy is lead-free, how long it takes to peak. */
final class Profiles {

    /** Room temperature at which J-STD-020 starts counting "25 C to peak". */
    static final double ROOM = 25;

    private Profiles() {
    }

    static boolean leadFree(ThermalProfile profile) {
        return alloyKnown(profile) && profile.getAlloy().isLeadFree();
    }

    /**
     * Whether the profile's alloy resolves. The limits of J-STD-020 and the preheat windows depend on the alloy's
     * family; when the alloy is unknown the linker has said so, and checks that need the family say nothing rather
     * than judge the profile as the wrong family.
     */
    static boolean alloyKnown(ThermalProfile profile) {
        Alloy alloy = profile.getAlloy();
        return alloy != null && !alloy.eIsProxy();
    }

    static String family(ThermalProfile profile) {
        return leadFree(profile) ? "Pb-free" : "SnPb";
    }

    static ReflowSegment reflow(ThermalProfile profile) {
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof ReflowSegment reflow) {
                return reflow;
            }
        }
        return null;
    }

    /** The peak window the profile aims at, or {@code null} when it has no reflow segment. */
    static TemperatureWindow peak(ThermalProfile profile) {
        ReflowSegment reflow = reflow(profile);
        return reflow == null || reflow.getPeak() == null ? null : reflow.getPeak();
    }

    /** The highest temperature the profile may reach: the top of its peak window, else its highest target. */
    static Temperature peakMax(ThermalProfile profile) {
        TemperatureWindow peak = peak(profile);
        if (peak != null && peak.getMax() != null) {
            return peak.getMax();
        }
        Temperature max = null;
        for (ProfileSegment segment : profile.getSegments()) {
            Temperature t = segment instanceof RampSegment ramp ? ramp.getTarget()
                    : segment instanceof HoldSegment hold ? hold.getTemperature()
                    : segment instanceof SoakSegment soak && soak.getTemperature() != null ? soak.getTemperature().getMax()
                    : null;
            if (t != null && (max == null || t.isAbove(max))) {
                max = t;
            }
        }
        return max;
    }

    /**
     * The longest time the segments take from 25 °C to the top of the peak window, in seconds: ramps at their rate,
     * soaks and holds for their longest time. {@code NaN} when a rate is zero or the profile has no peak.
     */
    static double secondsToPeak(ThermalProfile profile) {
        Temperature top = peakMax(profile);
        if (top == null) {
            return Double.NaN;
        }
        double t = ROOM;
        double seconds = 0;
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof RampSegment ramp && ramp.getRate() != null) {
                double target = ramp.isToPeak() || ramp.getTarget() == null ? top.celsius() : ramp.getTarget().celsius();
                if (ramp.getRate().celsiusPerSecond() == 0) {
                    return Double.NaN;
                }
                seconds += Math.max(0, target - t) / ramp.getRate().celsiusPerSecond();
                t = Math.max(t, target);
            } else if (segment instanceof SoakSegment soak && soak.getDuration() != null) {
                seconds += soak.getDuration().getMax().seconds();
                t = Math.max(t, soak.getTemperature().getMax().celsius());
            } else if (segment instanceof PreheatSegment preheat && preheat.getTarget() != null) {
                // as long as the board takes: the bottom zone's heat, not the profile, sets it; not counted
                t = Math.max(t, preheat.getTarget().celsius());
            } else if (segment instanceof HoldSegment hold && hold.getDuration() != null) {
                seconds += hold.getDuration().seconds();
                t = Math.max(t, hold.getTemperature().celsius());
            } else if (segment instanceof ReflowSegment) {
                break;
            }
        }
        return seconds;
    }
}
