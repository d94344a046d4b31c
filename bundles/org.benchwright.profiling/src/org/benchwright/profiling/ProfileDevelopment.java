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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.stats.Figures;
import org.benchwright.engine.stats.ProcessWindow;
import org.benchwright.model.ThermalProfile;

/**
 * Profile development for a new board: learn the board from its recorded runs, say how well the last run was
 * predicted from the ones before it, propose the settings it runs best with, and write them as a profile.
 */
public final class ProfileDevelopment {

    /** Joint residual beyond which the model does not follow the board, °C RMS. */
    public static final double WORST_FIT = 3;

    /** A run that ran, with the profile it ran (the library's, or one developed before). */
    public record Run(HeatRun run, ThermalProfile profile) {
    }

    /**
     * How well the last run was predicted by the fit of the runs before it.
     *
     * @param predicted the figures the fit of the earlier runs predicted for the last run's profile
     * @param measured  the figures the last run measured
     */
    public record Check(Figures predicted, Figures measured, double predictedPwi, double measuredPwi,
            double predictedPackage, double measuredPackage) {
    }

    /**
     * @param fit      the board learned from every run
     * @param check    how well the last run was predicted; {@code null} with one run
     * @param proposal the proposed settings, with their predicted run
     * @param refusal  why nothing is proposed; {@code null} when something is
     */
    public record Development(BoardFit.Result fit, Check check, Proposal proposal, String refusal) {
    }

    private ProfileDevelopment() {
    }

