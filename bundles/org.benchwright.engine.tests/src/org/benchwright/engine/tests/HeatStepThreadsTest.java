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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.FaultListener;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.driver.api.Sample;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.TemperatureChannel;
import org.benchwright.driver.api.ZoneRole;
import org.benchwright.driver.api.support.PublishingChannel;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.heat.HeatStepRunner.Result;
import org.benchwright.engine.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The heat step's two threads: the station's sampling thread runs the control decision, the job's thread waits and
 * ends the step. A sample whose callback is still running when the step ends must be finished before the step's
 * result and telemetry are final, and nothing may reach the display after the step returned.
 */
class HeatStepThreadsTest {

    @TempDir
    Path dir;

    @Test
    void aSampleInFlightWhenTheStepEndsIsFinishedBeforeTheStepReturns() throws Exception {
        BlockingStation station = new BlockingStation();
        AtomicBoolean returned = new AtomicBoolean();
        List<Double> seenAfterReturn = new CopyOnWriteArrayList<>();
        try (Journal journal = Journal.create(dir.resolve("job.jsonl"))) {
            HeatStepRunner runner = new HeatStepRunner(station, HeatStepTest.profile(),
                    new Limits(255, 260, 220, 187), journal, "remove.1");
            runner.observe(sample -> {
                if (returned.get()) {
                    seenAfterReturn.add(sample.time());
                }
            });
            Thread[] jobThread = new Thread[1];
            CompletableFuture<Result> step = CompletableFuture.supplyAsync(() -> {
                jobThread[0] = Thread.currentThread();
                try {
                    return runner.run(seconds -> LockSupport.parkNanos(1_000_000));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    returned.set(true);
                }
            });
            until(() -> station.joint.listening(), "the step never listened to the joint");
            for (int i = 0; i < 3; i++) {
                station.publish(100 + i);
            }
            station.blockNextSetpoint();
            Thread sampler = new Thread(() -> station.publish(103), "sampler");
            sampler.start();
            assertTrue(station.entered.await(30, TimeUnit.SECONDS), "the fourth sample never reached the heater");
            runner.stop("operator abort");
            // either the step returned under the callback's feet, or it waits for the callback to finish
            until(() -> step.isDone() || jobThread[0].getState() == Thread.State.BLOCKED,
                    "the job thread neither returned nor waited for the sample in flight");
            station.release.countDown();
            sampler.join(30_000);
            Result result = step.get(30, TimeUnit.SECONDS);
            assertTrue(seenAfterReturn.isEmpty(), "the display saw samples after the step returned: " + seenAfterReturn);
            assertEquals(4, result.joint().size(), "joint samples in the result: " + result.joint());
        }
        int recorded = 0;
        for (String line : Files.readAllLines(dir.resolve("job.jsonl"))) {
            JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
            if (entry.get("type").getAsString().equals("telemetry")
                    && entry.getAsJsonObject("data").get("channel").getAsString().equals("joint")) {
                recorded += entry.getAsJsonObject("data").getAsJsonArray("samples").size();
            }
        }
        assertEquals(4, recorded, "every joint sample recorded once: " + Files.readString(dir.resolve("job.jsonl")));
        assertFalse(station.top.isOn(), "the heater is on after an abort");
    }

    private static void until(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(1);
        }
    }

    /** A station whose samples the test publishes and whose heater can be made to hang on one setpoint. */
    private static final class BlockingStation implements Station {
        final ListeningChannel joint = new ListeningChannel();
        final Zone top = new Zone();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean block;
        private volatile double now;

        void publish(double celsius) {
            now += 0.25;
            joint.publish(new Sample("joint", now, celsius, false, false));
        }

        void blockNextSetpoint() {
            block = true;
        }

        @Override
        public String id() {
            return "blocking";
        }

        @Override
        public List<HeaterZone> zones() {
            return List.of(top);
        }

        @Override
        public List<TemperatureChannel> channels() {
            return List.of(joint);
        }

        @Override
        public double now() {
            return now;
        }

        @Override
        public void safeState(String reason) {
            top.on = false;
        }

        @Override
        public void addFaultListener(FaultListener listener) {
        }

        @Override
        public void removeFaultListener(FaultListener listener) {
        }

        @Override
        public void close() {
            safeState("closed");
        }

        private final class Zone implements HeaterZone {
            volatile boolean on;

            @Override
            public String id() {
                return "top";
            }

            @Override
            public ZoneRole role() {
                return ZoneRole.TOP;
            }

            @Override
            public double minCelsius() {
                return 50;
            }

            @Override
            public double maxCelsius() {
                return 450;
            }

            @Override
            public void setSetpoint(double celsius) {
                if (block) {
                    block = false;
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                on = true;
            }

            @Override
            public void off() {
                on = false;
            }

            @Override
            public boolean isOn() {
                return on;
            }

            @Override
            public double zoneCelsius() {
                return 150;
            }
        }
    }

    /** A publishing channel that says whether anyone listens. */
    private static final class ListeningChannel implements TemperatureChannel {
        private final PublishingChannel out = new PublishingChannel("joint", ChannelRole.JOINT, 0.25);
        private final List<Object> listeners = new CopyOnWriteArrayList<>();

        boolean listening() {
            return !listeners.isEmpty();
        }

        void publish(Sample sample) {
            out.publish(sample);
        }

        @Override
        public String id() {
            return out.id();
        }

        @Override
        public ChannelRole role() {
            return out.role();
        }

        @Override
        public double samplePeriod() {
            return out.samplePeriod();
        }

        @Override
        public Sample latest() {
            return out.latest();
        }

        @Override
        public void addListener(org.benchwright.driver.api.SampleListener listener) {
            listeners.add(listener);
            out.addListener(listener);
        }

        @Override
        public void removeListener(org.benchwright.driver.api.SampleListener listener) {
            listeners.remove(listener);
            out.removeListener(listener);
        }
    }
}
