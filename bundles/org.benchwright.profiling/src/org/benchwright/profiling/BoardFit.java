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

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.sim.SimStation;
import org.benchwright.driver.sim.ThermalNetwork;
import org.benchwright.driver.sim.ThermalParameters;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * A board's thermal parameters learned from a recorded heat step. The model is the lumped network of the thermal
 * model (shared/domain/thermal-model.md): heater air, bottom emitter, package, joint, local board and board bulk,
 * with the station's zones holding what the record says they were told. Its parameters are fitted as factors on a
 * prior board (the nearest of the three reference scenarios) by Levenberg-Marquardt on the recorded joint, package,
 * board and air temperatures, with a prior that keeps a factor the record cannot tell near one. The covariance of
 * the factors at the optimum gives each parameter's uncertainty.
 */
public final class BoardFit {

    /** The parameters fitted: everything of the board, the package and the heaters but the alloy's melting range. */
    static final List<String> FITTED = List.of("componentArea", "localArea", "cLocal", "cBulk", "gLocalBulk",
            "cComponent", "latentJoint", "gComponentJoint", "gJointLocal", "topPower", "cTop", "airFlowCp", "hJet",
            "hRing", "bottomPower", "cBottom", "emitterArea", "emitterLoss", "boardLossH", "sensorTau", "hFan");
    /** How far a factor strays from one before the prior pulls it back: a standard deviation of its logarithm. */
    static final double PRIOR = 0.25;
    /** The thermocouples' uncertainty, °C (class 1 tolerance and noise). */
    static final double SENSOR = 1.0;
    /** Seconds between the residuals compared. */
    static final double STRIDE = 1.0;
    /** The shortest record worth fitting, s. */
    static final double SHORTEST = 120;

