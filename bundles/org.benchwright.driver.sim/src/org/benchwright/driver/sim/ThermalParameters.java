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
 * The lumped parameters of one bench: board, component, joint, top heater and bottom emitter. Defaults of the three
 * scenarios of the thermal model (shared/domain/thermal-model.md); heater powers there are plausible, not sourced.
 *
 * @param name           scenario name for records
 * @param componentArea  m², under the nozzle jet
 * @param localArea      m², the board under the nozzle (local node)
 * @param boardArea      m², the whole board (bulk node)
 * @param cLocal         J/K, local board
 * @param cBulk          J/K, board bulk
 * @param gLocalBulk     W/K, local to bulk in-plane conduction
 * @param cComponent     J/K
 * @param cJoint         J/K, balls and pads
 * @param latentJoint    J, latent heat of the joint's solder
 * @param solidus        °C
 * @param liquidus       °C, the joint melts over solidus .. liquidus
 * @param gComponentJoint W/K
 * @param gJointLocal    W/K
 * @param topPower       W, top heater element
 * @param cTop           J/K, top heater and its air
 * @param airFlowCp      W/K, exhaust loss ṁcp
 * @param hJet           W/m²K, jet on the component
 * @param hRing          W/m²K, nozzle ring on the local board
 * @param bottomPower    W, bottom emitter
 * @param cBottom        J/K, bottom emitter (ceramic: slow)
 * @param emitterArea    m²
 * @param emitterLoss    W/K, emitter losses other than to the board
 * @param boardLossH     W/m²K, board losses to ambient (both faces)
 * @param sensorTau      s, thermocouple time constant
 * @param hFan           W/m²K, the cooling fan's ambient air on the component and the board under the nozzle at full
 *                       flow (forced convection: 25-250)
 */
public record ThermalParameters(String name, double componentArea, double localArea, double boardArea, double cLocal,
        double cBulk, double gLocalBulk, double cComponent, double cJoint, double latentJoint, double solidus,
        double liquidus, double gComponentJoint, double gJointLocal, double topPower, double cTop, double airFlowCp,
        double hJet, double hRing, double bottomPower, double cBottom, double emitterArea, double emitterLoss,
        double boardLossH, double sensorTau, double hFan) {

    /** Scenario A: an 0603 chip on a thin 100×80×0.8 mm board. */
    public static ThermalParameters chip0603() {
        return new ThermalParameters("chip-0603", 1.28e-6, 2.25e-4, 0.008, 0.38, 13.3, 0.051,
                0.003, 1.5e-4, 0.04, 217, 221, 0.02, 0.05, 1200, 30, 0.4, 250, 200, 800, 350, 0.02, 0.65, 28, 2, 60);
    }

    /** Scenario B: a 15×15 mm BGA on a 160×100×1.6 mm board. */
    public static ThermalParameters bga15() {
        return new ThermalParameters("bga-15mm", 2.25e-4, 6.25e-4, 0.016, 2.17, 53.3, 0.221, 0.49, 0.028, 7.0, 217,
                221, 0.25, 1.0, 1200, 60, 0.6, 180, 120, 1600, 700, 0.04, 1.3, 28, 2, 50);
    }

    /** Scenario C: a 35×35 mm BGA on a 250×200×2.4 mm board with heavy copper. */
    public static ThermalParameters bga35() {
        return new ThermalParameters("bga-35mm", 1.225e-3, 2.5e-3, 0.05, 13.9, 264, 1.07, 3.64, 0.26, 65, 217, 221,
                1.0, 4.0, 1200, 80, 1.0, 170, 110, 2400, 1050, 0.06, 1.9, 28, 2, 45);
    }

    /** The scenario of a name used in station configurations: chip-0603, bga-15mm or bga-35mm. */
    public static ThermalParameters named(String name) {
        return switch (name) {
        case "chip-0603" -> chip0603();
        case "bga-15mm" -> bga15();
        case "bga-35mm" -> bga35();
        default -> throw new IllegalArgumentException("unknown scenario '" + name
                + "'; use chip-0603, bga-15mm or bga-35mm");
        };
    }
}