    /**
     * The last heat step of each record, with the profile it ran.
     *
     * @param profiles the profile of a name; {@code null} when there is none
     * @param where    where the profiles were looked for, for the message when one is not there
     * @throws IOException              when a record cannot be read or does not verify
     * @throws IllegalArgumentException when a record holds no heat step or ran a profile not found
     */
    public static List<Run> runs(List<Path> records, Function<String, ThermalProfile> profiles, String where)
            throws IOException {
        List<Run> runs = new ArrayList<>();
        for (Path record : records) {
            if (!Files.isRegularFile(record)) {
                throw new IllegalArgumentException(record + ": no such record");
            }
            List<HeatRun> steps = HeatRun.read(record);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException(record + ": the record holds no heat step");
            }
            HeatRun step = steps.get(steps.size() - 1);
            ThermalProfile ran = profiles.apply(step.profile());
            if (ran == null) {
                throw new IllegalArgumentException(record + ": it ran the profile '" + step.profile()
                        + "', which is in none of " + where);
            }
            runs.add(new Run(step, ran));
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no record to learn the board from");
        }
        return runs;
    }

    /**
     * The interlocks a profile runs under: the joint at most 10 °C over its peak window, the package at its Tc (given,
     * or as the first run's record states it).
     *
     * @param tc the package's Tc, °C; {@code NaN}: as the first record states it
     */
    public static Limits limits(ThermalProfile profile, List<Run> runs, double tc) {
        double packageTc = Double.isNaN(tc) ? runs.get(0).run().packageCeiling() : tc;
        if (Double.isNaN(packageTc)) {
            throw new IllegalArgumentException(runs.get(0).run().source() + ": the record states no package Tc;"
                    + " give it");
        }
        return limits(profile, packageTc);
    }

    /** The interlocks a profile runs under with its package classified at {@code tc}. */
    public static Limits limits(ThermalProfile profile, double tc) {
        double ceiling = Proposal.reflow(profile) == null ? 300
                : Proposal.reflow(profile).getPeak().getMax().celsius() + 10;
        return new Limits(ceiling, tc, profile.getAlloy().getLiquidus().celsius(),
                profile.getAlloy().getSolidus().celsius() - 30);
    }

    /**
     * How well the last of {@code runs} was predicted by the board learned from the runs before it; {@code null} with
     * one run.
     */
    public static Check check(ThermalProfile specification, List<Run> runs, Limits limits) {
        if (runs.size() < 2) {
            return null;
        }
        List<BoardFit.Recorded> earlier = new ArrayList<>();
        for (Run run : runs.subList(0, runs.size() - 1)) {
            earlier.add(new BoardFit.Recorded(run.run(), ProfileSettings.of(run.profile()).bottom()));
        }
        BoardFit.Result fit = BoardFit.fit(earlier);
        Run last = runs.get(runs.size() - 1);
        ClosedLoopRun predicted = ClosedLoopRun.predict(last.profile(), specification, fit.parameters(), limits, 1);
        Figures measured = last.run().figures();
        return new Check(predicted.result().completed() ? predicted.result().figures() : null, measured,
                predicted.judgement() == null ? Double.NaN : predicted.judgement().pwi(),
                measured == null ? Double.NaN : ProcessWindow.judge(measured, specification).pwi(),
                predicted.packagePeak(), last.run().peak("package"));
    }

    /**
     * @param specification the library's profile: its windows judge every run
     * @param runs          the board's runs, oldest first
     * @param boardLimit    the hottest the bottom zone may hold the board, °C
     */
    public static Development develop(ThermalProfile specification, List<Run> runs, Limits limits, double boardLimit) {
        List<BoardFit.Recorded> recorded = new ArrayList<>();
        for (Run run : runs) {
            recorded.add(new BoardFit.Recorded(run.run(), ProfileSettings.of(run.profile()).bottom()));
        }
        Check check = check(specification, runs, limits);
        BoardFit.Result fit = BoardFit.fit(recorded);
        if (fit.rms()[0] > WORST_FIT || fit.rms()[1] > WORST_FIT) {
            return new Development(fit, check, null, String.format(Locale.ROOT, "the model does not follow this board:"
                    + " it misses the joint by %.1f °C and the package by %.1f °C RMS (at most %.0f °C wanted);"
                    + " check the thermocouples' placement and the record", fit.rms()[0], fit.rms()[1], WORST_FIT));
        }
        double[] bottomZone = runs.get(0).run().zones().get("bottom");
        Proposal proposal = Proposal.search(specification, fit, limits, boardLimit, bottomZone);
        ClosedLoopRun best = proposal.predicted();
        if (!best.result().completed() || best.packagePeak() > limits.packageCeiling() - Proposal.PACKAGE_MARGIN) {
            return new Development(fit, check, null, String.format(Locale.ROOT, "no settings within the limits run"
                    + " this board safely: the best predicted run %s; the board needs more heat from below than a"
                    + " board limit of %.0f °C allows, or a package classified hotter than %.0f °C",
                    best.result().completed() ? String.format(Locale.ROOT, "takes the package to %.1f °C, within %.0f"
                            + " °C of its Tc", best.packagePeak(), Proposal.PACKAGE_MARGIN)
                            : "trips: " + best.result().fault(), boardLimit, limits.packageCeiling()));
        }
        List<ProcessWindow.Judged> missed = best.judgement().statistics().stream()
                .filter(j -> (j.statistic().equals("peak") || j.statistic().equals("time above liquidus"))
                        && !j.inside())
                .toList();
        if (!missed.isEmpty()) {
            // under its window, the joint lacked heat the package would not let through from above; over it (the time
            // above liquidus: the controller keeps the peak under its window's top), the board kept it molten as it
            // cooled
            boolean tooLittle = missed.stream().anyMatch(j -> j.measured() < j.min());
            return new Development(fit, check, null, "no settings within the limits reflow this board's joints: the"
                    + " best predicted run has " + String.join(" and ", missed.stream().map(j -> String.format(
                            Locale.ROOT, "%s %.1f %s (window %.1f .. %.1f)", j.statistic(), j.measured(), j.unit(),
                            j.min(), j.max())).toList())
                    + " with the package " + String.format(Locale.ROOT, "%.1f °C under its Tc %.0f °C",
                            limits.packageCeiling() - best.packagePeak(), limits.packageCeiling())
                    + (tooLittle ? "; the board needs more heat from below than a board limit of "
                            + String.format(Locale.ROOT, "%.0f °C", boardLimit) + " allows, or a package classified"
                            + " hotter"
                            : "; the board, as hot as the package needs it, keeps the joints molten too long as it"
                                    + " cools: the board needs faster cooling than the station gives, or a wider"
                                    + " window"));
        }
        if (!proposal.sure()) {
            return new Development(fit, check, proposal, String.format(Locale.ROOT, "the fit is too unsure to propose"
                    + " settings: over its uncertainty the predicted peak spreads %.1f °C (at most %.0f) and the time"
                    + " above liquidus %.1f s (at most %.0f); run the board again with more thermocouples or a longer"
                    + " soak, and feed that record in too", proposal.peakSpread(), Proposal.WIDEST_PEAK,
                    proposal.talSpread(), Proposal.WIDEST_TAL));
        }
        return new Development(fit, check, proposal, null);
    }
}
