/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.sim;

import java.util.Random;

/**
 * A type K thermocouple and its converter: first-order lag, a fixed offset (class 1: within ±1.5 °C), Gaussian noise
 * and 0.25 °C quantisation, as in the thermal model's sensor figures.
 */
final class Thermocouple {

    private static final double QUANTUM = 0.25;
    private static final double NOISE = 0.25;

    private final double tau;
    private final double offset;
    private final Random random;
    private double reading = Double.NaN;

    /**
     * @param offsets whether it reads with a fixed offset drawn within the class's tolerance, as a real one does
     */
    Thermocouple(double tau, Random random, boolean offsets) {
        this.tau = tau;
        this.random = random;
        double draw = (random.nextDouble() * 2 - 1) * 1.5;
        this.offset = offsets ? draw : 0;
    }

    /** Follows the true temperature for {@code dt} seconds. */
    void follow(double truth, double dt) {
        reading = Double.isNaN(reading) ? truth : reading + (truth - reading) * (1 - Math.exp(-dt / tau));
    }

    /** What the converter reports now. */
    double read() {
        double value = reading + offset + random.nextGaussian() * NOISE;
        return Math.round(value / QUANTUM) * QUANTUM;
    }
}
