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

import static org.benchwright.model.BenchwrightPackage.Literals.COOL_SEGMENT__RATE;
import static org.benchwright.model.BenchwrightPackage.Literals.PROFILE_LIMITS__MAX_RAMP_DOWN;
import static org.benchwright.model.BenchwrightPackage.Literals.PROFILE_LIMITS__MAX_RAMP_UP;
import static org.benchwright.model.BenchwrightPackage.Literals.PROFILE_LIMITS__MAX_TIME_NEAR_PEAK;
import static org.benchwright.model.BenchwrightPackage.Literals.PROFILE_LIMITS__MAX_TIME_TO_PEAK;
import static org.benchwright.model.BenchwrightPackage.Literals.RAMP_SEGMENT__RATE;
import static org.benchwright.model.BenchwrightPackage.Literals.SOAK_SEGMENT__DURATION;
import static org.benchwright.model.BenchwrightPackage.Literals.SOAK_SEGMENT__TEMPERATURE;
import static org.benchwright.model.BenchwrightPackage.Literals.TEMPERATURE_WINDOW__MIN;
import static org.benchwright.model.BenchwrightPackage.Literals.THERMAL_PROFILE__SEGMENTS;
import static org.benchwright.model.BenchwrightPackage.Literals.TIME_WINDOW__MAX;
import static org.benchwright.model.BenchwrightPackage.Literals.TIME_WINDOW__MIN;
import static org.benchwright.model.BenchwrightPackage.Literals.ZONE_SETPOINT__TEMPERATURE;
import static org.benchwright.rules.Severity.ERROR;
import static org.benchwright.rules.Severity.WARNING;

import java.util.List;

import org.benchwright.model.Alloy;
import org.benchwright.model.CoolSegment;
import org.benchwright.model.PreheatSegment;
import org.benchwright.model.ProfileLimits;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.TimeWindow;
import org.benchwright.model.ZoneRole;
import org.benchwright.model.ZoneSetpoint;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.benchwright.rules.Rule;
import org.benchwright.rules.RuleCodes;
import org.benchwright.rules.RuleContext;
import org.benchwright.rules.RuleSettings;
import org.benchwright.rules.RuleSettings.Limit;

/** Rules on thermal profiles: peak against liquidus, J-STD-020 ramps and times, preheat, segment order, tip. */
final class ProfileRules {

    private ProfileRules() {
    }

    static List<Rule<?>> all() {
        return List.of(
                new Rule<>(RuleCodes.PEAK_LIQUIDUS, ERROR, "the peak must exceed the alloy's liquidus",
                        ThermalProfile.class, ProfileRules::peakAboveLiquidus),
                new Rule<>(RuleCodes.PEAK_MARGIN, WARNING, "the peak should exceed liquidus by a useful margin",
                        ThermalProfile.class, ProfileRules::peakMargin),
                new Rule<>(RuleCodes.RAMP_UP, ERROR, "ramp-up at most 3 C/s (J-STD-020 Table 5-2)",
                        ThermalProfile.class, ProfileRules::rampUp),
                new Rule<>(RuleCodes.RAMP_DOWN, ERROR, "ramp-down at most 6 C/s (J-STD-020 Table 5-2)",
                        ThermalProfile.class, ProfileRules::rampDown),
                new Rule<>(RuleCodes.TAL_MAX, ERROR, "time above liquidus at most 150 s (J-STD-020 Table 5-2)",
                        ThermalProfile.class, ProfileRules::timeAboveLiquidusMax),
                new Rule<>(RuleCodes.TAL_MIN, WARNING, "time above liquidus at least 60 s (J-STD-020 Table 5-2)",
                        ThermalProfile.class, ProfileRules::timeAboveLiquidusMin),
                new Rule<>(RuleCodes.NEAR_PEAK, ERROR,
                        "time within 5 C of peak at most 20 s SnPb, 30 s Pb-free (J-STD-020 Table 5-2)",
                        ThermalProfile.class, ProfileRules::nearPeak),
                new Rule<>(RuleCodes.TIME_TO_PEAK, ERROR,
                        "25 C to peak at most 6 min SnPb, 8 min Pb-free (J-STD-020 Table 5-2)",
                        ThermalProfile.class, ProfileRules::timeToPeak),
                new Rule<>(RuleCodes.PREHEAT, WARNING,
                        "preheat 100-150 C SnPb, 150-200 C Pb-free, for 60-120 s (J-STD-020 Table 5-2)",
                        ThermalProfile.class, ProfileRules::preheat),
                new Rule<>(RuleCodes.SEGMENT_ORDER, ERROR,
                        "segments in a physical order: heat up, reflow once, then cool",
                        ThermalProfile.class, ProfileRules::segmentOrder),
                new Rule<>(RuleCodes.TIP_TEMPERATURE, ERROR, "iron tip temperature inside the alloy's range",
                        ThermalProfile.class, ProfileRules::tipTemperature));
    }

