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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Faults a simulated station develops on cue, for technician training and a plant's acceptance of the software: the
 * {@code fault} setting of a {@code sim} station, for example {@code fault=open-tc@200C} (the joint thermocouple opens
 * when the joint first reaches 200 °C) or {@code fault=link-lost@90s+noise@30s} (the link drops 90 s after the heaters
 * first came on; spikes from 30 s). Each cue fires once.
 */
public final class FaultPlan {

    /** The faults by the names a setting uses. */
    static final Map<String, SimFault> NAMES = Map.of("open-tc", SimFault.THERMOCOUPLE_OPEN, "telemetry-stop",
            SimFault.TELEMETRY_STOPS, "heater-stuck", SimFault.HEATER_STUCK_ON, "link-lost", SimFault.LINK_LOST,
            "noise", SimFault.NOISE_SPIKES);

    private static final Pattern CUE = Pattern.compile("([a-z-]+)@(\\d+(?:\\.\\d+)?)\\s*(c|degc|s)");

    /**
     * One fault and its cue: the joint reaching {@code celsius}, or {@code seconds} after the heaters first came on
     * (the other is {@code NaN}).
     */
    public record Cue(SimFault fault, double celsius, double seconds) {

        @Override
        public String toString() {
            String name = NAMES.entrySet().stream().filter(e -> e.getValue() == fault).findFirst().orElseThrow()
                    .getKey();
            return name + "@" + (Double.isNaN(celsius) ? format(seconds) + "s" : format(celsius) + "C");
        }

        private static String format(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    private final List<Cue> waiting;

    private FaultPlan(List<Cue> cues) {
        this.waiting = new ArrayList<>(cues);
    }

    /**
     * Reads a plan: cues joined by {@code +}.
     *
     * @throws IllegalArgumentException naming the cue that is not understood and what a cue is
     */
    public static FaultPlan parse(String spec) {
        List<Cue> cues = new ArrayList<>();
        for (String part : spec.split("\\+")) {
            Matcher m = CUE.matcher(part.strip().toLowerCase(Locale.ROOT).replace("°c", "c"));
            SimFault fault = m.matches() ? NAMES.get(m.group(1)) : null;
            if (fault == null) {
                throw new IllegalArgumentException("fault '" + part.strip() + "' is not <fault>@<temperature>C (when the "
                        + "joint reaches it) or <fault>@<seconds>s (after the heaters first came on); faults: "
                        + NAMES.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
            double value = Double.parseDouble(m.group(2));
            boolean seconds = m.group(3).equals("s");
            cues.add(new Cue(fault, seconds ? Double.NaN : value, seconds ? value : Double.NaN));
        }
        return new FaultPlan(cues);
    }

    /** The cues that have not fired yet. */
    public synchronized List<Cue> waiting() {
        return List.copyOf(waiting);
    }

    /**
     * The faults whose cue has come, each once.
     *
     * @param joint     the joint's temperature now, °C
     * @param sinceHeat seconds since the heaters first came on; {@code NaN} before
     */
    synchronized List<SimFault> due(double joint, double sinceHeat) {
        List<SimFault> due = new ArrayList<>();
        waiting.removeIf(c -> {
            boolean now = !Double.isNaN(c.celsius()) ? joint >= c.celsius()
                    : !Double.isNaN(sinceHeat) && sinceHeat >= c.seconds();
            if (now) {
                due.add(c.fault());
            }
            return now;
        });
        return due;
    }

    @Override
    public String toString() {
        return waiting().stream().map(Cue::toString).collect(Collectors.joining("+"));
    }
}
