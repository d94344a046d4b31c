/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.benchwright.engine.heat.Trajectory;
import org.benchwright.model.CoolSegment;
import org.benchwright.model.HeatStep;
import org.benchwright.model.ProfileLimits;
import org.benchwright.model.ProfileSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.SoakSegment;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

/**
 * What the thermal-profile view draws for a profile: the planned joint temperature over time, the alloy's
 * liquidus, the peak window and the soak window. Plain numbers, taken from the model under the parse lock.
 */
public record ProfileChart(String title, List<double[]> plan, double liquidus, double[] peak, double[] soak,
        List<String> notes) {

    /** The profile at {@code offset}: the one written there, or the one a heat step there runs. */
    public static ProfileChart at(XtextResource resource, int offset) {
        EObjectAtOffsetHelper at = LanguageWorkspace.injector().getInstance(EObjectAtOffsetHelper.class);
        EObject element = at.resolveCrossReferencedElementAt(resource, offset);
        if (!(element instanceof ThermalProfile)) {
            element = at.resolveElementAt(resource, offset);
        }
        for (EObject e = element; e != null; e = e.eContainer()) {
            if (e instanceof ThermalProfile p) {
                return of(p);
            }
            if (e instanceof HeatStep h && h.getProfile() != null && !h.getProfile().eIsProxy()) {
                return of(h.getProfile());
            }
        }
        return null;
    }

    public static ProfileChart of(ThermalProfile profile) {
        double liquidus = profile.getAlloy() == null || profile.getAlloy().eIsProxy()
                || profile.getAlloy().getLiquidus() == null ? Double.NaN : profile.getAlloy().getLiquidus().celsius();
        double cool = 2;
        double[] peak = null;
        double[] soak = null;
        for (ProfileSegment s : profile.getSegments()) {
            if (s instanceof CoolSegment c && c.getRate() != null) {
                cool = c.getRate().celsiusPerSecond();
            } else if (s instanceof ReflowSegment r && r.getPeak() != null) {
                peak = window(r.getPeak());
            } else if (s instanceof SoakSegment k && k.getTemperature() != null) {
                soak = window(k.getTemperature());
            }
        }
        ProfileLimits limits = profile.getLimits();
        List<String> notes = new ArrayList<>();
        if (limits != null) {
            if (limits.getPeak() != null) {
                peak = window(limits.getPeak());
            }
            if (limits.getMaxRampUp() != null) {
                notes.add("ramp-up at most " + fmt(limits.getMaxRampUp().celsiusPerSecond()) + " °C/s");
            }
            if (limits.getMaxRampDown() != null) {
                notes.add("ramp-down at most " + fmt(limits.getMaxRampDown().celsiusPerSecond()) + " °C/s");
            }
            if (limits.getMaxTimeToPeak() != null) {
                notes.add("peak within " + limits.getMaxTimeToPeak());
            }
        }
        List<double[]> plan = new ArrayList<>();
        try {
            Trajectory trajectory = new Trajectory(profile, 25, Double.isNaN(liquidus) ? 217 : liquidus, cool);
            double end = trajectory.duration();
            for (double t = 0; t <= end; t += Math.max(1, end / 400)) {
                plan.add(new double[] { t, trajectory.at(t) });
            }
            plan.add(new double[] { end, trajectory.at(end) });
        } catch (RuntimeException e) {
            notes.add("the plan cannot be drawn: " + e.getMessage());
        }
        String title = "profile " + profile.getName() + (profile.getAlloy() == null || profile.getAlloy().eIsProxy()
                ? "" : " for " + profile.getAlloy().getName());
        return new ProfileChart(title, plan, liquidus, peak, soak, notes);
    }

    private static double[] window(TemperatureWindow w) {
        return w.getMin() == null || w.getMax() == null ? null
                : new double[] { w.getMin().celsius(), w.getMax().celsius() };
    }

    public static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
    }
}
