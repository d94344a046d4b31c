/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import org.benchwright.cfx.CfxCheck;
import org.benchwright.cfx.CfxEnvelope;
import org.benchwright.cfx.JobMessages;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** What records of jobs that did not go well tell the MES; no broker needed. */
class JobMessagesTest extends BenchTest {

    @Test
    void aLinkLostDuringTheHeatStepIsAFaultTheMesSeesOccurAndClear() throws Exception {
        Path record = job(1, "SN-CFX-F", dir.resolve("records"), "--station", "sim:fault=link-lost@90s");
        List<CfxEnvelope> messages = JobMessages.of("Plant1.Rework.Bench7", Files.readAllLines(record));
        messages.forEach(m -> assertEquals(List.of(), CfxCheck.sdk().check(m.toJson(false)), m.messageName()));
        JsonObject fault = body(messages, "CFX.ResourcePerformance.FaultOccurred").getAsJsonObject("Fault");
        assertEquals("ElectricalFailure", fault.get("Cause").getAsString());
        assertEquals("LINK_LOST", fault.get("FaultCode").getAsString());
        assertTrue(fault.get("Description").getAsString().endsWith("heaters off, station in safe state"),
                fault.toString());
        assertEquals(fault.get("FaultOccurrenceId"), body(messages, "CFX.ResourcePerformance.FaultCleared")
                .get("FaultOccurrenceId"), "cleared is the fault that occurred");
        assertEquals("Failed", body(messages, "CFX.Production.Processing.UnitsProcessed").get("OverallResult")
                .getAsString());
        assertEquals("Failed", body(messages, "CFX.Production.WorkCompleted").get("Result").getAsString());
        assertEquals("UnableToRepair", body(messages, "CFX.Production.ReworkAndRepair.UnitsRepaired")
                .getAsJsonArray("RepairedUnits").get(0).getAsJsonObject().get("OverallResult").getAsString());
        assertFalse(names(messages).contains("CFX.Production.Assembly.MaterialsUninstalled"),
                "a removal whose heat step failed removed nothing: " + names(messages));
    }

    @Test
    void anAbortedJobEndsAbortedAndARefusedOneStartedNoWork() throws Exception {
        Path answers = dir.resolve("abort.answers");
        Files.writeString(answers, "prepare/msl = done\nprepare/2 = done\nprepare/flux = abort the flux is out of date\n");
        Path aborted = job(1, "SN-CFX-A", dir.resolve("records"), "--answers", answers.toString());
        List<CfxEnvelope> messages = JobMessages.of("Plant1.Rework.Bench7", Files.readAllLines(aborted));
        assertEquals(List.of("CFX.Production.OperatorActivated", "CFX.Production.RecipeActivated",
                "CFX.Production.WorkStarted", "CFX.Production.ReworkAndRepair.UnitsRepaired",
                "CFX.Production.WorkCompleted", "CFX.Production.OperatorDeactivated"), names(messages));
        assertEquals("Aborted", body(messages, "CFX.Production.WorkCompleted").get("Result").getAsString());
        JsonObject repair = body(messages, "CFX.Production.ReworkAndRepair.UnitsRepaired").getAsJsonArray(
                "RepairedUnits").get(0).getAsJsonObject().getAsJsonArray("Repairs").get(0).getAsJsonObject();
        assertEquals("prepare/flux: the flux is out of date", repair.get("Error").getAsString());

        Path refused = job(1, "SN-CFX-R", dir.resolve("records"), "--technician", "T-002");
        assertEquals(List.of(), JobMessages.of("Plant1.Rework.Bench7", Files.readAllLines(refused)),
                "a refused job did no work");
    }

