/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.heat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heat step's telemetry not yet recorded: the joint's samples, and what else stood at each of them, by channel:
 * the package's latest sample, the plan, the top zone's reading and what it was told, the board's latest sample, the
 * bottom zone's reading and the fan's flow. The joint alone is controlled on; the rest lets a reader tell how the
 * board and the station answered (a profile developed from the record learns the board's thermal behaviour from
 * them). Taken as the entries of one journal write.
 *
 * <p>Not thread-safe: the heat step's lock guards it.
 */
final class TelemetryBuffer {

    private final String step;
    private final List<double[]> joint = new ArrayList<>();
    private final Map<String, List<double[]>> channels = new LinkedHashMap<>();

    TelemetryBuffer(String step) {
        this.step = step;
    }

    /** Keeps the joint's sample at {@code t}. */
    void joint(double t, double celsius) {
        joint.add(new double[] { t, celsius });
    }

    /** Keeps a value beside the joint sample at {@code t}, unless there is none ({@code NaN}). */
    void beside(String channel, double t, double celsius) {
        List<double[]> samples = channels.computeIfAbsent(channel, c -> new ArrayList<>());
        if (!Double.isNaN(celsius)) {
            samples.add(new double[] { t, celsius });
        }
    }

    /** How many joint samples wait to be recorded. */
    int size() {
        return joint.size();
    }

    /**
     * The entries of the write that records what waits, the joint's first, and empties the buffer; none when no joint
     * sample waits.
     */
    List<Object> take() {
        List<Object> entries = new ArrayList<>();
        if (joint.isEmpty()) {
            return entries;
        }
        entries.add(entry("joint", joint));
        channels.forEach((channel, samples) -> {
            if (!samples.isEmpty()) {
                entries.add(entry(channel, samples));
            }
        });
        joint.clear();
        channels.values().forEach(List::clear);
        return entries;
    }

    private Map<String, Object> entry(String channel, List<double[]> samples) {
        return Map.of("step", step, "channel", channel, "samples", List.copyOf(samples));
    }
}
