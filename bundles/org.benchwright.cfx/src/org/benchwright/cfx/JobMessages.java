/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * What a job's record tells the plant's MES, in IPC-CFX: its journal entries, read in order, turned into CFX
 * messages. The record is the only source: the same record gives the same messages with the same UniqueIDs every
 * time it is read, so a bench that crashed, or a broker that went away, costs nothing but a resend.
 *
 * <table>
 * <caption>Entries and messages</caption>
 * <tr><th>entry</th><th>messages</th></tr>
 * <tr><td>job.started</td><td>OperatorActivated, RecipeActivated (procedure, revision), WorkStarted</td></tr>
 * <tr><td>step.done capturing a lot</td><td>MaterialsInstalled (the lot onto the job's designators)</td></tr>
 * <tr><td>the end of a {@code remove} / {@code install} operation</td><td>MaterialsUninstalled /
 * MaterialsInstalled of the designators' parts</td></tr>
 * <tr><td>step.done / failed of a measurement</td><td>ReadingsRecorded (value and its limits)</td></tr>
 * <tr><td>step.done / failed of an inspection</td><td>UnitsInspected</td></tr>
 * <tr><td>heat.done / failed / stopped</td><td>ReadingsRecorded (the profile's figures and PWI against their
 * windows), UnitsProcessed (GenericProcessData: figures, profile, station, the thermocouples' curves)</td></tr>
 * <tr><td>fault</td><td>FaultOccurred</td></tr>
 * <tr><td>job.finished</td><td>FaultCleared (for each fault of the job: the station is safe and the job closed),
 * UnitsRepaired, WorkCompleted, OperatorDeactivated</td></tr>
 * </table>
 * A refused job started no work and sends nothing.
 */
public final class JobMessages {

    private final String source;
    private final List<CfxEnvelope> out = new ArrayList<>();
    private JsonObject requested;
    private String job;
    private UUID transaction;
    private Instant started;
    private final Map<String, Instant> stepStarted = new LinkedHashMap<>();
    private String openOperation;
    private boolean operationFailed;
    private final Map<String, Map<String, List<double[]>>> telemetry = new LinkedHashMap<>();
    private JsonObject statistics;
    private final List<UUID> faults = new ArrayList<>();
    private final Map<String, String> profiles = new TreeMap<>();
    private String abortReason;
    private int readings;
    private long seq;

    /** @param source the bench's CFX handle, every message's {@code Source} */
    public JobMessages(String source) {
        this.source = source;
    }

    /** The messages of a whole record, one journal line after the other. */
    public static List<CfxEnvelope> of(String source, List<String> lines) {
        JobMessages messages = new JobMessages(source);
        List<CfxEnvelope> all = new ArrayList<>();
        for (String line : lines) {
            all.addAll(messages.accept(line));
        }
        return all;
    }

    /** The messages one more journal line gives (none for most). */
    public List<CfxEnvelope> accept(String line) {
        JsonObject entry;
        try {
            entry = JsonParser.parseString(line).getAsJsonObject();
        } catch (RuntimeException e) {
            return List.of(); // a line being written; the journal's own checks judge it
        }
        out.clear();
        seq = entry.get("seq").getAsLong();
        Instant time = Instant.parse(entry.get("time").getAsString());
        String type = entry.get("type").getAsString();
        JsonObject data = entry.has("data") && entry.get("data").isJsonObject() ? entry.getAsJsonObject("data")
                : new JsonObject();
        if ("job.requested".equals(type)) {
            requested = data;
            job = data.get("job").getAsString();
            transaction = CfxEnvelope.stableId(job, "transaction");
            return List.of();
        }
        if (requested == null) {
            return List.of(); // not a job's record
        }
        switch (type) {
            case "job.started" -> jobStarted(time);
            case "step.active" -> stepActive(time, data);
            case "step.done", "step.failed", "step.skipped" -> stepEnded(time, type, data);
            case "heat.started" -> profiles.put(text(data, "step"), text(data, "profile"));
            case "telemetry" -> telemetry(data);
            case "heat.statistics" -> statistics = data;
            case "heat.done", "heat.failed", "heat.stopped" -> heatEnded(time, type, data);
            case "fault" -> fault(time, data);
            case "job.aborted" -> abortReason = text(data, "reason");
            case "job.finished" -> jobFinished(time, data);
            default -> {
                // nothing the MES follows
            }
        }
        return List.copyOf(out);
    }

    private void emit(String message, Instant time, JsonObject body) {
        UUID id = CfxEnvelope.stableId(job, Long.toString(seq), message, Integer.toString(out.size()));
        out.add(CfxEnvelope.of(message, id, time, source, body));
    }

    // ---- the job ----

    private void jobStarted(Instant time) {
        started = time;
        emit("CFX.Production.OperatorActivated", time, object("Operator", operator()));
        emit("CFX.Production.RecipeActivated", time, object("RecipeName", text(requested, "procedure"), "Revision",
                text(requested, "revision"), "Lane", null, "Stage", null, "ExpectedCycleTime", 0.0,
                "ExpectedUnitsPerWorkTransaction", 1.0, "NumberOfComponentsPerUnit",
                (double) designators().size(), "WorkOrderIdentifier", null, "TargetQuantity", null,
                "RelevantSurface", "Unspecified", "RecipeStagesInformation", new JsonArray()));
        emit("CFX.Production.WorkStarted", time, object("PrimaryIdentifier", unit(), "HermesIdentifier", null,
                "TransactionID", transaction.toString(), "Lane", null, "UnitCount", 1, "Units", units(),
                "RecipeName", text(requested, "procedure"), "Revision", text(requested, "revision"),
                "RelevantSurface", "Unspecified", "WorkOrderIdentifier", null));
    }

    private void jobFinished(Instant time, JsonObject data) {
        closeOperation(time);
        String outcome = text(data, "outcome");
        String reason = data.has("reason") ? text(data, "reason") : abortReason;
        for (UUID fault : faults) {
            emit("CFX.ResourcePerformance.FaultCleared", time, object("FaultOccurrenceId", fault.toString(),
                    "Operator", operator()));
        }
        String repair = switch (outcome) {
            case "completed" -> "RepairSuccessful";
            case "failed" -> "UnableToRepair";
            default -> "Aborted";
        };
        JsonArray repairs = new JsonArray();
        for (String designator : designators()) {
            repairs.add(object("UniqueIdentifier", CfxEnvelope.stableId(job, "repair", designator).toString(),
                    "RepairName", text(requested, "title"), "RepairStartTime", time(started == null ? time : started),
                    "RepairEndTime", time(time), "Comments", text(requested, "procedure") + " revision "
                            + text(requested, "revision") + (reason == null ? "" : ": " + reason),
                    "ComponentOfInterest", object("ReferenceDesignator", designator, "UnitPosition", null,
                            "PartNumber", null),
                    "RegionOfInterest", null, "RelatedDefectIdentifiers", new JsonArray(), "ReclassifiedDefects",
                    new JsonArray(), "RelatedSymptomIdentifiers", new JsonArray(), "ReclassifiedSymptoms",
                    new JsonArray(), "Result", repair, "Error", "completed".equals(outcome) ? null : reason));
        }
        JsonArray repaired = new JsonArray();
        repaired.add(object("UnitIdentifier", unit(), "UnitPositionNumber", 1, "OverallResult", repair, "Repairs",
                repairs));
        emit("CFX.Production.ReworkAndRepair.UnitsRepaired", time, object("TransactionId", transaction.toString(),
                "RepairOperator", operator(), "RepairedUnits", repaired));
        String result = switch (outcome) {
            case "completed" -> "Completed";
            case "failed" -> "Failed";
            default -> "Aborted";
        };
        emit("CFX.Production.WorkCompleted", time, object("TransactionID", transaction.toString(), "Result", result,
                "PrimaryIdentifier", unit(), "HermesIdentifier", null, "UnitCount", 1, "Units", units(),
                "PerformanceImpacts", new JsonArray()));
        emit("CFX.Production.OperatorDeactivated", time, object("Operator", operator()));
    }

    // ---- steps ----

    private void stepActive(Instant time, JsonObject data) {
        String step = text(data, "step");
        stepStarted.put(step, time);
        String operation = operation(step);
        if (openOperation != null && !openOperation.equals(operation)) {
            closeOperation(time);
        }
        if (!operation.equals(openOperation)) {
            openOperation = operation;
            operationFailed = false;
        }
    }

    private void stepEnded(Instant time, String type, JsonObject data) {
        String step = text(data, "step");
        if ("step.failed".equals(type)) {
            operationFailed = true;
        }
        if (data.has("lot")) {
            installed(time, object("UniqueIdentifier", text(data, "lot"), "InternalPartNumber",
                    text(data, "material"), "Quantity", 0.0), step);
        }
        if (data.has("value")) {
            measured(time, step, data);
        }
        if (data.has("passed")) {
            inspected(time, step, data);
        }
    }

    /** A {@code remove} or {@code install} operation that ended without a failed step moved the parts. */
    private void closeOperation(Instant time) {
        String operation = openOperation;
        openOperation = null;
        if (operation == null || operationFailed) {
            return;
        }
        if (operation.startsWith("remove")) {
            JsonArray materials = new JsonArray();
            materials.add(object("UnitIdentifier", unit(), "UnitPositionNumber", 1, "QuantityUninstalled",
                    (double) designators().size(), "Reason", "Other", "Material", null, "UninstalledComponents",
                    components(null)));
            emit("CFX.Production.Assembly.MaterialsUninstalled", time, object("TransactionId",
                    transaction.toString(), "UninstalledMaterials", materials));
        } else if (operation.startsWith("install")) {
            installed(time, null, operation);
        }
    }

    private void installed(Instant time, JsonObject material, String step) {
        JsonArray materials = new JsonArray();
        materials.add(object("UnitIdentifier", unit(), "UnitPositionNumber", 1, "QuantityInstalled",
                (double) designators().size(), "QuantityNonInstalled", 0.0, "Material", material, "CarrierLocation",
                null, "InstalledComponents", components(time), "NonInstalledComponents", new JsonArray(),
                "ReferencePartNumber", null));
        emit("CFX.Production.Assembly.MaterialsInstalled", time, object("TransactionId", transaction.toString(),
                "InstalledMaterials", materials));
    }

    private void measured(Instant time, String step, JsonObject data) {
        boolean within = !data.has("withinLimits") || data.get("withinLimits").getAsBoolean();
        JsonArray list = new JsonArray();
        list.add(reading(time, step, within ? "Passed" : "Failed", text(data, "unit"), number(data.get("value")),
                null, data.has("lower") ? number(data.get("lower")) : null,
                data.has("upper") ? number(data.get("upper")) : null));
        emit("CFX.Production.ReadingsRecorded", time, object("TransactionId", transaction.toString(), "Readings",
                list));
    }

    private void inspected(Instant time, String step, JsonObject data) {
        boolean passed = data.get("passed").getAsBoolean();
        String note = text(data, "note");
        JsonArray inspections = new JsonArray();
        inspections.add(object("UniqueIdentifier", CfxEnvelope.stableId(job, "inspection", step, Long.toString(seq))
                .toString(), "InspectionName", step, "InspectionStartTime", time(stepStarted.getOrDefault(step, time)),
                "InspectionEndTime", time(time), "TestProcedure", text(requested, "procedure"), "Comments",
                note == null || note.isEmpty() ? null : note, "Result", passed ? "Passed" : "Failed", "Error", null,
                "DefectsFound", new JsonArray(), "Symptoms", null, "Measurements", new JsonArray()));
        JsonArray units = new JsonArray();
        units.add(object("UnitIdentifier", unit(), "UnitPositionNumber", 1, "OverallResult",
                passed ? "Passed" : "Failed", "Inspections", inspections));
        emit("CFX.Production.TestAndInspection.UnitsInspected", time, object("TransactionId", transaction.toString(),
                "InspectionMethod", "Human", "SamplingInformation", object("SamplingMethod", "NoSampling",
                        "LotSize", null, "SampleSize", null),
                "Inspector", operator(), "RecipeName", text(requested, "procedure"), "RecipeRevision",
                text(requested, "revision"), "InspectedUnits", units));
    }

    // ---- heat ----

    private void telemetry(JsonObject data) {
        String step = text(data, "step");
        String channel = text(data, "channel");
        List<double[]> samples = telemetry.computeIfAbsent(step, s -> new LinkedHashMap<>())
                .computeIfAbsent(channel, c -> new ArrayList<>());
        for (JsonElement sample : data.getAsJsonArray("samples")) {
            JsonArray pair = sample.getAsJsonArray();
            samples.add(new double[] { pair.get(0).getAsDouble(), pair.get(1).getAsDouble() });
        }
    }

    private void heatEnded(Instant time, String type, JsonObject data) {
        String step = text(data, "step");
        boolean inside = data.has("inside") && data.get("inside").getAsBoolean();
        String result = switch (type) {
            case "heat.done" -> inside ? "Succeeded" : "Failed";
            case "heat.failed" -> "Failed";
            default -> "Aborted";
        };
        JsonArray figures = new JsonArray();
        JsonArray readingsOfFigures = new JsonArray();
        JsonObject stats = statistics != null && step.equals(text(statistics, "step")) ? statistics : null;
        if (stats != null) {
            Map<String, JsonObject> windows = windows(stats);
            JsonObject measured = stats.getAsJsonObject("figures");
            for (Map.Entry<String, JsonElement> figure : measured.entrySet()) {
                double value = number(figure.getValue());
                if (Double.isNaN(value)) {
                    continue;
                }
                JsonObject window = windows.get(figure.getKey());
                String unit = window != null ? text(window, "unit") : UNITS.getOrDefault(figure.getKey(), "");
                Double min = window != null ? bound(window.get("min")) : null;
                Double max = window != null ? bound(window.get("max")) : null;
                String name = capitalized(figure.getKey());
                figures.add(genericValue(name, value, unit, min, max));
                boolean within = (min == null || value >= min) && (max == null || value <= max);
                readingsOfFigures.add(reading(time, step + "/" + name, window == null ? "Passed"
                        : within ? "Passed" : "Failed", unit, value, null, min, max));
            }
            if (stats.has("pwi")) {
                double pwi = number(stats.get("pwi"));
                figures.add(genericValue("ProcessWindowIndex", pwi, "%", null, 100.0));
                readingsOfFigures.add(reading(time, step + "/ProcessWindowIndex", pwi <= 100 ? "Passed" : "Failed",
                        "%", pwi, null, null, 100.0));
            }
        }
        statistics = null;
        if (!readingsOfFigures.isEmpty()) {
            emit("CFX.Production.ReadingsRecorded", time, object("TransactionId", transaction.toString(), "Readings",
                    readingsOfFigures));
        }
        JsonArray parameters = new JsonArray();
        parameters.add(parameter("Step", step));
        parameters.add(parameter("Profile", profile(step)));
        parameters.add(parameter("Station", text(requested, "station")));
        if (data.has("reason")) {
            parameters.add(parameter("Reason", text(data, "reason")));
        }
        Map<String, List<double[]>> curves = telemetry.remove(step);
        if (curves != null) {
            curves.forEach((channel, samples) -> parameters.add(parameter("Telemetry." + channel, curve(samples))));
        }
        JsonObject process = object("Setpoints", new JsonArray(), "Readings", figures, "Parameters", parameters,
                "StageData", new JsonArray());
        JsonArray units = new JsonArray();
        units.add(object("UnitIdentifier", unit(), "UnitPositionNumber", 1, "UnitResult", result, "UnitProcessData",
                null));
        emit("CFX.Production.Processing.UnitsProcessed", time, object("TransactionId", transaction.toString(),
                "OverallResult", result, "CommonProcessData",
                CfxEnvelope.typed("CFX.Structures.Generic.GenericProcessData", process), "UnitProcessData", units));
    }

    private String profile(String step) {
        return profiles.get(step);
    }

    /** The figures' units when the record does not give their windows. */
    private static final Map<String, String> UNITS = Map.of("peak", "°C", "timeAboveLiquidus", "s", "maxRampUp",
            "°C/s", "maxRampDown", "°C/s", "timeNearPeak", "s", "soakTime", "s", "timeToPeak", "s");

    private static Map<String, JsonObject> windows(JsonObject stats) {
        Map<String, JsonObject> windows = new LinkedHashMap<>();
        if (stats.has("windows")) {
            for (JsonElement w : stats.getAsJsonArray("windows")) {
                windows.put(text(w.getAsJsonObject(), "figure"), w.getAsJsonObject());
            }
        }
        return windows;
    }

    private static Double bound(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        double v = number(value);
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    /** A channel's samples at one a second at most: {@code "t:°C t:°C ..."}, seconds from the step's start. */
    private static String curve(List<double[]> samples) {
        StringBuilder text = new StringBuilder();
        double next = Double.NEGATIVE_INFINITY;
        for (double[] sample : samples) {
            if (sample[0] < next) {
                continue;
            }
            next = Math.floor(sample[0]) + 1;
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(String.format(Locale.ROOT, "%.1f:%.1f", sample[0], sample[1]));
        }
        return text.toString();
    }

    // ---- faults ----

    private void fault(Instant time, JsonObject data) {
        UUID id = CfxEnvelope.stableId(job, "fault", Long.toString(seq));
        faults.add(id);
        String kind = text(data, "kind");
        emit("CFX.ResourcePerformance.FaultOccurred", time, object("Fault", object("TransactionID",
                transaction.toString(), "Cause", cause(kind), "Severity", "Error", "FaultCode", kind,
                "FaultOccurrenceId", id.toString(), "Lane", null, "Stage", null, "SideLocation", "Unknown",
                "AccessType", "Unknown", "Description", text(data, "source") + ": " + text(data, "message")
                        + (data.has("safeState") && data.get("safeState").getAsBoolean()
                                ? "; heaters off, station in safe state" : ""),
                "DescriptionTranslations", new JsonObject(), "OccurredAt", time(time), "DueDateTime", null)));
    }

    /** The CFX cause of a station fault. */
    static String cause(String kind) {
        return switch (kind == null ? "" : kind) {
            case "OVER_TEMPERATURE", "HEATER_STUCK" -> "AutoSafetyStop";
            case "LINK_LOST", "TELEMETRY_STOPPED", "SENSOR_OPEN" -> "ElectricalFailure";
            case "DEVICE_ERROR" -> "MechanicalFailure";
            default -> "ProcessError";
        };
    }

    // ---- structures ----

    private JsonObject operator() {
        String name = text(requested, "technicianName");
        String first = null;
        String last = name;
        if (name != null && name.strip().contains(" ")) {
            int space = name.strip().lastIndexOf(' ');
            first = name.strip().substring(0, space);
            last = name.strip().substring(space + 1);
        }
        return object("OperatorIdentifier", text(requested, "technician"), "ActorType", "Human", "LastName",
                last == null || last.isEmpty() ? null : last, "FirstName", first, "LoginName",
                text(requested, "technician"));
    }

    private JsonArray units() {
        JsonArray units = new JsonArray();
        units.add(object("UnitIdentifier", unit(), "PositionNumber", 1, "PositionName", null, "X", 0.0, "Y", 0.0,
                "Z", null, "Rotation", 0.0, "FlipX", false, "FlipY", false, "Status", "Pass"));
        return units;
    }

    private JsonArray components(Instant installed) {
        JsonArray components = new JsonArray();
        for (String designator : designators()) {
            components.add(object("ReferenceDesignator", designator, "InstalledUnitIdentifier", unit(),
                    "InstallationTime", installed == null ? null : time(installed), "Stage", null, "ElectricalTest",
                    null, "Tests", null));
        }
        return components;
    }

    private JsonObject reading(Instant time, String name, String result, String unit, double value, Double expected,
            Double min, Double max) {
        JsonArray components = new JsonArray();
        for (String designator : designators()) {
            components.add(object("ReferenceDesignator", designator, "UnitPosition", null, "PartNumber", null));
        }
        return object("ReadingIdentifier", name, "TimeRecorded", time(time), "ReadingSequence", ++readings, "Result",
                result, "UnitIdentifier", unit(), "UnitPositionNumber", 1, "Components", components,
                "ValueDataType", "Numeric", "ValueUnits", unit, "ValueMimeType", null, "Value", format(value),
                "ExpectedValue", expected == null ? null : format(expected), "ExpectedValueUnits",
                expected == null ? null : unit, "MinimumAcceptableValue", min == null ? null : format(min),
                "MaximumAcceptableValue", max == null ? null : format(max));
    }

    private static JsonObject genericValue(String name, double value, String unit, Double min, Double max) {
        return object("Name", name, "Value", object("Value", Math.round(value * 1000) / 1000.0, "ValueUnits", unit, "ExpectedValue", null,
                "ExpectedValueUnits", null, "MinimumAcceptableValue", min, "MinimumAcceptableValueUnits",
                min == null ? null : unit, "MaximumAcceptableValue", max, "MaximumAcceptableValueUnits",
                max == null ? null : unit));
    }

    private static JsonObject parameter(String name, String value) {
        return object("Name", name, "Value", value);
    }

    private String unit() {
        return text(requested, "unit");
    }

    private List<String> designators() {
        List<String> designators = new ArrayList<>();
        if (requested.has("designators")) {
            requested.getAsJsonArray("designators").forEach(d -> designators.add(d.getAsString()));
        }
        return designators;
    }

    /** The operation a step belongs to: {@code remove} of {@code remove/1}. */
    private static String operation(String step) {
        int slash = step.indexOf('/');
        return slash < 0 ? step : step.substring(0, slash);
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String format(double value) {
        return Math.rint(value) == value && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                        .toPlainString();
    }

    private static String time(Instant time) {
        return CfxEnvelope.TIME.format(CfxEnvelope.local(time));
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        try {
            return e.getAsDouble();
        } catch (NumberFormatException ex) {
            return Double.NaN; // "NaN", "Infinity": written by the journal for figures that have no value
        }
    }

    /** An object of name-value pairs, in order; values are strings, numbers, booleans, JSON or null. */
    static JsonObject object(Object... pairs) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            JsonElement element;
            if (value == null) {
                element = JsonNull.INSTANCE;
            } else if (value instanceof JsonElement json) {
                element = json;
            } else if (value instanceof Number n) {
                element = new JsonPrimitive(n);
            } else if (value instanceof Boolean b) {
                element = new JsonPrimitive(b);
            } else {
                element = new JsonPrimitive(value.toString());
            }
            o.add((String) pairs[i], element);
        }
        return o;
    }
}
