/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.sim.tests;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.sim.SimClock;
import org.benchwright.driver.sim.SimFault;
import org.benchwright.driver.sim.SimStation;
import org.benchwright.driver.sim.ThermalParameters;
import org.benchwright.driver.testkit.StationConformanceKit;
import org.junit.jupiter.api.AfterEach;

/** The simulated station passes the same conformance kit as every driver; its link is lost by fault injection. */
class SimConformanceTest extends StationConformanceKit {

    private SimStation station;
    private SimClock clock;

    @Override
    protected Station createStation() {
        station = new SimStation(ThermalParameters.bga15(), 2);
        clock = new SimClock(station, 10);
        return station;
    }

    @Override
    protected void disconnect() {
        station.inject(SimFault.LINK_LOST);
    }

    @AfterEach
    void stopClock() {
        clock.close();
    }
}
