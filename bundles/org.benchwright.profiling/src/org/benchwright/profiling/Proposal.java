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
import java.util.Random;

import org.benchwright.driver.sim.ThermalParameters;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.model.ProfileLimits;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.ThermalProfile;

/**
 * The settings a fitted board runs best with: each candidate is run closed loop by the engine's own heat step on the
 * fitted board, and the one whose predicted Process Window Index is lowest wins, among those that complete with the
 * package at least {@link #PACKAGE_MARGIN} under its classification temperature. The search goes over one setting
 * at a time (bottom preheat together with how far it alone brings the joint, then the ramps' rates, then the peak
 * aim), twice. The winner is then run on boards drawn from the fit's uncertainty: how far their figures spread is how
 * sure the prediction is.
 *
 * @param settings   the proposed settings
 * @param profile    the library's profile with them
 * @param predicted  the proposed profile's run on the fitted board
 * @param baseline   the library profile's run on the fitted board, to compare with
 * @param peakSpread the predicted peak's standard deviation over the fit's uncertainty, °C
 * @param talSpread  the predicted time above liquidus' standard deviation, s
 * @param tried      how many runs the search predicted
 */
public record Proposal(ProfileSettings settings, ThermalProfile profile, ClosedLoopRun predicted,
        ClosedLoopRun baseline, double peakSpread, double talSpread, int tried) {

    /** How far under its classification temperature the package must stay in a proposed run, °C. */
    public static final double PACKAGE_MARGIN = 3;
    /** A peak spread beyond which the fit is too unsure to propose anything, °C. */
    public static final double WIDEST_PEAK = 3;
    /** A time-above-liquidus spread beyond which the fit is too unsure, s. */
    public static final double WIDEST_TAL = 8;
    static final int DRAWS = 6;
    /** What a predicted run the package override held back loses against one it did not, in PWI. */
    static final double HELD_BACK = 30;
    /** How far the bottom zone alone may bring the joint before the top heats, °C: none, or one of these. */
    static final double[] PREHEATS = { Double.NaN, 70, 85, 100, 115 };
    /** How far under the bottom zone's hold a preheat must end for the bottom zone alone to get the joint there, °C. */
    static final double PREHEAT_UNDER = 40;

    /** Whether the fit is sure enough of the proposal's figures to run it. */
    public boolean sure() {
        return peakSpread <= WIDEST_PEAK && talSpread <= WIDEST_TAL;
    }

    /**
     * Searches the settings of {@code library} for the fitted board.
     *
     * @param boardLimit the hottest the bottom zone may hold the board, °C (the laminate's Tg − 10 °C)
     * @param bottomZone what the station's bottom zone may be told, {min, max}, from the record; {@code null}: none
     */
    public static Proposal search(ThermalProfile library, BoardFit.Result fit, Limits limits, double boardLimit,
            double[] bottomZone) {
        ClosedLoopRun baseline = ClosedLoopRun.predict(library, library, fit.parameters(), limits, 1);
        Search search = explore(library, fit.parameters(), limits, boardLimit, bottomZone);
        // how sure: the winner on boards drawn from the fit's uncertainty
        Random random = new Random(17);
        List<Double> peaks = new ArrayList<>();
        List<Double> tals = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            ClosedLoopRun run = ClosedLoopRun.predict(search.best.apply(library), library, fit.draw(random), limits,
                    2 + i);
            peaks.add(run.result().completed() ? run.result().figures().peak() : run.run().peak("joint"));
            tals.add(run.result().completed() ? run.result().figures().timeAboveLiquidus() : 0);
        }
        return new Proposal(search.best, search.best.apply(library), search.bestRun, baseline, deviation(peaks),
                deviation(tals), search.tried + DRAWS + 1);
    }

    /**
     * The best settings of {@code library} on a board of known parameters, by the same search as {@link #search}: the
     * benchmark asks it of a board's hidden parameters, to tell a board no settings within the limits run well from one
     * the assistant missed.
     *
     * @return the best settings' run on that board
     */
    public static ClosedLoopRun best(ThermalProfile library, ThermalParameters board, Limits limits, double boardLimit,
            double[] bottomZone) {
        return explore(library, board, limits, boardLimit, bottomZone).bestRun;
    }

    private static Search explore(ThermalProfile library, ThermalParameters board, Limits limits, double boardLimit,
            double[] bottomZone) {
        ProfileSettings start = ProfileSettings.of(library);
        Search search = new Search(library, board, limits);
        search.consider(start);
        ReflowSegment reflow = reflow(library);
        double maxRamp = maxRampUp(library);
        List<Double> bottoms = new ArrayList<>();
        if (bottomZone != null) {
            for (double b = Math.max(bottomZone[0], 100); b <= Math.min(boardLimit, bottomZone[1]) + 1e-9; b += 10) {
                bottoms.add(b);
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            ProfileSettings s = search.best;
            for (double b : bottoms) {
                for (double p : PREHEATS) {
                    if (Double.isNaN(p) || p <= b - PREHEAT_UNDER) {
                        search.consider(new ProfileSettings(b, p, s.rampUp(), s.rampToPeak(), s.peakAim()));
                    }
                }
            }
            s = search.best;
            for (double rate : new double[] { 0.75, 1, 1.5, 2, 2.5 }) {
                if (rate <= 0.8 * maxRamp) {
                    search.consider(new ProfileSettings(s.bottom(), s.preheat(), rate, s.rampToPeak(), s.peakAim()));
                    search.consider(new ProfileSettings(s.bottom(), s.preheat(), s.rampUp(), rate, s.peakAim()));
                }
            }
            s = search.best;
            if (reflow != null) {
                double min = reflow.getPeak().getMin().celsius();
                double max = reflow.getPeak().getMax().celsius();
                for (double f : new double[] { 0.3, 0.4, 0.5, 0.6, 0.7 }) {
                    search.consider(new ProfileSettings(s.bottom(), s.preheat(), s.rampUp(), s.rampToPeak(),
                            min + f * (max - min)));
                }
            }
        }
        return search;
    }

    private static final class Search {
        final ThermalProfile library;
        final ThermalParameters board;
        final Limits limits;
        ProfileSettings best;
        ClosedLoopRun bestRun;
        double bestScore = Double.POSITIVE_INFINITY;
        int tried;
        final List<ProfileSettings> seen = new ArrayList<>();

        Search(ThermalProfile library, ThermalParameters board, Limits limits) {
            this.library = library;
            this.board = board;
            this.limits = limits;
        }

        void consider(ProfileSettings settings) {
            if (seen.contains(settings)) {
                return;
            }
            seen.add(settings);
            tried++;
            ClosedLoopRun run = ClosedLoopRun.predict(settings.apply(library), library, board, limits, 1);
            double score = score(run);
            if (best == null || score < bestScore) {
                best = settings;
                bestRun = run;
                bestScore = score;
            }
        }

        /**
         * The predicted PWI; a run that trips or comes near the package's Tc loses to any that does not, and one the
         * package override held back to one it did not.
         */
        private double score(ClosedLoopRun run) {
            if (!run.result().completed()) {
                return 1e6 - run.run().peak("joint");
            }
            double pkg = run.packagePeak();
            double over = Math.max(0, pkg - (limits.packageCeiling() - PACKAGE_MARGIN));
            // a run the package override had to hold back hangs on when it acts: on the real board it acts earlier
            // or later, and the figures follow; a run that needed no holding back is the surer
            double held = Double.isNaN(run.run().packageHeld()) ? 0 : HELD_BACK;
            return run.judgement().pwi() + held + (over > 0 ? 1e4 + 100 * over : 0);
        }
    }

    static ReflowSegment reflow(ThermalProfile profile) {
        return (ReflowSegment) profile.getSegments().stream().filter(ReflowSegment.class::isInstance).findFirst()
                .orElse(null);
    }

    private static double maxRampUp(ThermalProfile profile) {
        ProfileLimits limits = profile.getLimits();
        return limits != null && limits.getMaxRampUp() != null ? limits.getMaxRampUp().celsiusPerSecond() : 3;
    }

    private static double deviation(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sum = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return values.size() < 2 ? 0 : Math.sqrt(sum / (values.size() - 1));
    }
}
