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

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.sim.SimStation;
import org.benchwright.driver.sim.ThermalParameters;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.heat.HeatStepRunner.Result;
import org.benchwright.engine.journal.Journal;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.PreheatSegment;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.ZoneSetpoint;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The heat step's phases around the reflow: the preheat a profile asks for, the cooling fan on the way down, the
 * package override that holds the joint back instead of tripping.
 */
class HeatStepPhasesTest {

    private static final Limits BGA = new Limits(255, 260, 220, 187);

    @TempDir
    Path dir;

    @Test
    void aFanBringsTheJointDownAtTheProfilesCoolingRate() throws IOException {
        SimStation station = new SimStation(ThermalParameters.bga15(), 11);
        Result fanned = run(station, HeatStepTest.profile(), BGA, "fanned.jsonl");
        Result still = run(withoutFan(new SimStation(ThermalParameters.bga15(), 11)), HeatStepTest.profile(), BGA,
                "still.jsonl");
        assertTrue(fanned.completed() && still.completed(), () -> fanned.fault() + " / " + still.fault());
        // the profile cools at 2 °C/s; a hot nozzle and board alone let the joint down at about half that
        assertEquals(2, fanned.figures().maxRampDown(), 0.6, () -> "with the fan: " + fanned.figures());
        assertTrue(still.figures().maxRampDown() < 1.4, () -> "without: " + still.figures());
        assertEquals(0, station.cooler().flow(), "the fan runs on after the step");
        List<double[]> fan = channel(dir.resolve("fanned.jsonl"), "fan");
        assertTrue(fan.stream().anyMatch(s -> s[1] > 0.2), "the record shows no fan");
        assertTrue(channel(dir.resolve("still.jsonl"), "fan").isEmpty(), "a station without a fan recorded one");
    }

    @Test
    void aPreheatKeepsTheTopOffUntilTheBoardHasBroughtTheJointUp() throws IOException {
        // a chip on a thin board warmed from below to 95 °C before the top's first air, its lowest 100 °C
        Limits chip = new Limits(260, 260, 220, 187);
        Result warmed = run(new SimStation(ThermalParameters.chip0603(), 3), chipProfile(95), chip, "warm.jsonl");
        assertTrue(warmed.completed(), () -> "failed: " + warmed.fault());
        assertTrue(warmed.figures().maxRampUp() < 3, () -> "preheated: " + warmed.figures());
        // the record says the top was off (told 0) until the joint was at the preheat's 95 °C
        List<double[]> joint = channel(dir.resolve("warm.jsonl"), "joint");
        List<double[]> told = channel(dir.resolve("warm.jsonl"), "air-setpoint");
        int first = 0;
        while (told.get(first)[1] == 0) {
            first++;
        }
        assertTrue(first > 40, "the top came on " + first + " samples in");
        assertEquals(95, joint.get(first)[1], 1.5, "the top came on with the joint at " + joint.get(first)[1]);
        assertTrue(Files.readString(dir.resolve("warm.jsonl")).contains("\"type\":\"heat.preheated\""),
                "the record does not say when the preheat ended");
    }

    @Test
    void aPreheatTheBoardCannotReachEndsWhereTheJointStops() throws IOException {
        // a preheat to 150 °C with the board held at 100 °C: the joint stops short and the top takes over
        Limits chip = new Limits(260, 260, 220, 187);
        ThermalProfile profile = chipProfile(150);
        ((ZoneSetpoint) profile.getSetpoints().get(0)).setTemperature(Temperature.of(100));
        Result result = run(new SimStation(ThermalParameters.chip0603(), 3), profile, chip, "stall.jsonl");
        assertTrue(result.completed(), () -> "failed: " + result.fault());
        assertTrue(result.figures().peak() > 240, () -> "" + result.figures());
    }

    @Test
    void thePackageHoldsTheJointBackInsteadOfTripping() throws IOException {
        // a 35 mm BGA classified at 250 °C: the library's profile cannot reflow it without going over (the thermal
        // model's conflict); the step holds the air back for the package and says so
        Limits tc250 = new Limits(255, 250, 220, 187);
        SimStation station = new SimStation(ThermalParameters.bga35(), 4);
        Result result = run(station, HeatStepTest.profile(), tc250, "c.jsonl");
        assertTrue(result.completed(), () -> "failed: " + result.fault());
        List<double[]> pkg = channel(dir.resolve("c.jsonl"), "package");
        assertTrue(pkg.stream().allMatch(s -> s[1] < 250), "the package went over its Tc");
        String record = Files.readString(dir.resolve("c.jsonl"));
        assertTrue(record.contains("\"type\":\"heat.package-held\""), "the record does not say the package held");
        assertFalse(result.judgement().inside(), "the joints reflowed after all: " + result.judgement());
    }

    private Result run(Station station, ThermalProfile profile, Limits limits, String record) throws IOException {
        try (Journal journal = Journal.create(dir.resolve(record))) {
            return new HeatStepRunner(station, profile, limits, journal, "reflow").run(station::pace);
        }
    }

    /** The library's chip profile, the bottom held at 160 °C, ramps of 1 °C/s; a preheat unless {@code NaN}. */
    private static ThermalProfile chipProfile(double preheat) {
        BenchwrightFactory f = BenchwrightFactory.eINSTANCE;
        ThermalProfile p = HeatStepTest.profile();
        p.setName("Chip_SAC305");
        ((ZoneSetpoint) p.getSetpoints().get(0)).setTemperature(Temperature.of(160));
        ((RampSegment) p.getSegments().get(0)).setRate(RampRate.of(1));
        ((RampSegment) p.getSegments().get(2)).setRate(RampRate.of(1.5));
        p.getSegments().stream().filter(org.benchwright.model.ReflowSegment.class::isInstance)
                .map(org.benchwright.model.ReflowSegment.class::cast).findFirst().orElseThrow()
                .setPeak(HeatStepTest.window(240, 250));
        if (!Double.isNaN(preheat)) {
            PreheatSegment segment = f.createPreheatSegment();
            segment.setTarget(Temperature.of(preheat));
            p.getSegments().add(0, segment);
        }
        return p;
    }

    /** A channel's samples in the record, {time, value}. */
    private static List<double[]> channel(Path record, String name) throws IOException {
        List<double[]> samples = new ArrayList<>();
        for (String line : Files.readAllLines(record)) {
            JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
            JsonObject data = entry.getAsJsonObject("data");
            if (entry.get("type").getAsString().equals("telemetry") && data.get("channel").getAsString().equals(name)) {
                for (JsonElement sample : data.getAsJsonArray("samples")) {
                    JsonArray pair = sample.getAsJsonArray();
                    samples.add(new double[] { pair.get(0).getAsDouble(), pair.get(1).getAsDouble() });
                }
            }
        }
        return samples;
    }

    /** A simulated station whose fan is not there, as on a station built without one: every other call goes to it. */
    private static Station withoutFan(SimStation station) {
        return (Station) Proxy.newProxyInstance(Station.class.getClassLoader(), new Class<?>[] { Station.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("cooler")) {
                        return null;
                    }
                    try {
                        return method.invoke(station, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
