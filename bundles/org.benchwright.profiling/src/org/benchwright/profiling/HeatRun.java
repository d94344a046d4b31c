/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.profiling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.stats.Figures;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One heat step as a record keeps it: the limits it ran under, what the station's zones could be told, and every
 * channel's samples (joint, package, plan, the top zone's air and what it was told, board, bottom zone), each as
 * times (seconds from the step's first joint sample) and temperatures.
 *
 * @param source         the record's file and the step's name, for messages
 * @param profile        the profile the step ran
 * @param liquidus       of the profile's alloy, °C
 * @param jointCeiling   the joint interlock, °C
 * @param packageCeiling the package interlock: its classification temperature Tc, °C
 * @param zones          each zone's role (top, bottom) and what it may be told, {min, max} °C
 * @param channels       each channel's samples, {times, temperatures}
 * @param outcome        done, failed, stopped or unfinished
 * @param fault          why it failed; {@code null} unless it did
 * @param figures        what the engine measured of a completed step; {@code null} otherwise
 * @param packageHeld    when the package override first held the air back, s; {@code NaN} when it never did
 * @param preheated      when the profile's preheat ended and the plan began, s; 0 without a preheat
 */
public record HeatRun(String source, String profile, double liquidus, double jointCeiling, double packageCeiling,
        Map<String, double[]> zones, Map<String, double[][]> channels, String outcome, String fault, Figures figures,
        double packageHeld, double preheated) {

    private static final Gson GSON = new Gson();

    /** The samples of one channel, {times, temperatures}; {@code null} when the record has none. */
    public double[][] channel(String name) {
        double[][] samples = channels.get(name);
        return samples == null || samples[0].length == 0 ? null : samples;
    }

    /**
     * How closely the joint followed the plan while heated, from the end of any preheat (while the bottom zone alone
     * brings the joint up, the plan waits for it) to the plan's highest point, °C: {RMS, maximum}; {@code null}
     * without both channels.
     */
    public double[] tracking() {
        double[][] joint = channel("joint");
        double[][] plan = channel("plan");
        if (joint == null || plan == null || joint[0].length != plan[0].length) {
            return null;
        }
        int top = 0;
        for (int i = 0; i < plan[1].length; i++) {
            top = plan[1][i] > plan[1][top] ? i : top;
        }
        double sum = 0;
        double max = 0;
        int n = 0;
        for (int i = 0; i <= top; i++) {
            if (joint[0][i] < preheated) {
                continue;
            }
            double error = joint[1][i] - plan[1][i];
            sum += error * error;
            max = Math.max(max, Math.abs(error));
            n++;
        }
        return n == 0 ? null : new double[] { Math.sqrt(sum / n), max };
    }

    /** How long the step ran, s. */
    public double duration() {
        double[][] joint = channel("joint");
        return joint == null ? 0 : joint[0][joint[0].length - 1];
    }

    /** The highest sample of a channel, °C; {@code NaN} without it. */
    public double peak(String name) {
        double[][] samples = channel(name);
        double peak = Double.NaN;
        if (samples != null) {
            for (double c : samples[1]) {
                peak = Double.isNaN(peak) ? c : Math.max(peak, c);
            }
        }
        return peak;
    }

    /**
     * The heat steps of a record, in the order they ran. The record's chain is checked first: a record that does not
     * verify is not read.
     *
     * @throws IOException when the file cannot be read or does not verify
     */
    public static List<HeatRun> read(Path record) throws IOException {
        JournalVerifier.Report report = JournalVerifier.verify(record);
        if (report.broken()) {
            throw new IOException(record + ": " + report.problem() + "; run benchwright verify");
        }
        byte[] bytes = Files.readAllBytes(record);
        String text = new String(bytes, 0, (int) report.intactBytes(), StandardCharsets.UTF_8);
        Map<String, Builder> steps = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
            String type = entry.get("type").getAsString();
            JsonObject data = entry.getAsJsonObject("data");
            if (!type.startsWith("heat.") && !type.equals("telemetry")) {
                continue;
            }
            String step = data.has("step") ? data.get("step").getAsString() : null;
            if (step == null) {
                continue;
            }
            Builder b = steps.computeIfAbsent(step, s -> new Builder(record.getFileName() + ", step " + s));
            switch (type) {
                case "heat.started" -> b.started(data);
                case "telemetry" -> b.samples(data);
                case "heat.done" -> b.outcome = "done";
                case "heat.failed" -> {
                    b.outcome = "failed";
                    b.fault = data.has("reason") ? data.get("reason").getAsString() : "failed";
                }
                case "heat.stopped" -> b.outcome = "stopped";
                case "heat.statistics" -> b.figures = GSON.fromJson(data.get("figures"), Figures.class);
                case "heat.package-held" -> b.packageHeld = data.get("time").getAsDouble();
                case "heat.preheated" -> b.preheated = data.get("time").getAsDouble();
                default -> {
                    // nothing else the step's learning needs
                }
            }
        }
        List<HeatRun> runs = new ArrayList<>();
        steps.values().stream().filter(b -> b.profile != null).forEach(b -> runs.add(b.build()));
        return runs;
    }

    private static final class Builder {
        final String source;
        String profile;
        double liquidus = Double.NaN;
        double jointCeiling = Double.NaN;
        double packageCeiling = Double.NaN;
        final Map<String, double[]> zones = new LinkedHashMap<>();
        final Map<String, List<double[]>> samples = new LinkedHashMap<>();
        String outcome = "unfinished";
        String fault;
        Figures figures;
        double packageHeld = Double.NaN;
        double preheated;

        Builder(String source) {
            this.source = source;
        }

        void started(JsonObject data) {
            profile = data.get("profile").getAsString();
            liquidus = number(data, "liquidus");
            jointCeiling = number(data, "jointCeiling");
            packageCeiling = number(data, "packageCeiling");
            if (data.has("zones")) {
                for (Map.Entry<String, JsonElement> zone : data.getAsJsonObject("zones").entrySet()) {
                    JsonArray range = zone.getValue().getAsJsonArray();
                    zones.put(zone.getKey(), new double[] { range.get(0).getAsDouble(), range.get(1).getAsDouble() });
                }
            }
        }

        void samples(JsonObject data) {
            List<double[]> list = samples.computeIfAbsent(data.get("channel").getAsString(), c -> new ArrayList<>());
            for (JsonElement sample : data.getAsJsonArray("samples")) {
                JsonArray pair = sample.getAsJsonArray();
                list.add(new double[] { pair.get(0).getAsDouble(), pair.get(1).getAsDouble() });
            }
        }

        HeatRun build() {
            Map<String, double[][]> channels = new LinkedHashMap<>();
            samples.forEach((name, list) -> {
                double[][] series = new double[2][list.size()];
                for (int i = 0; i < list.size(); i++) {
                    series[0][i] = list.get(i)[0];
                    series[1][i] = list.get(i)[1];
                }
                channels.put(name, series);
            });
            return new HeatRun(source, profile, liquidus, jointCeiling, packageCeiling, Map.copyOf(zones),
                    Map.copyOf(channels), outcome, fault, figures, packageHeld, preheated);
        }

        private static double number(JsonObject data, String name) {
            return data.has(name) ? data.get(name).getAsDouble() : Double.NaN;
        }
    }
}
