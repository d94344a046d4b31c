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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return record;
    }

    /**
     * What earlier jobs did to a unit: per designator, the rework actions and thermal cycles of every finished
     * record in {@code folder} for {@code unit} (interrupted jobs count too: their heat happened).
     */
    public static List<ReworkCount> history(Path folder, String unit) throws IOException {
        Map<String, ReworkCount> counts = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jsonl")) {
            for (Path file : files) {
                ExecutionRecord record;
                try {
                    record = read(file);
                } catch (IOException e) {
                    continue; // not a record, or tampered with: verify reports it; it does not lower the counts
                }
                if (!unit.equals(record.getJob().getUnitSerial())) {
                    continue;
                }
                for (ReworkCount c : record.getCounts()) {
                    ReworkCount sum = counts.computeIfAbsent(c.getDesignator(), d -> {
                        ReworkCount n = F.createReworkCount();
                        n.setUnitSerial(unit);
                        n.setDesignator(d);
                        return n;
                    });
                    sum.setReworkActions(sum.getReworkActions() + c.getReworkActions());
                    sum.setThermalCycles(sum.getThermalCycles() + c.getThermalCycles());
                }
            }
        }
        return List.copyOf(counts.values());
    }

    private static void requested(ExecutionRecord record, JsonObject data, Instant time) {
        Job job = F.createJob();
        job.setId(string(data, "job"));
        job.setUnitSerial(string(data, "unit"));
        if (data.has("assembly")) {
            job.setAssemblyPartNumber(string(data, "assembly"));
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
        for (JsonElement e : data.getAsJsonArray("counts")) {
            JsonObject c = e.getAsJsonObject();
            ReworkCount count = F.createReworkCount();
            count.setUnitSerial(string(c, "unit"));
            count.setDesignator(string(c, "designator"));
            count.setReworkActions(c.get("reworkActions").getAsInt());
            count.setThermalCycles(c.get("thermalCycles").getAsInt());
            record.getCounts().add(count);
        }
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
