/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A station's cooling fan: it blows ambient air onto the component and the board under the nozzle, so that the joints
 * come down from the peak at the profile's cooling rate instead of as slowly as a hot nozzle and board let them (the
 * thermal model: passive cooling lags a 1.7 °C/s plan by 10-20 °C). The engine drives it as a fraction of its full
 * flow while a heat step cools and turns it off when the step ends. It heats nothing, so a safe state may leave it
 * running.
 */
@ConsumerType
public interface Cooler {

    /** A name for records and messages, for example "fan". */
    String id();

    /**
     * Sets the fan's flow.
     *
     * @param fraction of its full flow, 0 (off) .. 1; the station clamps it to what the fan can do
     * @throws StationException when the device does not take it
     */
    void setFlow(double fraction) throws StationException;

    /** The flow last set, as a fraction of the full flow. */
    double flow();
}
