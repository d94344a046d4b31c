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

import org.benchwright.engine.heat.Trajectory;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.PreheatSegment;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.ZoneRole;
import org.benchwright.model.ZoneSetpoint;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * What a developed profile may change in the profile it comes from: the bottom preheat, how far the bottom zone alone
 * brings the joint up before the top heats, the rates of its ramps and where in the peak window the joint is aimed.
 * Its windows (the specification: soak, peak, time above liquidus, the limits) stay those of the library's profile;
 * the peak aim narrows the reflow window inside it.
 *
 * @param bottom     the bottom zone's hold, °C; {@code NaN}: none
 * @param preheat    how far the bottom zone alone brings the joint before the top zone heats, °C; {@code NaN}: the
 *                   top heats from the start
 * @param rampUp     the rate of the ramps before the soak, °C/s
 * @param rampToPeak the rate of the ramp to peak, °C/s
 * @param peakAim    the centre of the peak the joint is aimed at, °C, inside the specification's peak window
 */
public record ProfileSettings(double bottom, double preheat, double rampUp, double rampToPeak, double peakAim) {

    /** The settings {@code profile} states. */
    public static ProfileSettings of(ThermalProfile profile) {
        double bottom = Double.NaN;
        for (ZoneSetpoint setpoint : profile.getSetpoints()) {
            if (setpoint.getZone() == ZoneRole.BOTTOM) {
                bottom = setpoint.getTemperature().celsius();
            }
        }
        double rampUp = Double.NaN;
        double rampToPeak = Double.NaN;
        double aim = Double.NaN;
        for (ProfileSegment segment : profile.getSegments()) {
            if (segment instanceof RampSegment ramp && ramp.isToPeak()) {
                rampToPeak = ramp.getRate().celsiusPerSecond();
            } else if (segment instanceof RampSegment ramp && Double.isNaN(rampUp)) {
                rampUp = ramp.getRate().celsiusPerSecond();
            } else if (segment instanceof ReflowSegment reflow) {
                aim = (reflow.getPeak().getMin().celsius() + reflow.getPeak().getMax().celsius()) / 2;
            }
        }
        return new ProfileSettings(bottom, Trajectory.preheat(profile), rampUp, rampToPeak, aim);
    }

    /**
     * A copy of {@code profile} with these settings: the bottom hold set (or added), the ramps' rates, and the reflow
     * window narrowed around the aim so that it stays inside the profile's own.
     */
    public ThermalProfile apply(ThermalProfile profile) {
        ThermalProfile copy = EcoreUtil.copy(profile);
        copy.getSetpoints().removeIf(s -> s.getZone() == ZoneRole.BOTTOM);
        if (!Double.isNaN(bottom)) {
            ZoneSetpoint setpoint = BenchwrightFactory.eINSTANCE.createZoneSetpoint();
            setpoint.setZone(ZoneRole.BOTTOM);
            setpoint.setTemperature(Temperature.of(bottom));
            copy.getSetpoints().add(0, setpoint);
        }
        copy.getSegments().removeIf(PreheatSegment.class::isInstance);
        if (!Double.isNaN(preheat) && !Double.isNaN(bottom)) {
            PreheatSegment segment = BenchwrightFactory.eINSTANCE.createPreheatSegment();
            segment.setTarget(Temperature.of(preheat));
            copy.getSegments().add(0, segment);
        }
        boolean first = true;
        for (ProfileSegment segment : copy.getSegments()) {
            if (segment instanceof RampSegment ramp && ramp.isToPeak()) {
                ramp.setRate(RampRate.of(rampToPeak));
            } else if (segment instanceof RampSegment ramp && first) {
                ramp.setRate(RampRate.of(rampUp));
                first = false;
            } else if (segment instanceof ReflowSegment reflow) {
                double min = reflow.getPeak().getMin().celsius();
                double max = reflow.getPeak().getMax().celsius();
                double half = Math.min(peakAim - min, max - peakAim);
                if (half > 0 && !Double.isNaN(peakAim)) {
                    reflow.getPeak().setMin(Temperature.of(round(peakAim - half)));
                    reflow.getPeak().setMax(Temperature.of(round(peakAim + half)));
                }
            }
        }
        return copy;
    }

    private static double round(double celsius) {
        return Math.round(celsius * 10) / 10.0;
    }
}
