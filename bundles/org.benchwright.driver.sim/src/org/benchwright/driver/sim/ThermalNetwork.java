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

/**
 * The true temperatures of a bench, integrated in time: top heater air, bottom emitter, component, joint, local
 * board and board bulk. The joint melts over its solidus-liquidus range (apparent heat capacity) and, its capacity
 * being tiny, is integrated implicitly; the other nodes explicitly.
 */
public final class ThermalNetwork {

    static final double AMBIENT = 25;
    private static final double SIGMA = 5.670374419e-8;
    private static final double EMISSIVITY_VIEW = 0.55;
    /** What a still element loses, as a fraction of what the blower's flow takes from it. */
    private static final double STILL_LOSS = 0.1;

    private final ThermalParameters p;
    double air = AMBIENT;
    double emitter = AMBIENT;
    double component = AMBIENT;
    double joint = AMBIENT;
    double local = AMBIENT;
    double bulk = AMBIENT;

    public ThermalNetwork(ThermalParameters parameters) {
        this.p = parameters;
    }

    public ThermalParameters parameters() {
        return p;
    }

    /**
     * Advances by {@code dt} seconds with the heaters at the given fractions of their power, the nozzle blowing or not,
     * and the cooling fan at the given fraction of its flow (0..1).
     *
     * @param jet whether the nozzle's blower runs: without it the element keeps its heat (it loses a tenth of what the
     *            flow takes) and the nozzle delivers nothing
     */
    public void step(double dt, double topFraction, double bottomFraction, double fanFraction, boolean jet) {
        double qTop = clamp(topFraction) * p.topPower();
        double qBottom = clamp(bottomFraction) * p.bottomPower();

        // top: the element heats the air; the air leaves through the nozzle, delivering part of its heat
        double flow = jet ? 1 : 0;
        double exhaust = (jet ? 1 : STILL_LOSS) * p.airFlowCp() * (air - AMBIENT);
        double toComponent = flow * p.hJet() * p.componentArea() * (air - component);
        double toLocal = flow * p.hRing() * (p.localArea() - p.componentArea()) * (air - local);
        double delivered = toComponent + toLocal;
        if (delivered > exhaust && delivered > 0) {
            toComponent *= exhaust / delivered;
            toLocal *= exhaust / delivered;
        }
        // bottom: the emitter radiates to the board, the local part in proportion to its area
        double radiated = SIGMA * EMISSIVITY_VIEW * p.emitterArea() * (pow4(emitter) - pow4(bulk));
        double localShare = p.localArea() / p.boardArea();
        double componentToJoint = p.gComponentJoint() * (component - joint);
        // the fan: ambient air on the component and on the board around it
        double fan = clamp(fanFraction) * p.hFan();
        double fanComponent = fan * p.componentArea() * (component - AMBIENT);
        double fanLocal = fan * (p.localArea() - p.componentArea()) * (local - AMBIENT);

        double nextAir = air + dt * (qTop - exhaust) / p.cTop();
        double nextEmitter = emitter + dt * (qBottom - radiated - p.emitterLoss() * (emitter - AMBIENT)) / p.cBottom();
        double nextComponent = component + dt * (toComponent - componentToJoint - fanComponent) / p.cComponent();
        double nextLocal = local + dt * (toLocal + localShare * radiated + p.gJointLocal() * (joint - local)
                - p.gLocalBulk() * (local - bulk) - p.boardLossH() * p.localArea() * (local - AMBIENT) - fanLocal) / p.cLocal();
        double nextBulk = bulk + dt * ((1 - localShare) * radiated + p.gLocalBulk() * (local - bulk)
                - p.boardLossH() * p.boardArea() * (bulk - AMBIENT)) / p.cBulk();

        // joint: implicit in its own temperature, with the latent heat spread over the melting range
        double c = jointCapacity(joint);
        double g = p.gComponentJoint() + p.gJointLocal();
        joint = (c / dt * joint + p.gComponentJoint() * component + p.gJointLocal() * local) / (c / dt + g);

        air = nextAir;
        emitter = nextEmitter;
        component = nextComponent;
        local = nextLocal;
        bulk = nextBulk;
    }

    private double jointCapacity(double t) {
        boolean melting = t >= p.solidus() && t <= p.liquidus();
        return p.cJoint() + (melting ? p.latentJoint() / (p.liquidus() - p.solidus()) : 0);
    }

    public double air() {
        return air;
    }

    public double emitter() {
        return emitter;
    }

    public double component() {
        return component;
    }

    public double joint() {
        return joint;
    }

    public double boardLocal() {
        return local;
    }

    public double boardBulk() {
        return bulk;
    }

    private static double clamp(double fraction) {
        return Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    }

    private static double pow4(double celsius) {
        double k = celsius + 273.15;
        return k * k * k * k;
    }
}
