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

/** A zone's own proportional-integral controller, with its integral clamped so that it does not wind up. */
final class PiController {

    private final double kp;
    private final double ki;
    private double integral;

    PiController(double kp, double ki) {
        this.kp = kp;
        this.ki = ki;
    }

    /** The heater fraction 0..1 for this error, after {@code dt} seconds. */
    double output(double setpoint, double measured, double dt) {
        double error = setpoint - measured;
        double proportional = kp * error;
        integral = Math.max(-1, Math.min(1, integral + ki * error * dt));
        if (proportional + integral > 1 || proportional + integral < 0) {
            integral -= ki * error * dt; // hold the integral while saturated
        }
        return Math.max(0, Math.min(1, proportional + integral));
    }

    void reset() {
        integral = 0;
    }
}