    /**
     * The outcome of a fit.
     *
     * @param parameters   the board's fitted parameters
     * @param sigma        each fitted factor's standard deviation, as a fraction (0.1: ±10 %), in {@link #FITTED}
     *                     order
     * @param prior        the reference scenario the fit started from
     * @param rms          the fit's residual on the last step, °C RMS, per channel (joint, package, board, air)
     * @param covariance   of the logarithms of the factors
     * @param logFactors   the fitted logarithms
     */
    public record Result(ThermalParameters parameters, double[] sigma, String prior, double[] rms,
            double[][] covariance, double[] logFactors) {

        /** Draws a board from the fit's uncertainty, for predictions that show how sure they are. */
        public ThermalParameters draw(java.util.Random random) {
            int n = logFactors.length;
            // Cholesky of the covariance, regularized: the draw needs only the shape
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = covariance[i][j];
                    for (int k = 0; k < j; k++) {
                        sum -= l[i][k] * l[j][k];
                    }
                    l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
                }
            }
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = random.nextGaussian();
            }
            double[] theta = logFactors.clone();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k <= i; k++) {
                    theta[i] += l[i][k] * z[k];
                }
            }
            return scaled(BoardFit.prior(prior), theta);
        }
    }

    private BoardFit() {
    }

    /** The names of the parameters fitted, in the order of a result's factors. */
    public static List<String> fitted() {
        return FITTED;
    }

    /** A recorded heat step and the bottom zone's hold it ran with, °C ({@code NaN}: none). */
    public record Recorded(HeatRun run, double bottom) {
    }

    /**
     * Fits the board of one or more recorded steps (a first run, and the confirmation runs after it): every step's
     * residuals count.
     *
     * @throws IllegalArgumentException naming what a record lacks when it cannot be fitted
     */
    public static Result fit(List<Recorded> runs) {
        List<Replay> replays = new ArrayList<>();
        for (Recorded recorded : runs) {
            replays.add(new Replay(check(recorded.run()), recorded.bottom()));
        }
        // the nearest reference scenario is the prior
        String best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (String name : List.of("chip-0603", "bga-15mm", "bga-35mm")) {
            double cost = cost(residuals(replays, prior(name), new double[FITTED.size()]));
            if (cost < bestCost) {
                bestCost = cost;
                best = name;
            }
        }
        ThermalParameters start = prior(best);
        int n = FITTED.size();
        int size = replays.stream().mapToInt(Replay::size).sum() + n;
        LeastSquaresBuilder builder = new LeastSquaresBuilder().start(new double[n]).target(new double[size])
                .maxEvaluations(200).maxIterations(40).model(theta -> valueAndJacobian(replays, start, theta));
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-4)
                .withParameterRelativeTolerance(1e-3).optimize(builder.build());
        double[] theta = optimum.getPoint().toArray();
        RealMatrix covariance = optimum.getCovariances(1e-12);
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.expm1(Math.sqrt(Math.max(0, covariance.getEntry(i, i))));
        }
        ThermalParameters fitted = scaled(start, theta);
        return new Result(fitted, sigma, best, replays.get(replays.size() - 1).rms(fitted), covariance.getData(), theta);
    }

    private static HeatRun check(HeatRun run) {
        List<String> missing = new ArrayList<>();
        for (String channel : List.of("joint", "package", "air-setpoint")) {
            if (run.channel(channel) == null) {
                missing.add(channel);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(run.source() + ": the record has no " + String.join(", ", missing)
                    + " telemetry (a heat step recorded before the station's channels were kept, or a station without"
                    + " a package thermocouple): a board cannot be learned from it");
        }
        if (run.duration() < SHORTEST) {
            throw new IllegalArgumentException(run.source() + ": the step ran " + Math.round(run.duration())
                    + " s; at least " + Math.round(SHORTEST) + " s of heating are needed to learn a board");
        }
        return run;
    }

    private static double[] residuals(List<Replay> replays, ThermalParameters board, double[] theta) {
        double[] all = new double[replays.stream().mapToInt(Replay::size).sum() + theta.length];
        int at = 0;
        for (Replay replay : replays) {
            double[] r = replay.residuals(board);
            System.arraycopy(r, 0, all, at, r.length);
            at += r.length;
        }
        for (int i = 0; i < theta.length; i++) {
            all[at + i] = theta[i] / PRIOR;
        }
        return all;
    }

    private static double cost(double[] residuals) {
        double sum = 0;
        for (double r : residuals) {
            sum += r * r;
        }
        return sum;
    }

    private static Pair<RealVector, RealMatrix> valueAndJacobian(List<Replay> replays, ThermalParameters start,
            RealVector point) {
        double[] theta = point.toArray();
        int n = theta.length;
        double[] value = residuals(replays, scaled(start, theta), theta);
        double step = 1e-3;
        double[][] columns = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] moved = theta.clone();
            moved[i] += step;
            columns[i] = residuals(replays, scaled(start, moved), moved);
        });
        double[][] jacobian = new double[value.length][n];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < value.length; r++) {
                jacobian[r][i] = (columns[i][r] - value[r]) / step;
            }
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }

    static ThermalParameters prior(String name) {
        return ThermalParameters.named(name);
    }

    /** {@code board} with each fitted parameter multiplied by e to the power of its {@code theta}. */
    static ThermalParameters scaled(ThermalParameters board, double[] theta) {
        try {
            RecordComponent[] components = ThermalParameters.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(board);
                types[i] = components[i].getType();
                int fitted = FITTED.indexOf(components[i].getName());
                if (fitted >= 0) {
                    values[i] = (Double) values[i] * Math.exp(theta[fitted]);
                }
            }
            Constructor<ThermalParameters> constructor = ThermalParameters.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the thermal parameters cannot be rebuilt", e);
        }
    }

    /**
     * The recorded step played again open loop on a model board: the top zone told what the record says it was told
     * (off where it says 0), the cooling fan at the flow it recorded, the bottom zone holding the profile's setpoint while the record shows it on; the model's temperatures, seen
     * through thermocouples as slow as the model's, compared with the record's every {@link #STRIDE} seconds.
     */
    static final class Replay {
        private static final String[] CHANNELS = { "joint", "package", "board", "air" };
        private final double[] times;
        private final double[] setpoints;
        /** the fan's flow as recorded, {times, fractions}; {@code null}: the station had no fan */
        private final double[][] fan;
        private final double bottomUntil;
        private final double bottom;
        /** per compared time and channel: the recorded value, NaN where the record has none */
        private final double[][] measured;

        Replay(HeatRun run, double bottom) {
            this.bottom = bottom;
            double[][] set = run.channel("air-setpoint");
            times = set[0];
            setpoints = set[1];
            fan = run.channel("fan");
            double[][] bottomSamples = run.channel("bottom");
            bottomUntil = bottomSamples == null ? (Double.isNaN(bottom) ? 0 : run.duration())
                    : bottomSamples[0][bottomSamples[0].length - 1];
            int count = (int) Math.floor(times[times.length - 1] / STRIDE);
            measured = new double[count][CHANNELS.length];
            for (int c = 0; c < CHANNELS.length; c++) {
                double[][] samples = run.channel(CHANNELS[c]);
                for (int k = 0; k < count; k++) {
                    measured[k][c] = samples == null ? Double.NaN : at(samples, (k + 1) * STRIDE);
                }
            }
        }

        int size() {
            return measured.length * CHANNELS.length;
        }

        double[] residuals(ThermalParameters board) {
            double[][] model = play(board);
            double[] residuals = new double[size()];
            for (int k = 0; k < measured.length; k++) {
                for (int c = 0; c < CHANNELS.length; c++) {
                    double m = measured[k][c];
                    residuals[k * CHANNELS.length + c] = Double.isNaN(m) ? 0
                            : (model[k][c] - m) / (c == 3 ? 2 * SENSOR : SENSOR);
                }
            }
            return residuals;
        }

        /** The RMS of the model's difference to the record, per channel, °C. */
        double[] rms(ThermalParameters board) {
            double[][] model = play(board);
            double[] rms = new double[CHANNELS.length];
            int[] n = new int[CHANNELS.length];
            for (int k = 0; k < measured.length; k++) {
                for (int c = 0; c < CHANNELS.length; c++) {
                    if (!Double.isNaN(measured[k][c])) {
                        double d = model[k][c] - measured[k][c];
                        rms[c] += d * d;
                        n[c]++;
                    }
                }
            }
            for (int c = 0; c < rms.length; c++) {
                rms[c] = n[c] == 0 ? Double.NaN : Math.sqrt(rms[c] / n[c]);
            }
            return rms;
        }

        private double[][] play(ThermalParameters board) {
            double[][] out = new double[measured.length][CHANNELS.length];
            try (SimStation station = new SimStation(board, 0)) {
                HeaterZone top = station.zone(ZoneRole.TOP);
                HeaterZone bottomZone = station.zone(ZoneRole.BOTTOM);
                if (!Double.isNaN(bottom) && bottomZone != null) {
                    bottomZone.setSetpoint(clamp(bottomZone, bottom));
                }
                station.advance(SimStation.SAMPLE_PERIOD); // the step's first joint sample comes one period in
                ThermalNetwork network = station.network();
                double tau = board.sensorTau();
                double joint = network.joint();
                double pkg = network.component();
                double bulk = network.boardBulk();
                double t = 0;
                int next = 0;
                int nextFan = 0;
                int k = 0;
                double dt = 0.05;
                while (k < measured.length) {
                    while (next < times.length && times[next] <= t + 1e-9) {
                        if (setpoints[next] < top.minCelsius()) {
                            top.off(); // the record's 0: the zone was off
                        } else {
                            top.setSetpoint(clamp(top, setpoints[next]));
                        }
                        next++;
                    }
                    while (fan != null && nextFan < fan[0].length && fan[0][nextFan] <= t + 1e-9) {
                        station.cooler().setFlow(fan[1][nextFan]);
                        nextFan++;
                    }
                    if (bottomZone != null && bottomZone.isOn() && t >= bottomUntil) {
                        bottomZone.off();
                    }
                    station.advance(dt);
                    t += dt;
                    double a = 1 - Math.exp(-dt / tau);
                    joint += (network.joint() - joint) * a;
                    pkg += (network.component() - pkg) * a;
                    bulk += (network.boardBulk() - bulk) * a;
                    if (t >= (k + 1) * STRIDE - 1e-9) {
                        out[k] = new double[] { joint, pkg, bulk, network.air() };
                        k++;
                    }
                }
            } catch (StationException e) {
                throw new IllegalStateException("the model station refused a setpoint: " + e.getMessage(), e);
            }
            return out;
        }

        private static double clamp(HeaterZone zone, double celsius) {
            return Math.max(zone.minCelsius(), Math.min(zone.maxCelsius(), celsius));
        }

        /** The sample at or just before {@code t}. */
        private static double at(double[][] samples, double t) {
            int i = java.util.Arrays.binarySearch(samples[0], t);
            i = i >= 0 ? i : Math.max(0, -i - 2);
            return samples[1][i];
        }
    }
}
