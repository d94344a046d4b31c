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
 * The cooling fan's loop while a heat step cools: the flow rises with how far the joint is above where the plan has
 * it {@link #AHEAD} seconds on, with an integral for what that leaves.
 *
 * <p>Not thread-safe: the heat step's control decision owns it.
 */
final class FanLoop {

    /** How far ahead on the cooling plan the loop looks, s. */
    static final double AHEAD = 2;
    /** Flow per °C the joint is above where the plan has it {@link #AHEAD} from now. */
    static final double KP = 0.12;
    /** Integral gain, flow per °C·s. */
    static final double KI = 0.02;

    private double integral;
    private double flow;

    /**
     * The flow to set, a fraction of the full flow.
     *
     * @param joint the joint now, °C
     * @param plan  the plan now and {@link #AHEAD} seconds on, °C
     * @param dt    seconds since the last decision
     */
    double flow(double joint, double plan, double planAhead, double dt) {
        integral = Math.max(0, Math.min(1, integral + KI * (joint - plan) * dt));
        flow = Math.max(0, Math.min(1, KP * (joint - planAhead) + integral));
        return flow;
    }

    /** Off: the step is over. */
    double off() {
        flow = 0;
        return flow;
    }

    /** The flow last set. */
    double flow() {
        return flow;
    }
}
