/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.benchwright.engine.heat.SpikeFilter;
import org.junit.jupiter.api.Test;

/** A thermocouple's spikes taken out, its real changes kept, as control and the interlocks read it. */
class SpikeFilterTest {

    @Test
    void aRampPassesAsItIsWithoutDelay() {
        SpikeFilter filter = new SpikeFilter(0.25);
        for (int i = 0; i < 100; i++) {
            double t = 25 + 3 * 0.25 * i; // 3 °C/s
            assertEquals(t, filter.add(t), 1e-9);
        }
    }

    @Test
    void twoSpikesAmongThreeReadingsAreHeldBack() {
        SpikeFilter filter = new SpikeFilter(0.25);
        filter.add(240);
        // a median of three reads 290 here: the package interlock tripped on it
        assertEquals(240, filter.add(292), 1e-9);
        assertEquals(240.5, filter.add(240.5), 1e-9);
        assertEquals(240.5, filter.add(288), 1e-9);
        assertEquals(240.5, filter.add(298), 1e-9);
        assertEquals(241, filter.add(241), 1e-9);
        // spikes either side, in a row, never agree on a level
        for (int i = 0; i < 10; i++) {
            assertEquals(241, filter.add(i % 2 == 0 ? 290 : 190), 1e-9);
        }
    }

    @Test
    void aRealJumpIsTakenOnceThreeReadingsAgree() {
        SpikeFilter filter = new SpikeFilter(0.25);
        filter.add(100);
        assertEquals(100, filter.add(160), 1e-9);
        assertEquals(100, filter.add(161), 1e-9);
        assertEquals(162, filter.add(162), 1e-9);
        assertEquals(163, filter.add(163), 1e-9);
    }

    @Test
    void aSlowerMeterAllowsTheChangeItsPeriodAllows() {
        SpikeFilter filter = new SpikeFilter(0.5);
        filter.add(200);
        assertEquals(209, filter.add(209), 1e-9, "20 °C/s over 0.5 s");
        assertEquals(209, filter.add(225), 1e-9);
    }
}
