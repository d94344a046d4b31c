/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.profiling;

import java.util.List;
import java.util.Locale;

import org.benchwright.model.CoolSegment;
import org.benchwright.model.HoldSegment;
import org.benchwright.model.Library;
import org.benchwright.model.PreheatSegment;
import org.benchwright.model.ProfileLimits;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.ZoneSetpoint;
import org.benchwright.model.quantity.TimeSpan;

/** Writes a developed profile in the language, its comments saying where it comes from and what it predicts. */
public final class ProfileText {

    private ProfileText() {
    }

    /**
     * @param name     the developed profile's name
     * @param comments lines to put above it, without the comment marker
     */
    public static String of(ThermalProfile profile, String name, String packageName, List<String> comments) {
        StringBuilder b = new StringBuilder();
        for (String line : comments) {
            b.append(line.isEmpty() ? "//" : "// " + line).append('\n');
        }
        b.append("package ").append(packageName).append("\n\n");
        String alloyPackage = profile.getAlloy().eContainer() instanceof Library l ? l.getName() : null;
        if (alloyPackage != null) {
            b.append("import ").append(alloyPackage).append(".*\n\n");
        }
        b.append("profile ").append(name);
        if (profile.getTitle() != null) {
            b.append(" \"").append(profile.getTitle().replace("\"", "'")).append('"');
        }
        b.append(" for ").append(profile.getAlloy().getName()).append(" {\n");
        for (ZoneSetpoint setpoint : profile.getSetpoints()) {
            b.append("    zone ").append(setpoint.getZone().getLiteral()).append(" hold ")
                    .append(c(setpoint.getTemperature().celsius())).append('\n');
        }
        for (ProfileSegment segment : profile.getSegments()) {
            b.append("    ").append(segment(segment)).append('\n');
        }
        ProfileLimits limits = profile.getLimits();
        if (limits != null) {
            b.append("    limits {\n");
            if (limits.getMaxRampUp() != null) {
                b.append("        ramp-up at most ").append(rate(limits.getMaxRampUp().celsiusPerSecond())).append('\n');
            }
            if (limits.getMaxRampDown() != null) {
                b.append("        ramp-down at most ").append(rate(limits.getMaxRampDown().celsiusPerSecond()))
                        .append('\n');
            }
            if (limits.getNearPeakBand() != null && limits.getMaxTimeNearPeak() != null) {
                b.append("        within ").append(c(limits.getNearPeakBand().celsius())).append(" of peak at most ")
                        .append(s(limits.getMaxTimeNearPeak())).append('\n');
            }
            if (limits.getMaxTimeToPeak() != null) {
                b.append("        peak within ").append(s(limits.getMaxTimeToPeak())).append('\n');
            }
            b.append("    }\n");
        }
        return b.append("}\n").toString();
    }

    private static String segment(ProfileSegment segment) {
        if (segment instanceof RampSegment r) {
            return "ramp to " + (r.isToPeak() ? "peak" : c(r.getTarget().celsius())) + " at "
                    + rate(r.getRate().celsiusPerSecond());
        } else if (segment instanceof SoakSegment soak) {
            return "soak " + c(soak.getTemperature().getMin().celsius()) + " .. " + c(soak.getTemperature().getMax()
                    .celsius()) + " for " + s(soak.getDuration().getMin()) + " .. " + s(soak.getDuration().getMax());
        } else if (segment instanceof ReflowSegment r) {
            return "reflow peak " + c(r.getPeak().getMin().celsius()) + " .. " + c(r.getPeak().getMax().celsius())
                    + " above liquidus " + s(r.getAboveLiquidus().getMin()) + " .. " + s(r.getAboveLiquidus().getMax());
        } else if (segment instanceof PreheatSegment p) {
            return "preheat to " + c(p.getTarget().celsius());
        } else if (segment instanceof HoldSegment h) {
            return "hold " + c(h.getTemperature().celsius()) + " for " + s(h.getDuration());
        } else if (segment instanceof CoolSegment cool) {
            return "cool at " + rate(cool.getRate().celsiusPerSecond())
                    + (cool.getTarget() == null ? "" : " to " + c(cool.getTarget().celsius()));
        }
        throw new IllegalArgumentException("a profile segment of an unknown kind: " + segment.eClass().getName());
    }

    static String c(double celsius) {
        return number(celsius) + " C";
    }

    private static String rate(double celsiusPerSecond) {
        return number(celsiusPerSecond) + " C/s";
    }

    private static String s(TimeSpan time) {
        return number(time.seconds()) + " s";
    }

    static String number(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%s", rounded).replaceAll("0+$", "");
    }
}
