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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.stats.Figures;
import org.benchwright.engine.stats.ProcessWindow.Judged;
import org.benchwright.model.Library;
import org.benchwright.model.ThermalProfile;
import org.benchwright.profiling.ProfileDevelopment.Check;
import org.benchwright.profiling.ProfileDevelopment.Development;

/**
 * What a development says in words, for the command line and the workbench alike: the board learned, how the last
 * run was predicted, the proposal with its predicted figures, and the developed profile's text with them as comments.
 */
public final class ProfileReport {

    /** The package a developed profile is written in. */
    public static final String PACKAGE = "developed";

    private ProfileReport() {
    }

    /** The report, a line each. */
    public static List<String> of(Development d, ThermalProfile specification, Limits limits) {
        List<String> out = new ArrayList<>();
        BoardFit.Result fit = d.fit();
        out.add(String.format(Locale.ROOT, "board learned from the record(s), starting from the reference %s: it misses"
                + " the joint by %.2f °C, the package by %.2f °C, the board by %.2f °C and the air by %.2f °C RMS",
                fit.prior(), fit.rms()[0], fit.rms()[1], fit.rms()[2], fit.rms()[3]));
        List<String> fitted = BoardFit.fitted();
        StringBuilder line = new StringBuilder("  parameters (factor on the reference ± 1 σ):");
        for (int i = 0; i < fitted.size(); i++) {
            line.append(String.format(Locale.ROOT, "%s %s %.2f ±%.0f%%", i % 4 == 0 ? "\n   " : ",", fitted.get(i),
                    Math.exp(fit.logFactors()[i]), 100 * fit.sigma()[i]));
        }
        out.addAll(List.of(line.toString().split("\n")));
        Check check = d.check();
        if (check != null && check.measured() != null) {
            out.add("how the last run was predicted from the runs before it:");
            if (check.predicted() == null) {
                out.add("  predicted: the run would not complete");
            } else {
                out.add(String.format(Locale.ROOT, "  peak %.1f °C predicted, %.1f measured; time above liquidus %.1f s"
                        + " predicted, %.1f measured; PWI %.0f predicted, %.0f measured; package %.1f °C predicted,"
                        + " %.1f measured", check.predicted().peak(), check.measured().peak(),
                        check.predicted().timeAboveLiquidus(), check.measured().timeAboveLiquidus(),
                        check.predictedPwi(), check.measuredPwi(), check.predictedPackage(), check.measuredPackage()));
            }
        }
        Proposal p = d.proposal();
        if (p == null) {
            return out;
        }
        ProfileSettings from = ProfileSettings.of(specification);
        out.add(String.format(Locale.ROOT, "proposed (%d runs predicted): bottom %s (was %s), preheat to %s (was %s),"
                + " ramp %s (was %s), ramp to peak %s (was %s), peak aimed at %.1f °C (was %.1f)", p.tried(),
                c(p.settings().bottom()), c(from.bottom()), c(p.settings().preheat()), c(from.preheat()),
                rate(p.settings().rampUp()), rate(from.rampUp()), rate(p.settings().rampToPeak()),
                rate(from.rampToPeak()), p.settings().peakAim(), from.peakAim()));
        predicted(p, limits).forEach(l -> out.add("  " + l));
        return out;
    }

    /**
     * The developed profile in the language, under {@code name} in package {@link #PACKAGE}, its origin and predicted
     * figures as comments.
     *
     * @param records the records' names it was learned from
     */
    public static String profile(Development d, ThermalProfile specification, String name, List<String> records,
            Limits limits) {
        List<String> lines = new ArrayList<>();
        lines.add("Developed by benchwright develop-profile from " + specification.getName() + " ("
                + (specification.eContainer() instanceof Library l ? l.getName() : "?") + ") and the record(s):");
        records.forEach(r -> lines.add("  " + r));
        lines.add("Its windows are the library profile's; the settings are what the board, as learned from the"
                + " records, runs best with.");
        lines.add("Predicted on the learned board (review, approve, then run it with a thermocouple at the joint):");
        predicted(d.proposal(), limits).forEach(l -> lines.add("  " + l));
        return ProfileText.of(d.proposal().profile(), name, PACKAGE, lines);
    }

    /** The predicted figures against the library's windows, and the margins to the interlocks. */
    private static List<String> predicted(Proposal p, Limits limits) {
        List<String> lines = new ArrayList<>();
        if (!p.predicted().result().completed()) {
            lines.add("predicted: the run does not complete (" + p.predicted().result().fault() + ")");
            return lines;
        }
        for (Judged j : p.predicted().judgement().statistics()) {
            lines.add(String.format(Locale.ROOT, "%-20s %7.1f %-5s window %.1f .. %.1f  index %3.0f%s", j.statistic(),
                    j.measured(), j.unit(), j.min(), j.max(), j.index(), j.inside() ? "" : "  OUTSIDE"));
        }
        Figures figures = p.predicted().result().figures();
        double baseline = p.baseline().judgement() == null ? Double.NaN : p.baseline().judgement().pwi();
        lines.add(String.format(Locale.ROOT, "predicted PWI %.0f (the library's profile on this board: %s)",
                p.predicted().judgement().pwi(), Double.isNaN(baseline) ? "does not complete"
                        : String.format(Locale.ROOT, "%.0f", baseline)));
        lines.add(String.format(Locale.ROOT, "margins: package %.1f °C under its Tc %.0f °C; joint %.1f °C under its"
                + " interlock %.0f °C; over the fit's uncertainty the peak spreads ±%.1f °C, the time above liquidus"
                + " ±%.1f s", limits.packageCeiling() - p.predicted().packagePeak(), limits.packageCeiling(),
                limits.jointCeiling() - figures.peak(), limits.jointCeiling(), p.peakSpread(), p.talSpread()));
        return lines;
    }

    private static String c(double celsius) {
        return Double.isNaN(celsius) ? "none" : String.format(Locale.ROOT, "%.0f °C", celsius);
    }

    private static String rate(double rate) {
        return Double.isNaN(rate) ? "none" : String.format(Locale.ROOT, "%.2f °C/s", rate);
    }
}
