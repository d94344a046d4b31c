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

import static org.benchwright.rules.internal.ProfileRules.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.benchwright.model.ProfileLimits;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.TimeWindow;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;

/**
 * A profile's windows against another's: the peak, the time above liquidus, the soak, and the limits on ramps, time
 * near the peak and time to peak. A work instruction may run a profile in place of its base's only within them.
 */
public final class ProfileWindows {

    private ProfileWindows() {
    }

    /** Where {@code profile} is wider than {@code replaced}, one phrase each ("lets the peak reach 250 C"). */
    public static List<String> wider(ThermalProfile replaced, ThermalProfile profile) {
        List<String> out = new ArrayList<>();
        if (replaced.getAlloy() != profile.getAlloy()) {
            out.add("is for " + alloy(profile) + ", not " + alloy(replaced) + ", so it is no tighter");
        }
        temperatures(out, "peak window", peak(replaced), peak(profile));
        times(out, "time above liquidus", aboveLiquidus(replaced), aboveLiquidus(profile));
        SoakSegment soakA = soak(replaced);
        SoakSegment soakB = soak(profile);
        ProfileLimits a = replaced.getLimits();
        ProfileLimits b = profile.getLimits();
        temperatures(out, "soak window", a != null && a.getSoakTemperature() != null ? a.getSoakTemperature()
                : soakA == null ? null : soakA.getTemperature(), b != null && b.getSoakTemperature() != null
                        ? b.getSoakTemperature() : soakB == null ? null : soakB.getTemperature());
        times(out, "soak time", a != null && a.getSoakTime() != null ? a.getSoakTime()
                : soakA == null ? null : soakA.getDuration(), b != null && b.getSoakTime() != null ? b.getSoakTime()
                        : soakB == null ? null : soakB.getDuration());
        if (a == null) {
            return out;
        }
        most(out, "ramp-up", a.getMaxRampUp(), b == null ? null : b.getMaxRampUp(), RampRate::celsiusPerSecond, " C/s");
        most(out, "ramp-down", a.getMaxRampDown(), b == null ? null : b.getMaxRampDown(), RampRate::celsiusPerSecond,
                " C/s");
        most(out, "time near the peak", a.getMaxTimeNearPeak(), b == null ? null : b.getMaxTimeNearPeak(),
                TimeSpan::seconds, " s");
        most(out, "time to peak", a.getMaxTimeToPeak(), b == null ? null : b.getMaxTimeToPeak(), TimeSpan::seconds, " s");
        return out;
    }

    private static TimeWindow aboveLiquidus(ThermalProfile profile) {
        return limitOrReflow(profile, ProfileLimits::getTimeAboveLiquidus, ReflowSegment::getAboveLiquidus);
    }

    private static SoakSegment soak(ThermalProfile profile) {
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof SoakSegment soak) {
                return soak;
            }
        }
        return null;
    }

    private static TemperatureWindow peak(ThermalProfile profile) {
        return limitOrReflow(profile, ProfileLimits::getPeak, ReflowSegment::getPeak);
    }

    /** The window the profile's limits declare, else the one its (first) reflow segment gives, else {@code null}. */
    private static <W> W limitOrReflow(ThermalProfile profile, Function<ProfileLimits, W> declared,
            Function<ReflowSegment, W> reflowed) {
        W window = profile.getLimits() == null ? null : declared.apply(profile.getLimits());
        if (window != null) {
            return window;
        }
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof ReflowSegment reflow && reflowed.apply(reflow) != null) {
                return reflowed.apply(reflow);
            }
        }
        return null;
    }

    private static void temperatures(List<String> out, String what, TemperatureWindow a, TemperatureWindow b) {
        if (a == null || a.getMin() == null || a.getMax() == null) {
            return;
        }
        if (b == null || b.getMin() == null || b.getMax() == null) {
            out.add("has no " + what + " (" + window(a.getMin(), a.getMax()) + ")");
        } else if (b.getMin().isBelow(a.getMin()) || b.getMax().isAbove(a.getMax())) {
            out.add("has a wider " + what + " (" + window(b.getMin(), b.getMax()) + ", not within "
                    + window(a.getMin(), a.getMax()) + ")");
        }
    }

    private static void times(List<String> out, String what, TimeWindow a, TimeWindow b) {
        if (a == null || a.getMin() == null || a.getMax() == null) {
            return;
        }
        if (b == null || b.getMin() == null || b.getMax() == null) {
            out.add("has no " + what + " limit (" + fmt(a.getMin().seconds()) + " s .. " + fmt(a.getMax().seconds())
                    + " s)");
        } else if (b.getMin().seconds() < a.getMin().seconds() || b.getMax().seconds() > a.getMax().seconds()) {
            out.add("has a wider " + what + " (" + fmt(b.getMin().seconds()) + " s .. " + fmt(b.getMax().seconds())
                    + " s, not within " + fmt(a.getMin().seconds()) + " s .. " + fmt(a.getMax().seconds()) + " s)");
        }
    }

    private static <Q> void most(List<String> out, String what, Q a, Q b, Function<Q, Double> value, String unit) {
        if (a == null) {
            return;
        }
        if (b == null) {
            out.add("has no " + what + " limit (at most " + fmt(value.apply(a)) + unit + ")");
        } else if (value.apply(b) > value.apply(a)) {
            out.add("allows more " + what + " (at most " + fmt(value.apply(b)) + unit + ", not "
                    + fmt(value.apply(a)) + unit + ")");
        }
    }

    private static String window(Temperature min, Temperature max) {
        return fmt(min.celsius()) + " C .. " + fmt(max.celsius()) + " C";
    }

    private static String alloy(ThermalProfile profile) {
        return profile.getAlloy() == null || profile.getAlloy().eIsProxy() ? "?" : profile.getAlloy().getName();
    }
}