    private static void peakAboveLiquidus(ThermalProfile profile, RuleContext ctx) {
        TemperatureWindow peak = Profiles.peak(profile);
        Alloy alloy = profile.getAlloy();
        if (peak == null || alloy == null || alloy.eIsProxy() || alloy.getLiquidus() == null) {
            return;
        }
        if (!peak.getMin().isAbove(alloy.getLiquidus())) {
            ctx.report(peak, TEMPERATURE_WINDOW__MIN, "peak " + peak.getMin() + " does not exceed the liquidus "
                    + alloy.getLiquidus() + " of " + alloy.getName() + ": the joints would not reflow (alloy data)",
                    temperature(alloy.getLiquidus().celsius() + ctx.settings().get(RuleSettings.PEAK_MARGIN)));
        }
    }

    private static void peakMargin(ThermalProfile profile, RuleContext ctx) {
        TemperatureWindow peak = Profiles.peak(profile);
        Alloy alloy = profile.getAlloy();
        if (peak == null || alloy == null || alloy.eIsProxy() || alloy.getLiquidus() == null
                || !peak.getMin().isAbove(alloy.getLiquidus())) {
            return;
        }
        double margin = ctx.settings().get(RuleSettings.PEAK_MARGIN);
        double wanted = alloy.getLiquidus().celsius() + margin;
        if (peak.getMin().celsius() < wanted) {
            ctx.report(peak, TEMPERATURE_WINDOW__MIN, "peak " + peak.getMin() + " is less than "
                    + fmt(margin) + " °C above the liquidus " + alloy.getLiquidus() + " of " + alloy.getName()
                    + "; joints may not wet fully (" + ctx.settings().source(RuleSettings.PEAK_MARGIN) + ")",
                    temperature(wanted));
        }
    }

