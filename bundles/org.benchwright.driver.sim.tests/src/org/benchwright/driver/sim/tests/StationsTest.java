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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.StationFactory;
import org.benchwright.driver.api.Stations;
import org.benchwright.driver.testkit.Await;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** The installed drivers as {@link Stations} finds them: each got once, followed as drivers come and go. */
class StationsTest {

    @Test
    void lookingDriversUpManyTimesGetsEachOnceAndFollowsThemComingAndGoing() throws StationException {
        BundleContext test = FrameworkUtil.getBundle(StationsTest.class).getBundleContext();
        BundleContext api = FrameworkUtil.getBundle(Stations.class).getBundleContext();
        Dictionary<String, Object> ranking = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100));
        StationFactory probe = new Probe();
        ServiceRegistration<StationFactory> registration = test.registerService(StationFactory.class, probe, ranking);
        try {
            Await.until(() -> Stations.factories().containsKey("probe"), "a new driver is not found");
            for (int i = 0; i < 50; i++) { // a bench lists its stations, opens one, reloads its procedures...
                assertSame(probe, Stations.factories().get("probe"));
                Stations.installed();
            }
            assertTrue(Stations.factories().containsKey("sim"), "the simulator: " + Stations.factories().keySet());
            // the API bundle's use count of the service: each ungetService that returns true releases one use
            int uses = 0;
            while (api.ungetService(registration.getReference()) && uses < 1000) {
                uses++;
            }
            assertEquals(1, uses, "the driver service was got " + uses + " times for 51 look-ups");
        } finally {
            registration.unregister();
        }
        Await.until(() -> !Stations.factories().containsKey("probe"), "a driver that went away is still offered");
        assertFalse(Stations.factories().containsKey("probe"));
    }

    /** A driver of its own type, registered by the test. */
    private static final class Probe implements StationFactory {
        @Override
        public String type() {
            return "probe";
        }

        @Override
        public Station open(Map<String, String> configuration) throws StationException {
            throw new StationException("probe: opens nothing");
        }
    }
}