    @Test
    void everyMessageHasAnIdentifierOfItsOwnAndTheSameOneEveryTime() throws Exception {
        List<String> lines = Files.readAllLines(bgaRemoval("SN-CFX-I", dir.resolve("records")));
        List<CfxEnvelope> once = JobMessages.of("Plant1.Rework.Bench7", lines);
        List<CfxEnvelope> again = JobMessages.of("Plant1.Rework.Bench7", lines);
        assertEquals(once.stream().map(CfxEnvelope::uniqueId).toList(), again.stream().map(CfxEnvelope::uniqueId)
                .toList());
        assertEquals(once.size(), new HashSet<>(once.stream().map(CfxEnvelope::uniqueId).toList()).size());
        assertEquals(once.stream().map(m -> m.toJson(false)).toList(), again.stream().map(m -> m.toJson(false))
                .toList(), "the same bytes, so a resent message is the same message");
    }

    @Test
    void aMeasuredValueIsAReadingWithItsLimitsAndAnInstallationInstallsTheParts() {
        // entries as the engine writes them (their chain is the journal's business, not the MES's)
        List<String> lines = List.of(
                entry(1, "job.requested", "{\"job\":\"J-1\",\"unit\":\"SN-M\",\"designators\":[\"U7\",\"U8\"],"
                        + "\"procedure\":\"bga-installation\",\"title\":\"BGA Installation\",\"revision\":\"1\","
                        + "\"technician\":\"T-001\",\"technicianName\":\"Ana Ortega\",\"station\":\"sim\"}"),
                entry(2, "job.started", "{\"unit\":\"SN-M\",\"technician\":\"T-001\"}"),
                entry(3, "step.active", "{\"step\":\"prepare/board\",\"kind\":\"MeasureStep\"}"),
                entry(4, "step.failed", "{\"by\":\"operator\",\"quantity\":\"board temperature\",\"value\":61.5,"
                        + "\"unit\":\"°C\",\"withinLimits\":false,\"upper\":60.0,\"step\":\"prepare/board\"}"),
                entry(5, "step.active", "{\"step\":\"install/1\",\"kind\":\"InstructionStep\"}"),
                entry(6, "step.done", "{\"by\":\"operator\",\"step\":\"install/1\",\"state\":\"done\"}"),
                entry(7, "step.active", "{\"step\":\"inspect/joints\",\"kind\":\"InspectStep\"}"));
        List<CfxEnvelope> messages = JobMessages.of("Plant1.Rework.Bench7", lines);
        messages.forEach(m -> assertEquals(List.of(), CfxCheck.sdk().check(m.toJson(false)), m.messageName()));
        JsonObject reading = body(messages, "CFX.Production.ReadingsRecorded").getAsJsonArray("Readings").get(0)
                .getAsJsonObject();
        assertEquals("prepare/board", reading.get("ReadingIdentifier").getAsString());
        assertEquals("61.5", reading.get("Value").getAsString());
        assertEquals("°C", reading.get("ValueUnits").getAsString());
        assertEquals("60", reading.get("MaximumAcceptableValue").getAsString());
        assertTrue(reading.get("MinimumAcceptableValue").isJsonNull());
        assertEquals("Failed", reading.get("Result").getAsString());
        JsonObject installed = body(messages, "CFX.Production.Assembly.MaterialsInstalled").getAsJsonArray(
                "InstalledMaterials").get(0).getAsJsonObject();
        assertEquals(2.0, installed.get("QuantityInstalled").getAsDouble(), "U7 and U8");
        assertEquals("U8", installed.getAsJsonArray("InstalledComponents").get(1).getAsJsonObject()
                .get("ReferenceDesignator").getAsString());
    }

    private static String entry(int seq, String type, String data) {
        return "{\"seq\":" + seq + ",\"time\":\"2026-12-05T10:00:0" + seq + "Z\",\"type\":\"" + type + "\",\"data\":"
                + data + ",\"prev\":\"\",\"hash\":\"\"}";
    }

    private static List<String> names(List<CfxEnvelope> messages) {
        return messages.stream().map(CfxEnvelope::messageName).toList();
    }

    private static JsonObject body(List<CfxEnvelope> messages, String name) {
        return messages.stream().filter(m -> m.messageName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + names(messages))).body();
    }
}
