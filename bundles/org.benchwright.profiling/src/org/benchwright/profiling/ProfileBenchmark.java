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
import org.benchwright.model.ThermalProfile;

/**
 * The assistant against simulated boards it has never seen: each board is a reference scenario with every thermal
 * parameter scaled by its own hidden factor in 0.7..1.3. Starting from the library's profile, a board runs, the
 * assistant learns it from the record alone and proposes the next run's profile, until a run is good (every figure
 * in its window, PWI at most 60, no interlock, the package under Tc) or three runs have not been.
 */
public final class ProfileBenchmark {

    /** The PWI a good run has at most. */
    public static final double GOOD_PWI = 60;
    /** The runs a board gets. */
    public static final int MOST_RUNS = 3;

    /** A scenario: a reference board, its library profile and its package's Tc. */
    public record Scenario(String board, ThermalProfile profile, double tc) {
    }

    /**
     * One board's trials.
     *
     * @param runs        how many runs until a good one; 0 when none of {@link #MOST_RUNS} was
     * @param pwis        each run's PWI on the library's windows (NaN: it did not complete)
     * @param tripped     whether any run tripped an interlock
     * @param peakError   the last prediction's peak error, predicted minus measured, °C (NaN: none)
     * @param talError    its time above liquidus error, s
     * @param tracking    each run's tracking error, {RMS, max}, °C
     * @param refusals    what the assistant refused to propose, and why
     * @param runnable    whether good settings exist for the board within the limits: it had a good run,
     *                    or the assistant's own search, run on the board's hidden parameters instead of a fit, finds
     *                    settings that run it well with the package {@link Proposal#PACKAGE_MARGIN} under its Tc
     */
    public record Board(String scenario, int runs, List<Double> pwis, boolean tripped, double peakError,
            double talError, List<double[]> tracking, List<String> refusals, boolean runnable) {
    }

    private ProfileBenchmark() {
    }

    /** A board around {@code reference}: each parameter but the alloy's melting range scaled by 0.7..1.3. */
    public static ThermalParameters draw(ThermalParameters reference, Random random) {
        double[] theta = new double[BoardFit.FITTED.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.log(0.7 + 0.6 * random.nextDouble());
        }
        return BoardFit.scaled(reference, theta);
    }

    /** Runs one board: the library's profile first, then what the assistant proposes. */
    public static Board trial(Scenario scenario, ThermalParameters board, long seed, double boardLimit) {
        ThermalProfile library = scenario.profile();
        Limits limits = ProfileDevelopment.limits(library, scenario.tc());
        List<ProfileDevelopment.Run> runs = new ArrayList<>();
        List<Double> pwis = new ArrayList<>();
        List<double[]> tracking = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        boolean tripped = false;
        double peakError = Double.NaN;
        double talError = Double.NaN;
        ThermalProfile next = library;
        for (int n = 1; n <= MOST_RUNS; n++) {
            ClosedLoopRun run = ClosedLoopRun.of(next, library, board, limits, seed + n);
            runs.add(new ProfileDevelopment.Run(run.run(), next));
            pwis.add(run.judgement() == null ? Double.NaN : run.judgement().pwi());
            tripped |= run.result().fault() != null;
            double[] t = run.run().tracking();
            if (t != null) {
                tracking.add(t);
            }
            boolean good = run.good(GOOD_PWI) && run.packagePeak() < scenario.tc();
            if (good || n == MOST_RUNS) {
                if (runs.size() > 1) {
                    ProfileDevelopment.Check check = ProfileDevelopment.check(library, runs, limits);
                    if (check != null && check.predicted() != null && check.measured() != null) {
                        peakError = check.predicted().peak() - check.measured().peak();
                        talError = check.predicted().timeAboveLiquidus() - check.measured().timeAboveLiquidus();
                    }
                }
                return new Board(scenario.board(), good ? n : 0, pwis, tripped, peakError, talError, tracking,
                        refusals, good || runnable(scenario, board, limits, boardLimit, runs));
            }
            ProfileDevelopment.Development development;
            try {
                development = ProfileDevelopment.develop(library, runs, limits, boardLimit);
            } catch (IllegalArgumentException e) {
                refusals.add(e.getMessage());
                return new Board(scenario.board(), 0, pwis, tripped, peakError, talError, tracking, refusals,
                        runnable(scenario, board, limits, boardLimit, runs));
            }
            if (development.check() != null && development.check().predicted() != null
                    && development.check().measured() != null) {
                peakError = development.check().predicted().peak() - development.check().measured().peak();
                talError = development.check().predicted().timeAboveLiquidus()
                        - development.check().measured().timeAboveLiquidus();
            }
            if (development.refusal() != null) {
                // an engineer runs nothing the assistant would not propose: the board stops here
                refusals.add(development.refusal());
                return new Board(scenario.board(), 0, pwis, tripped, peakError, talError, tracking, refusals,
                        runnable(scenario, board, limits, boardLimit, runs));
            }
            next = development.proposal().profile();
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Whether settings within the limits run {@code board} well, found by the assistant's search on the board's
     * hidden parameters: what the assistant would propose if its fit were perfect.
     */
    static boolean runnable(Scenario scenario, ThermalParameters board, Limits limits, double boardLimit,
            List<ProfileDevelopment.Run> runs) {
        ClosedLoopRun best = Proposal.best(scenario.profile(), board, limits, boardLimit,
                runs.get(0).run().zones().get("bottom"));
        return best.good(GOOD_PWI) && best.packagePeak() <= scenario.tc() - Proposal.PACKAGE_MARGIN;
    }
}
