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

/** Faults the simulated station can be told to develop, as real benches do. */
public enum SimFault {
    /** The joint thermocouple reads open circuit. */
    THERMOCOUPLE_OPEN,
    /** Every channel stops delivering samples, silently. */
    TELEMETRY_STOPS,
    /** The link to the station drops: commands fail, the station keeps its last settings. */
    LINK_LOST,
    /** The top heater stays at full power whatever it is told; only the mains contactor stops it. */
    HEATER_STUCK_ON,
    /** Channels now and then read spikes tens of degrees off. */
    NOISE_SPIKES
}
