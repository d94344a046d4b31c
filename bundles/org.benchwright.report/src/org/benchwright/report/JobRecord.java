/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.stats.ProcessWindow;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A job's record as a report reads it: every entry of its intact part, grouped into the job's request, its steps,
 * its heat steps with their telemetry and figures, its faults and its end, with the verdict on its hash chain. A
 * damaged record is read up to where its chain breaks, and says so ({@link #chain()}).
 */
public final class JobRecord {

    /** One step as it ended (or was left, when the record stops). */
    public static final class Step {
        public final String path;
        public String kind = "";
        public String state = "active";
        public String by = "";
        public Instant started;
        public Instant ended;
        public Double value;
        public String unit = "";
        public String quantity = "";
        public Double lower;
        public Double upper;
        public Boolean withinLimits;
        public String lot;
        public String material;
        public Boolean passed;
        public String note = "";
        public String reason = "";

        Step(String path) {
            this.path = path;
        }
    }

    /** One figure of a heat step against its window. */
    public record Figure(String key, String name, double value, String unit, Double min, Double max) {
        public boolean inside() {
            return (min == null || value >= min) && (max == null || value <= max);
        }
    }

    /** One heat step: the profile, its curves (channel to {time s, °C} pairs), its figures and how it ended. */
    public static final class Heat {
        public final String step;
        public String profile = "";
        public String station = "";
        /** The alloy's liquidus, the interlocks' ceilings and the soak's band, °C; {@code null} in older records. */
        public Double liquidus;
        public Double jointCeiling;
        public Double packageCeiling;
        public Double soakFrom;
        public Double soakTo;
        public final Map<String, List<double[]>> curves = new LinkedHashMap<>();
        public final List<Figure> figures = new ArrayList<>();
        public Double pwi;
        /** {@code done} (inside every window or not, see {@link #inside}), {@code failed}, {@code stopped}, or empty. */
        public String result = "";
        public boolean inside;
        public String reason = "";

        Heat(String step) {
            this.step = step;
        }

        /** The window of a figure ({@code peak}, {@code soakTime}...), or {@code null}. */
        public Figure figure(String key) {
            return figures.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
        }
    }

    /** A fault that put the station in safe state. */
    public record Fault(Instant time, String step, String kind, String source, String message) {
    }

    /** The unit of each figure, for records whose figures have no window beside them. */
    private static final Map<String, String> UNITS = Map.of("peak", "°C", "timeAboveLiquidus", "s", "soakTime", "s",
            "maxRampUp", "°C/s", "maxRampDown", "°C/s", "timeNearPeak", "s", "timeToPeak", "s");

    private final Path file;
    private final JournalVerifier.Report chain;
    private JsonObject requested = new JsonObject();
    private Instant requestedAt;
    private Instant startedAt;
    private Instant endedAt;
    private String outcome = "interrupted";
    private String reason = "";
    private Double pwi;
    private final List<String> refusals = new ArrayList<>();
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final Map<String, Heat> heats = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<String[]> counts = new ArrayList<>();
    private long telemetrySamples;

    private JobRecord(Path file, JournalVerifier.Report chain) {
        this.file = file;
        this.chain = chain;
    }

    /**
     * Reads a job's record.
     *
     * @throws IOException when the file cannot be read or is not a job's record; the message names the file and,
     *                     for a line that is not an entry, its line number
     */
    public static JobRecord read(Path file) throws IOException {
        JournalVerifier.Report chain = JournalVerifier.verify(file);
        JobRecord record = new JobRecord(file, chain);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, 0, (int) Math.min(bytes.length, chain.intactBytes()), StandardCharsets.UTF_8);
        int number = 0;
        boolean any = false;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
                String type = entry.get("type").getAsString();
                any |= type.equals("job.requested");
                record.add(type, Instant.parse(entry.get("time").getAsString()), entry.getAsJsonObject("data"));
            } catch (JsonParseException | IllegalStateException | NullPointerException
                    | java.time.format.DateTimeParseException e) {
                throw new IOException(file + ":" + number + ": not an entry of a job's record (" + e.getMessage() + ")");
            }
        }
        if (!any) {
            throw new IOException(file + ": not a job's record (it has no job.requested entry)");
        }
        return record;
    }

    private void add(String type, Instant time, JsonObject data) {
        switch (type) {
            case "job.requested" -> {
                requested = data;
                requestedAt = time;
            }
            case "job.started" -> startedAt = time;
            case "job.refused" -> {
                outcome = "refused";
                endedAt = time;
                for (JsonElement r : data.getAsJsonArray("refusals")) {
                    refusals.add("[" + text(r.getAsJsonObject(), "code") + "] " + text(r.getAsJsonObject(), "reason"));
                }
            }
            case "step.active" -> {
                Step step = step(text(data, "step"));
                step.kind = text(data, "kind");
                step.started = time;
            }
            case "step.done", "step.failed", "step.skipped" -> ended(step(text(data, "step")), type, time, data);
            case "job.aborted" -> {
                reason = text(data, "reason");
                if (data.has("step")) {
                    Step step = step(text(data, "step"));
                    step.state = "aborted";
                    step.reason = reason;
                    step.ended = time;
                }
            }
            case "heat.started" -> {
                Heat heat = heat(text(data, "step"));
                heat.profile = text(data, "profile");
                heat.station = text(data, "station");
                heat.liquidus = number(data, "liquidus");
                heat.jointCeiling = number(data, "jointCeiling");
                heat.packageCeiling = number(data, "packageCeiling");
                heat.soakFrom = number(data, "soakFrom");
                heat.soakTo = number(data, "soakTo");
            }
            case "telemetry" -> {
                Heat heat = heat(text(data, "step"));
                List<double[]> curve = heat.curves.computeIfAbsent(text(data, "channel"), c -> new ArrayList<>());
                for (JsonElement s : data.getAsJsonArray("samples")) {
                    JsonArray pair = s.getAsJsonArray();
                    curve.add(new double[] { pair.get(0).getAsDouble(), pair.get(1).getAsDouble() });
                    telemetrySamples++;
                }
            }
            case "heat.statistics" -> statistics(heat(text(data, "step")), data);
            case "heat.done", "heat.failed", "heat.stopped" -> {
                Heat heat = heat(text(data, "step"));
                heat.result = type.substring("heat.".length());
                heat.inside = data.has("inside") && data.get("inside").getAsBoolean();
                heat.reason = text(data, "reason");
            }
            case "fault" -> faults.add(new Fault(time, text(data, "step"), text(data, "kind"), text(data, "source"),
                    text(data, "message")));
            case "job.finished" -> {
                outcome = text(data, "outcome");
                endedAt = time;
                if (data.has("reason")) {
                    reason = text(data, "reason");
                }
                if (data.has("pwi")) {
                    pwi = data.get("pwi").getAsDouble();
                }
                if (data.has("counts")) {
                    for (JsonElement c : data.getAsJsonArray("counts")) {
                        JsonObject o = c.getAsJsonObject();
                        counts.add(new String[] { text(o, "designator"), text(o, "reworkActions"),
                                text(o, "thermalCycles") });
                    }
                }
            }
            default -> {
                // unit.counted and entries a later version adds: the traveler shows what it knows
            }
        }
    }

    private void ended(Step step, String type, Instant time, JsonObject data) {
        step.state = data.has("state") ? text(data, "state") : type.substring("step.".length());
        step.ended = time;
        step.by = text(data, "by");
        step.reason = text(data, "reason");
        if (data.has("value")) {
            step.value = data.get("value").getAsDouble();
            step.unit = text(data, "unit");
            step.quantity = text(data, "quantity");
            step.lower = data.has("lower") ? data.get("lower").getAsDouble() : null;
            step.upper = data.has("upper") ? data.get("upper").getAsDouble() : null;
            step.withinLimits = data.has("withinLimits") ? data.get("withinLimits").getAsBoolean() : null;
        }
        if (data.has("lot")) {
            step.lot = text(data, "lot");
            step.material = text(data, "material");
        }
        if (data.has("passed")) {
            step.passed = data.get("passed").getAsBoolean();
            step.note = text(data, "note");
        }
    }

    private static void statistics(Heat heat, JsonObject data) {
        Map<String, JsonObject> windows = new LinkedHashMap<>();
        if (data.has("windows")) {
            for (JsonElement w : data.getAsJsonArray("windows")) {
                windows.put(text(w.getAsJsonObject(), "figure"), w.getAsJsonObject());
            }
        }
        JsonObject figures = data.getAsJsonObject("figures");
        for (Map.Entry<String, JsonElement> f : figures.entrySet()) {
            if (f.getValue().isJsonNull() || Double.isNaN(f.getValue().getAsDouble())) {
                continue;
            }
            JsonObject w = windows.get(f.getKey());
            String name = ProcessWindow.FIGURES.entrySet().stream().filter(e -> e.getValue().equals(f.getKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(f.getKey());
            heat.figures.add(new Figure(f.getKey(), w != null ? text(w, "statistic") : name, f.getValue()
                    .getAsDouble(), w != null ? text(w, "unit") : UNITS.getOrDefault(f.getKey(), ""), bound(w, "min"),
                    bound(w, "max")));
        }
        if (data.has("pwi") && !Double.isNaN(data.get("pwi").getAsDouble())) {
            heat.pwi = data.get("pwi").getAsDouble();
        }
    }

    private static Double number(JsonObject data, String key) {
        return bound(data, key);
    }

    private static Double bound(JsonObject window, String key) {
        return window == null || !window.has(key) || window.get(key).isJsonNull() ? null : window.get(key).getAsDouble();
    }

    private Step step(String path) {
        return steps.computeIfAbsent(path, Step::new);
    }

    private Heat heat(String step) {
        return heats.computeIfAbsent(step, Heat::new);
    }

    static String text(JsonObject data, String key) {
        JsonElement e = data == null ? null : data.get(key);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    // ---- what a report reads ----

    public Path file() {
        return file;
    }

    /** The hash chain's verdict: intact or where it was first changed; finished or interrupted. */
    public JournalVerifier.Report chain() {
        return chain;
    }

    /** A value of the job's request ({@code unit}, {@code procedure}, {@code revision}...), empty when absent. */
    public String requested(String key) {
        return text(requested, key);
    }

    /** The job's request as it was recorded. */
    public JsonObject request() {
        return requested.deepCopy();
    }

    public String job() {
        String job = requested("job");
        return job.isEmpty() ? file.getFileName().toString().replaceFirst("\\.jsonl$", "") : job;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    /** {@code completed}, {@code failed}, {@code aborted}, {@code refused}, or {@code interrupted}. */
    public String outcome() {
        return outcome;
    }

    /** Why the job was aborted or failed, empty when it says nothing. */
    public String reason() {
        return reason;
    }

    public Double pwi() {
        return pwi;
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public List<Step> steps() {
        return List.copyOf(steps.values());
    }

    public List<Heat> heats() {
        return List.copyOf(heats.values());
    }

    public List<Fault> faults() {
        return List.copyOf(faults);
    }

    /** Per designator: {designator, rework actions, thermal cycles} as the job's end says. */
    public List<String[]> counts() {
        return List.copyOf(counts);
    }

    /** How many telemetry samples the record holds, every channel together. */
    public long telemetrySamples() {
        return telemetrySamples;
    }

    /** A list of the request ({@code designators}, {@code deviations}...) as text, one element each. */
    public List<String> requestedList(String key) {
        List<String> list = new ArrayList<>();
        JsonElement e = requested.get(key);
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> list.add(x.isJsonPrimitive() ? x.getAsString() : x.toString()));
        }
        return list;
    }

    /** The objects of a list of the request ({@code certifications}, {@code approvals}). */
    public List<JsonObject> requestedObjects(String key) {
        List<JsonObject> list = new ArrayList<>();
        JsonElement e = requested.get(key);
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> {
                if (x.isJsonObject()) {
                    list.add(x.getAsJsonObject());
                }
            });
        }
        return list;
    }
}
