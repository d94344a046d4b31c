/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.heat;

/**
 * What share of the hot air's excess over the board reaches the joint, learned while a heat step runs. Near steady
 * state the joint sits between the air and the board: {@code joint - board = share * (air - board)}, with the air seen
 * through the lag of the part and its thermocouple. The share is 0.25-0.5 on the thermal model's boards (a small part
 * on a thin board takes much of the air's heat, a large package on heavy copper little), so no fixed feed-forward
 * fits them all. A least-squares fit with forgetting, run for several lags at once, keeps the share of the lag that
 * explains the joint best; before the air has been much hotter than the board, a prior holds it near
 * {@link #PRIOR}.
 *
 * <p>Not thread-safe: the heat step's control decision owns it.
 */
final class AirShare {

    /** The share a step starts from. */
    static final double PRIOR = 0.35;
    /** How long the fit remembers, s. */
    static final double MEMORY = 60;
    /** The prior weighs as much as this many seconds of data at an air 50 °C over the board. */
    static final double PRIOR_SECONDS = 20;
    /** The lags tried, s. */
    private static final double[] LAGS = { 1, 2, 3, 4, 6, 8, 10, 14 };
    /** Only air at least this much hotter than the board tells the share, °C. */
    private static final double TELLING = 20;

    private final double[] lagged = new double[LAGS.length];
    private final double[] sxx = new double[LAGS.length];
    private final double[] sxy = new double[LAGS.length];
    private final double[] syy = new double[LAGS.length];
    private boolean started;
    private int best;

    /** Takes one sample: the zone's air, the joint and the board, °C, {@code dt} seconds after the last. */
    void learn(double air, double joint, double board, double dt) {
        if (!started) {
            started = true;
            double x = 50;
            double weight = PRIOR_SECONDS / Math.max(dt, 1e-3);
            for (int i = 0; i < LAGS.length; i++) {
                lagged[i] = joint;
                sxx[i] = weight * x * x;
                sxy[i] = weight * x * x * PRIOR;
                syy[i] = weight * x * x * PRIOR * PRIOR;
            }
        }
        double y = joint - board;
        double forget = Math.exp(-dt / MEMORY);
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < LAGS.length; i++) {
            lagged[i] += (air - lagged[i]) * Math.min(1, dt / LAGS[i]);
            double x = lagged[i] - board;
            if (x > TELLING) {
                sxx[i] = forget * sxx[i] + x * x;
                sxy[i] = forget * sxy[i] + x * y;
                syy[i] = forget * syy[i] + y * y;
            }
            double residual = syy[i] - sxy[i] * sxy[i] / sxx[i];
            if (residual < least) {
                least = residual;
                best = i;
            }
        }
    }

    /** The share learned so far, within 0.1 .. 0.9. */
    double share() {
        return started ? Math.max(0.1, Math.min(0.9, sxy[best] / sxx[best])) : PRIOR;
    }
}