    private static void rampUp(ThermalProfile profile, RuleContext ctx) {
        double max = ctx.settings().get(RuleSettings.RAMP_UP);
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof RampSegment ramp && tooFast(ramp.getRate(), max)) {
                ctx.report(ramp, RAMP_SEGMENT__RATE, source(ctx, RuleSettings.RAMP_UP) + ": ramp-up "
                        + ramp.getRate() + " exceeds " + fmt(max) + " °C/s", rate(max));
            }
        }
        ProfileLimits limits = profile.getLimits();
        if (limits != null && tooFast(limits.getMaxRampUp(), max)) {
            ctx.report(limits, PROFILE_LIMITS__MAX_RAMP_UP, source(ctx, RuleSettings.RAMP_UP) + ": a ramp-up limit of "
                    + limits.getMaxRampUp() + " allows more than " + fmt(max) + " °C/s", rate(max));
        }
    }

    private static void rampDown(ThermalProfile profile, RuleContext ctx) {
        double max = ctx.settings().get(RuleSettings.RAMP_DOWN);
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof CoolSegment cool && tooFast(cool.getRate(), max)) {
                ctx.report(cool, COOL_SEGMENT__RATE, source(ctx, RuleSettings.RAMP_DOWN) + ": ramp-down "
                        + cool.getRate() + " exceeds " + fmt(max) + " °C/s", rate(max));
            }
        }
        ProfileLimits limits = profile.getLimits();
        if (limits != null && tooFast(limits.getMaxRampDown(), max)) {
            ctx.report(limits, PROFILE_LIMITS__MAX_RAMP_DOWN, source(ctx, RuleSettings.RAMP_DOWN)
                    + ": a ramp-down limit of " + limits.getMaxRampDown() + " allows more than " + fmt(max) + " °C/s",
                    rate(max));
        }
    }

    private static void timeAboveLiquidusMax(ThermalProfile profile, RuleContext ctx) {
        double max = ctx.settings().get(RuleSettings.TAL_MAX);
        for (TimeWindow window : talWindows(profile)) {
            if (window.getMax() != null && window.getMax().seconds() > max) {
                ctx.report(window, TIME_WINDOW__MAX, source(ctx, RuleSettings.TAL_MAX) + ": time above liquidus up to "
                        + window.getMax() + " exceeds " + fmt(max) + " s", fmt(max) + " s");
            }
        }
    }

    private static void timeAboveLiquidusMin(ThermalProfile profile, RuleContext ctx) {
        double min = ctx.settings().get(RuleSettings.TAL_MIN);
        for (TimeWindow window : talWindows(profile)) {
            if (window.getMin() != null && window.getMin().seconds() < min) {
                ctx.report(window, TIME_WINDOW__MIN, source(ctx, RuleSettings.TAL_MIN) + ": time above liquidus from "
                        + window.getMin() + " is under " + fmt(min) + " s; joints may not form fully", fmt(min) + " s");
            }
        }
    }

    private static List<TimeWindow> talWindows(ThermalProfile profile) {
        ReflowSegment reflow = Profiles.reflow(profile);
        TimeWindow limit = profile.getLimits() == null ? null : profile.getLimits().getTimeAboveLiquidus();
        return java.util.stream.Stream.of(reflow == null ? null : reflow.getAboveLiquidus(), limit)
                .filter(java.util.Objects::nonNull).toList();
    }

    private static void nearPeak(ThermalProfile profile, RuleContext ctx) {
        ProfileLimits limits = profile.getLimits();
        if (limits == null || limits.getMaxTimeNearPeak() == null || !Profiles.alloyKnown(profile)) {
            return;
        }
        Limit limit = Profiles.leadFree(profile) ? RuleSettings.NEAR_PEAK_PBFREE : RuleSettings.NEAR_PEAK_SNPB;
        double max = ctx.settings().get(limit);
        if (limits.getMaxTimeNearPeak().seconds() > max) {
            ctx.report(limits, PROFILE_LIMITS__MAX_TIME_NEAR_PEAK, source(ctx, limit) + ": time within 5 °C of peak "
                    + limits.getMaxTimeNearPeak() + " exceeds " + fmt(max) + " s for " + Profiles.family(profile),
                    fmt(max) + " s");
        }
    }

    private static void timeToPeak(ThermalProfile profile, RuleContext ctx) {
        if (!Profiles.alloyKnown(profile)) {
            return;
        }
        Limit limit = Profiles.leadFree(profile) ? RuleSettings.TO_PEAK_PBFREE : RuleSettings.TO_PEAK_SNPB;
        double max = ctx.settings().get(limit);
        double seconds = Profiles.secondsToPeak(profile);
        if (!Double.isNaN(seconds) && seconds > max) {
            ctx.report(profile, THERMAL_PROFILE__SEGMENTS, source(ctx, limit) + ": 25 °C to peak takes up to "
                    + TimeSpan.ofSeconds(Math.round(seconds)) + " with these segments; at most "
                    + TimeSpan.ofSeconds(max) + " for " + Profiles.family(profile));
        }
        ProfileLimits limits = profile.getLimits();
        if (limits != null && limits.getMaxTimeToPeak() != null && limits.getMaxTimeToPeak().seconds() > max) {
            ctx.report(limits, PROFILE_LIMITS__MAX_TIME_TO_PEAK, source(ctx, limit) + ": a time-to-peak limit of "
                    + limits.getMaxTimeToPeak() + " allows more than " + TimeSpan.ofSeconds(max) + " for "
                    + Profiles.family(profile), TimeSpan.ofSeconds(max).toString());
        }
    }

    private static void preheat(ThermalProfile profile, RuleContext ctx) {
        if (!Profiles.alloyKnown(profile)) {
            return;
        }
        boolean leadFree = Profiles.leadFree(profile);
        Limit minLimit = leadFree ? RuleSettings.PREHEAT_MIN_PBFREE : RuleSettings.PREHEAT_MIN_SNPB;
        Limit maxLimit = leadFree ? RuleSettings.PREHEAT_MAX_PBFREE : RuleSettings.PREHEAT_MAX_SNPB;
        double min = ctx.settings().get(minLimit);
        double max = ctx.settings().get(maxLimit);
        double tMin = ctx.settings().get(RuleSettings.PREHEAT_TIME_MIN);
        double tMax = ctx.settings().get(RuleSettings.PREHEAT_TIME_MAX);
        for (ProfileSegment segment : profile.getSegments()) {
            if (!(segment instanceof SoakSegment soak) || soak.getTemperature() == null || soak.getDuration() == null) {
                continue;
            }
            TemperatureWindow t = soak.getTemperature();
            if (t.getMin().celsius() < min || t.getMax().celsius() > max) {
                ctx.report(soak, SOAK_SEGMENT__TEMPERATURE, source(ctx, minLimit) + ": " + Profiles.family(profile)
                        + " preheat is " + fmt(min) + "-" + fmt(max) + " °C; this soak is " + t.getMin() + " .. "
                        + t.getMax());
            }
            TimeWindow d = soak.getDuration();
            if (d.getMin().seconds() < tMin || d.getMax().seconds() > tMax) {
                ctx.report(soak, SOAK_SEGMENT__DURATION, source(ctx, RuleSettings.PREHEAT_TIME_MIN) + ": preheat "
                        + "lasts " + fmt(tMin) + "-" + fmt(tMax) + " s; this soak lasts " + d.getMin() + " .. " + d.getMax());
            }
        }
    }

    private static void segmentOrder(ThermalProfile profile, RuleContext ctx) {
        boolean reflowed = false;
        boolean cooling = false;
        boolean rampedToPeak = false;
        Temperature last = null;
        TemperatureWindow peak = Profiles.peak(profile);
        for (ProfileSegment segment : profile.getSegments()) {
            String problem = null;
            if (segment instanceof ReflowSegment) {
                problem = reflowed ? "a second reflow" : cooling ? "reflow after cooling has begun" : null;
                reflowed = true;
            } else if (segment instanceof CoolSegment) {
                cooling = true;
            } else if (cooling) {
                problem = "heating after cooling has begun";
            } else if (reflowed) {
                problem = "heating after the reflow; cool after it";
            } else if (segment instanceof PreheatSegment preheat) {
                problem = profile.getSegments().indexOf(segment) > 0
                        ? "a preheat after heating has begun; it comes first"
                        : profile.getSetpoints().stream().noneMatch(s -> s.getZone() == ZoneRole.BOTTOM)
                                ? "a preheat, but no bottom zone held ('zone bottom hold ...') to bring the joint up"
                                : null;
                last = preheat.getTarget() != null ? preheat.getTarget() : last;
            } else if (segment instanceof RampSegment ramp) {
                rampedToPeak |= ramp.isToPeak();
                if (ramp.getTarget() != null && last != null && ramp.getTarget().isBelow(last)) {
                    problem = "a ramp down to " + ramp.getTarget() + " after reaching " + last;
                } else if (ramp.getTarget() != null && peak != null && ramp.getTarget().isAbove(peak.getMax())) {
                    problem = "a ramp to " + ramp.getTarget() + ", above the peak " + peak.getMax();
                }
                last = ramp.getTarget() != null ? ramp.getTarget() : last;
            }
            if (problem != null) {
                ctx.report(segment, null, "segment " + (profile.getSegments().indexOf(segment) + 1) + " is out of "
                        + "physical order: " + problem);
            }
        }
        if (rampedToPeak && !reflowed) {
            ctx.report(profile, THERMAL_PROFILE__SEGMENTS, "ramps to peak but has no reflow segment saying what the "
                    + "peak is");
        }
    }

    private static void tipTemperature(ThermalProfile profile, RuleContext ctx) {
        Alloy alloy = profile.getAlloy();
        if (alloy == null || alloy.eIsProxy()) {
            return;
        }
        boolean leadFree = alloy.isLeadFree();
        TemperatureWindow own = alloy.getTipTemperature();
        double min = own != null ? own.getMin().celsius()
                : ctx.settings().get(leadFree ? RuleSettings.TIP_MIN_PBFREE : RuleSettings.TIP_MIN_SNPB);
        double max = own != null ? own.getMax().celsius()
                : ctx.settings().get(leadFree ? RuleSettings.TIP_MAX_PBFREE : RuleSettings.TIP_MAX_SNPB);
        String source = own != null ? "alloy " + alloy.getName() + ", tip"
                : ctx.settings().source(leadFree ? RuleSettings.TIP_MIN_PBFREE : RuleSettings.TIP_MIN_SNPB);
        for (ZoneSetpoint setpoint : profile.getSetpoints()) {
            double t = setpoint.getTemperature() == null ? Double.NaN : setpoint.getTemperature().celsius();
            if (setpoint.getZone() == ZoneRole.TIP && (t < min || t > max)) {
                ctx.report(setpoint, ZONE_SETPOINT__TEMPERATURE, source + ": tip " + setpoint.getTemperature()
                        + " is outside " + fmt(min) + "-" + fmt(max) + " °C for " + alloy.getName(),
                        temperature(t < min ? min : max));
            }
        }
    }

    private static boolean tooFast(RampRate rate, double max) {
        return rate != null && rate.celsiusPerSecond() > max;
    }

    static String source(RuleContext ctx, Limit limit) {
        return ctx.settings().source(limit);
    }

    static String fmt(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    static String temperature(double celsius) {
        return fmt(celsius) + " C";
    }

    private static String rate(double celsiusPerSecond) {
        return fmt(celsiusPerSecond) + " C/s";
    }
}
