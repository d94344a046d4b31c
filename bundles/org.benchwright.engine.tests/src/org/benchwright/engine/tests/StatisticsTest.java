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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.benchwright.engine.stats.Figures;
import org.benchwright.engine.stats.Point;
import org.benchwright.engine.stats.ProcessWindow;
import org.benchwright.engine.stats.ProcessWindow.Judgement;
import org.benchwright.engine.stats.ProfileStatistics;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.ProfileLimits;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.TemperatureWindow;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.TimeWindow;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.junit.jupiter.api.Test;

/** The figures and the Process Window Index of a run, on a joint trace whose answers are known. */
class StatisticsTest {

    /** 25 °C, ramp 1 °C/s to 240 °C (215 s), hold 20 s, cool 2 °C/s to 100 °C (70 s); sampled at 4 Hz. */
    private static List<Point> trace() {
        List<Point> points = new ArrayList<>();
        for (double t = 0; t <= 305; t += 0.25) {
            double c = t <= 215 ? 25 + t : t <= 235 ? 240 : 240 - 2 * (t - 235);
            points.add(new Point(t, c));
        }
        return points;
    }

    @Test
    void figuresOfAKnownTrace() {
        Figures f = ProfileStatistics.of(trace(), 220, 5, 150, 180);
        assertEquals(240, f.peak(), 1e-9);
        assertEquals(20 + 20 + 10, f.timeAboveLiquidus(), 0.01); // 20 s rising, 20 s hold, 10 s falling
        assertEquals(1, f.maxRampUp(), 1e-9);
        assertEquals(2, f.maxRampDown(), 1e-9);
        assertEquals(5 + 20 + 2.5, f.timeNearPeak(), 0.01);
        assertEquals(30, f.soakTime(), 0.01); // on the way up only, not again while cooling
        assertEquals(215, f.timeToPeak(), 1e-9);
    }

    @Test
    void kicIndexIsTheDistanceFromTheCentreInHalfWidths() {
        assertEquals(0, ProcessWindow.index(240, 235, 245), 1e-9);
        assertEquals(100, ProcessWindow.index(245, 235, 245), 1e-9);
        assertEquals(120, ProcessWindow.index(246, 235, 245), 1e-9);
        assertEquals(50, ProcessWindow.index(1.5, 0, 2), 1e-9);
    }

    @Test
    void aRunInsideEveryWindowHasAPwiBelow100() {
        Judgement j = ProcessWindow.judge(ProfileStatistics.of(trace(), 220, 5, 150, 180), profile(235, 245, 40, 70));
        // peak 240 in 235..245: 0; TAL 50 s in 40..70: 66.7; ramp-up 1 of 0..3: 33.3; ramp-down 2 of 0..6: 33.3;
        // near peak 27.5 s of 0..30: 83.3
        assertEquals(83.33, j.pwi(), 0.05);
        assertTrue(j.inside());
        assertEquals(5, j.statistics().size());
    }

    @Test
    void aRunOutsideAWindowHasAPwiAbove100() {
        Judgement j = ProcessWindow.judge(ProfileStatistics.of(trace(), 220, 5, 150, 180), profile(235, 245, 60, 90));
        assertFalse(j.inside());
        assertEquals(166.67, j.pwi(), 0.05); // TAL 50 s in 60..90: |50 - 75| / 15
        assertTrue(j.statistics().stream().anyMatch(s -> s.statistic().equals("time above liquidus") && !s.inside()));
    }

    private static ThermalProfile profile(double peakMin, double peakMax, double talMin, double talMax) {
        BenchwrightFactory f = BenchwrightFactory.eINSTANCE;
        ThermalProfile profile = f.createThermalProfile();
        ReflowSegment reflow = f.createReflowSegment();
        TemperatureWindow peak = f.createTemperatureWindow();
        peak.setMin(Temperature.of(peakMin));
        peak.setMax(Temperature.of(peakMax));
        TimeWindow tal = f.createTimeWindow();
        tal.setMin(TimeSpan.ofSeconds(talMin));
        tal.setMax(TimeSpan.ofSeconds(talMax));
        reflow.setPeak(peak);
        reflow.setAboveLiquidus(tal);
        profile.getSegments().add(reflow);
        ProfileLimits limits = f.createProfileLimits();
        limits.setMaxRampUp(RampRate.of(3));
        limits.setMaxRampDown(RampRate.of(6));
        limits.setMaxTimeNearPeak(TimeSpan.ofSeconds(30));
        profile.setLimits(limits);
        return profile;
    }
}
