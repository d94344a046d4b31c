/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.gating.UnitHistory;
import org.benchwright.engine.journal.Hashes;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.Fault;
import org.benchwright.model.Job;
import org.benchwright.model.MaterialLot;
import org.benchwright.model.Measurement;
import org.benchwright.model.Outcome;
import org.benchwright.model.ProductClass;
import org.benchwright.model.ProfileStatistics;
import org.benchwright.model.ReworkCount;
import org.benchwright.model.Sample;
import org.benchwright.model.StepResult;
import org.benchwright.model.StepState;
import org.benchwright.model.TelemetryChannel;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads job journals back as the metamodel's {@link ExecutionRecord}: who did what to which unit with which lots,
 * every step's result, telemetry, figures, PWI, faults and outcome. A journal that stops before its job ended reads
 * as {@link Outcome#INTERRUPTED}; one whose chain is broken is refused (it is evidence, not a record).
 */
public final class Records {

    private static final BenchwrightFactory F = BenchwrightFactory.eINSTANCE;

    private Records() {
    }

    /**
     * @throws IOException when the journal cannot be read, its chain is broken, or it is not a job's journal
     */
    public static ExecutionRecord read(Path journal) throws IOException {
        JournalVerifier.Report report = JournalVerifier.verify(journal);
        if (report.broken()) {
            throw new IOException(journal + ": " + report.problem() + "; run benchwright verify");
        }
        byte[] bytes = Files.readAllBytes(journal);
        String text = new String(bytes, 0, (int) report.intactBytes(), StandardCharsets.UTF_8);
        ExecutionRecord record = F.createExecutionRecord();
        record.setId(journal.getFileName().toString().replaceFirst("\\.jsonl$", ""));
        record.setOutcome(Outcome.INTERRUPTED);
        Map<String, StepResult> steps = new LinkedHashMap<>();
        Map<String, TelemetryChannel> telemetry = new LinkedHashMap<>();
        Tally tally = new Tally();
        boolean any = false;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
            Instant time = Instant.parse(entry.get("time").getAsString());
            String type = entry.get("type").getAsString();
            JsonObject data = entry.getAsJsonObject("data");
            any |= type.equals("job.requested");
            tally.add(type, data);
            switch (type) {
                case "job.requested" -> requested(record, data, time);
                case "job.refused" -> {
                    record.setOutcome(Outcome.REFUSED);
                    record.setFinished(time);
                    for (JsonElement r : data.getAsJsonArray("refusals")) {
                        record.getFaults().add(fault(time, "gate:" + string(r.getAsJsonObject(), "code"),
                                string(r.getAsJsonObject(), "reason")));
                    }
                }
                case "step.active" -> step(steps, record, data).setStarted(time);
                case "step.done", "step.failed", "step.skipped" -> ended(steps, record, data, time, type);
                case "job.aborted" -> {
                    StepResult step = step(steps, record, data);
                    step.setState(StepState.ABORTED);
                    step.setReason(string(data, "reason"));
                    step.setFinished(time);
                }
                case "telemetry" -> samples(telemetry, record, data);
                case "fault" -> record.getFaults().add(fault(time, string(data, "source"), string(data, "kind") + ": "
                        + string(data, "message") + (data.has("safeState") ? " (heaters put in safe state)" : "")));
                case "heat.statistics" -> record.getStatistics().add(statistics(data));
                case "job.finished" -> finished(record, data, time);
                default -> {
                    // heat.started, heat.done and the like carry nothing the record keeps apart
                }
            }
        }
        if (!any) {
            throw new IOException(journal + ": not a job's journal (no job.requested entry)");
        }
        record.getCounts().addAll(tally.perDesignator(record.getJob().getUnitSerial()));
        return record;
    }

    /**
     * The job records of a folder, oldest name first (a record's name carries its time), without quality's reviews
     * kept beside them; none when there is no such folder.
     */
    public static List<Path> files(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, "*.jsonl")) {
            listing.forEach(file -> {
                if (!file.getFileName().toString().equals(RecordReviews.FILE)) {
                    files.add(file);
                }
            });
        }
        files.sort(null);
        return files;
    }

    /**
     * What earlier jobs did to a unit: per designator, the rework actions and thermal cycles of every record in
     * {@code folder} for {@code unit}, and the unit's thermal cycles. A job counts from the moment it heated or
     * disturbed the unit ({@code unit.counted} entries), so interrupted and aborted jobs count; records written
     * before those entries existed count what their {@code job.finished} says. A record of the unit that is damaged
     * (its chain broken) or unreadable counts what its intact entries say and is named as untrusted, unless quality
     * has reviewed that very file ({@link RecordReviews}).
     */
    public static UnitHistory history(Path folder, String unit) throws IOException {
        if (!Files.isDirectory(folder)) {
            return UnitHistory.none(unit);
        }
        Map<String, String> reviewed = RecordReviews.reviewed(folder);
        Tally sum = new Tally();
        List<UnitHistory.Untrusted> untrusted = new ArrayList<>();
        for (Path file : files(folder)) {
            String name = file.getFileName().toString();
            // a record is named <unit>-<procedure>-<time>.jsonl; its first entry says the unit for certain
            boolean namedForUnit = name.startsWith(unit.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
            byte[] bytes;
            JournalVerifier.Report report;
            try {
                bytes = Files.readAllBytes(file);
                report = JournalVerifier.verify(file);
            } catch (IOException e) {
                if (namedForUnit) {
                    untrusted.add(new UnitHistory.Untrusted(name, "unreadable: " + e.getMessage()));
                }
                continue;
            }
            Tally tally = new Tally();
            String recordUnit = null;
            boolean reviewedAsIs = report.broken() && Hashes.sha256(bytes).equals(reviewed.get(name));
            // a damaged record counts what its intact entries say; once quality has reviewed it, what it all says
            String text = new String(bytes, 0, reviewedAsIs ? bytes.length : (int) report.intactBytes(),
                    StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                JsonObject entry = entry(line);
                if (entry == null) {
                    continue;
                }
                String type = entry.get("type").getAsString();
                JsonObject data = entry.getAsJsonObject("data");
                if (type.equals("job.requested")) {
                    recordUnit = string(data, "unit");
                }
                try {
                    tally.add(type, data);
                } catch (RuntimeException malformed) {
                    // a reviewed entry without the fields a count needs: it adds nothing
                }
            }
            if (!(unit.equals(recordUnit) || recordUnit == null && namedForUnit)) {
                continue;
            }
            if (report.broken() && !reviewedAsIs) {
                untrusted.add(new UnitHistory.Untrusted(name, "damaged: " + report.problem()));
            }
            sum.add(tally);
        }
        return new UnitHistory(unit, sum.perDesignator(unit), sum.unitCycles, untrusted);
    }

    /** A journal line as an entry; {@code null} for a line that is not one (empty, cut off, or not JSON). */
    private static JsonObject entry(String line) {
        try {
            JsonElement e = line.isBlank() ? null : JsonParser.parseString(line);
            return e != null && e.isJsonObject() && e.getAsJsonObject().has("type")
                    && e.getAsJsonObject().get("data") instanceof JsonObject ? e.getAsJsonObject() : null;
        } catch (com.google.gson.JsonParseException e) {
            return null;
        }
    }

    /**
     * The counts a record adds: its {@code unit.counted} entries, or for a record written before those existed,
     * its {@code job.finished} counts (whose every heat step heated every designator).
     */
    private static final class Tally {
        final Map<String, int[]> counted = new LinkedHashMap<>();
        final Map<String, int[]> finished = new LinkedHashMap<>();
        boolean anyCounted;
        int countedCycles;
        int unitCycles;

        void add(String type, JsonObject data) {
            if (type.equals("unit.counted")) {
                anyCounted = true;
                int actions = data.get("reworkActions").getAsInt();
                int cycles = data.get("thermalCycles").getAsInt();
                countedCycles += cycles;
                for (JsonElement d : data.getAsJsonArray("designators")) {
                    int[] c = counted.computeIfAbsent(d.getAsString(), k -> new int[2]);
                    c[0] += actions;
                    c[1] += cycles;
                }
            } else if (type.equals("job.finished") && data.has("counts")) {
                for (JsonElement e : data.getAsJsonArray("counts")) {
                    JsonObject c = e.getAsJsonObject();
                    int[] n = finished.computeIfAbsent(string(c, "designator"), k -> new int[2]);
                    n[0] += c.get("reworkActions").getAsInt();
                    n[1] += c.get("thermalCycles").getAsInt();
                }
            }
        }

        /** Adds one record's tally to a sum over records. */
        void add(Tally record) {
            Map<String, int[]> counts = record.anyCounted ? record.counted : record.finished;
            counts.forEach((d, c) -> {
                int[] n = counted.computeIfAbsent(d, k -> new int[2]);
                n[0] += c[0];
                n[1] += c[1];
            });
            unitCycles += record.anyCounted ? record.countedCycles
                    : record.finished.values().stream().mapToInt(c -> c[1]).max().orElse(0);
        }

        List<ReworkCount> perDesignator(String unit) {
            Map<String, int[]> counts = anyCounted || finished.isEmpty() ? counted : finished;
            List<ReworkCount> list = new ArrayList<>();
            counts.forEach((d, c) -> {
                ReworkCount n = F.createReworkCount();
                n.setUnitSerial(unit);
                n.setDesignator(d);
                n.setReworkActions(c[0]);
                n.setThermalCycles(c[1]);
                list.add(n);
            });
            return list;
        }
    }

    private static void requested(ExecutionRecord record, JsonObject data, Instant time) {
        Job job = F.createJob();
        job.setId(string(data, "job"));
        job.setUnitSerial(string(data, "unit"));
        if (data.has("assembly")) {
            job.setAssemblyPartNumber(string(data, "assembly"));
        }
        if (data.has("customer")) {
            job.setCustomer(string(data, "customer"));
        }
        ProductClass productClass = ProductClass.get(string(data, "productClass"));
        if (productClass != null) {
            job.setProductClass(productClass);
        }
        data.getAsJsonArray("designators").forEach(d -> job.getDesignators().add(d.getAsString()));
        record.setJob(job);
        record.setProcedureId(string(data, "procedure"));
        record.setProcedureRevision(string(data, "revision"));
        record.setProcedureHash(string(data, "procedureHash"));
        record.setTechnicianId(string(data, "technician"));
        JsonArray certifications = data.getAsJsonArray("certifications");
        if (certifications != null && !certifications.isEmpty()) {
            record.setCertificationNumber(string(certifications.get(0).getAsJsonObject(), "number"));
        }
        record.setStation(string(data, "station"));
        record.setTraining(data.has("training") && data.get("training").getAsBoolean());
        if (data.has("deviations")) {
            data.getAsJsonArray("deviations").forEach(d -> record.getDeviations().add(d.getAsString()));
        }
        record.setStarted(time);
        record.setOutcome(Outcome.INTERRUPTED);
    }

    private static StepResult step(Map<String, StepResult> steps, ExecutionRecord record, JsonObject data) {
        return steps.computeIfAbsent(string(data, "step"), path -> {
            StepResult step = F.createStepResult();
            step.setPath(path);
            step.setState(StepState.ACTIVE);
            record.getSteps().add(step);
            return step;
        });
    }

    private static void ended(Map<String, StepResult> steps, ExecutionRecord record, JsonObject data, Instant time,
            String type) {
        StepResult step = step(steps, record, data);
        step.setState(StepState.get(type.substring("step.".length())));
        step.setFinished(time);
        if (data.has("reason")) {
            step.setReason(string(data, "reason"));
        }
        if (data.has("by")) {
            step.setConfirmedBy(string(data, "by"));
        }
        if (data.has("value")) {
            Measurement m = F.createMeasurement();
            m.setQuantity(string(data, "quantity"));
            m.setValue(data.get("value").getAsDouble());
            m.setUnit(string(data, "unit"));
            m.setWithinLimits(data.get("withinLimits").getAsBoolean());
            step.getMeasurements().add(m);
        }
        if (data.has("passed")) {
            step.setInspectionPassed(data.get("passed").getAsBoolean());
            if (!string(data, "note").isEmpty()) {
                step.setNotes(string(data, "note"));
            }
        }
        if (data.has("lot")) {
            MaterialLot lot = F.createMaterialLot();
            lot.setMaterialName(string(data, "material"));
            lot.setLot(string(data, "lot"));
            record.getLots().add(lot);
        }
    }

    private static void samples(Map<String, TelemetryChannel> telemetry, ExecutionRecord record, JsonObject data) {
        String name = string(data, "step") + ":" + string(data, "channel");
        TelemetryChannel channel = telemetry.computeIfAbsent(name, n -> {
            TelemetryChannel c = F.createTelemetryChannel();
            c.setName(n);
            c.setUnit("°C");
            record.getTelemetry().add(c);
            return c;
        });
        for (JsonElement pair : data.getAsJsonArray("samples")) {
            Sample sample = F.createSample();
            sample.setTime(pair.getAsJsonArray().get(0).getAsDouble());
            sample.setValue(pair.getAsJsonArray().get(1).getAsDouble());
            channel.getSamples().add(sample);
        }
    }

    private static ProfileStatistics statistics(JsonObject data) {
        JsonObject f = data.getAsJsonObject("figures");
        ProfileStatistics s = F.createProfileStatistics();
        s.setStep(string(data, "step"));
        s.setChannel("joint");
        s.setPeak(Temperature.of(f.get("peak").getAsDouble()));
        s.setTimeAboveLiquidus(TimeSpan.ofSeconds(f.get("timeAboveLiquidus").getAsDouble()));
        s.setMaxRampUp(RampRate.of(f.get("maxRampUp").getAsDouble()));
        s.setMaxRampDown(RampRate.of(f.get("maxRampDown").getAsDouble()));
        s.setTimeNearPeak(TimeSpan.ofSeconds(f.get("timeNearPeak").getAsDouble()));
        if (!Double.isNaN(f.get("soakTime").getAsDouble())) {
            s.setSoakTime(TimeSpan.ofSeconds(f.get("soakTime").getAsDouble()));
        }
        s.setTimeToPeak(TimeSpan.ofSeconds(f.get("timeToPeak").getAsDouble()));
        s.setPwi(data.get("pwi").getAsDouble());
        return s;
    }

    private static void finished(ExecutionRecord record, JsonObject data, Instant time) {
        record.setOutcome(Outcome.get(string(data, "outcome")));
        record.setFinished(time);
        if (data.has("pwi")) {
            record.setPwi(data.get("pwi").getAsDouble());
        }
        // the counts come from the record's unit.counted entries, or from here for an older record (see Tally)
    }

    private static Fault fault(Instant time, String source, String message) {
        Fault fault = F.createFault();
        fault.setTime(time);
        fault.setSource(source);
        fault.setMessage(message);
        return fault;
    }

    private static String string(JsonObject data, String key) {
        JsonElement e = data.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
