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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.benchwright.cfx.CfxEnvelope;
import org.benchwright.cfx.CfxOutbox;
import org.benchwright.cfx.CfxSettings;
import org.benchwright.cfx.JobMessages;
import org.junit.jupiter.api.Test;

/** The outbox over a records folder, and the settings that configure an endpoint; no broker needed. */
class CfxOutboxTest extends BenchTest {

    @Test
    void aFolderFollowedForTheFirstTimeTakesItsEndedJobsAsHistoryAndTheNextJobAsNews() throws Exception {
        Path records = dir.resolve("records");
        bgaRemoval("SN-OLD", records);
        CfxOutbox outbox = new CfxOutbox(records, "Plant1.Rework.Bench8");
        assertEquals(List.of(), outbox.pending(), "a job that ended before CFX was configured is not news");
        Path next = bgaRemoval("SN-NEW", records);
        List<CfxOutbox.Pending> pending = outbox.pending();
        assertEquals(1, pending.size());
        assertEquals(next.getFileName().toString(), pending.get(0).record());
        assertEquals(11, pending.get(0).messages().size());
    }

    @Test
    void whatTheBrokerAcceptedIsNotSentAgainAfterARestartAndARecordIsReadAsItGrows() throws Exception {
        List<String> lines = Files.readAllLines(bgaRemoval("SN-GROW", dir.resolve("made")));
        List<CfxEnvelope> all = JobMessages.of("Plant1.Rework.Bench8", lines);
        Path records = Files.createDirectories(dir.resolve("records"));
        CfxOutbox outbox = new CfxOutbox(records, "Plant1.Rework.Bench8");
        Path journal = records.resolve("SN-GROW.jsonl");
        // the job has begun: its first lines, and half of the next one (being written)
        Files.writeString(journal, String.join("\n", lines.subList(0, 3)) + "\n" + lines.get(3).substring(0, 20),
                StandardCharsets.UTF_8);
        assertEquals(all.subList(0, 3).stream().map(CfxEnvelope::uniqueId).toList(), ids(outbox));
        outbox.accepted("SN-GROW.jsonl", 2);
        outbox.save();
        // the bench went down; the line was finished and the job went on; another endpoint takes the folder over
        Files.writeString(journal, lines.get(3).substring(20) + "\n" + String.join("\n", lines.subList(4,
                lines.size())) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        CfxOutbox after = new CfxOutbox(records, "Plant1.Rework.Bench8");
        assertEquals(all.subList(2, all.size()).stream().map(CfxEnvelope::uniqueId).toList(), ids(after),
                "from the first message the broker had not accepted, each once");
        after.accepted("SN-GROW.jsonl", all.size() - 2);
        after.save();
        assertEquals(List.of(), new CfxOutbox(records, "Plant1.Rework.Bench8").pending());
        assertTrue(Files.readString(records.resolve(".cfx").resolve("sent")).contains("SN-GROW.jsonl\t"
                + all.size() + "\tdone"));
    }

    @Test
    void aConfigurationSaysWhichFileAndWhichKeyIsWrong() throws Exception {
        Path file = dir.resolve("bench.cfx.properties");
        Files.writeString(file, "cfx.broker = amqp://mes:5672\ncfx.address = /exchange/amq.topic/cfx\n");
        IOException noHandle = assertThrows(IOException.class, () -> CfxSettings.load(file));
        assertEquals(file + ": cfx.handle: the bench's CFX handle is missing (for example Plant1.Rework.Bench3)",
                noHandle.getMessage());
        Files.writeString(file, "cfx.handle = B1\ncfx.broker = amqp://bw:secret@mes:5672\ncfx.address = /queue/x\n");
        assertTrue(assertThrows(IOException.class, () -> CfxSettings.load(file)).getMessage().startsWith(file
                + ": cfx.broker: no user or password in the address"));
        Files.writeString(file, "cfx.handle = B1\ncfx.broker = http://mes\ncfx.address = /queue/x\n");
        assertEquals(file + ": cfx.broker: expected amqp://host:port or amqps://host:port, not http://mes",
                assertThrows(IOException.class, () -> CfxSettings.load(file)).getMessage());
        Files.writeString(file, "cfx.handle = B1\ncfx.broker = amqps://mes:5671\ncfx.address = /queue/x\n"
                + "cfx.credentials = missing.credentials\n");
        assertTrue(assertThrows(IOException.class, () -> CfxSettings.load(file)).getMessage().startsWith(file
                + ": cfx.credentials: cannot read " + dir.resolve("missing.credentials")));
        Files.writeString(dir.resolve("missing.credentials"), "user = bench8\npassword = s3cret\n");
        CfxSettings settings = CfxSettings.load(file);
        assertEquals("bench8", settings.login().user());
        assertEquals("/queue/B1", settings.requests());
        assertTrue(!settings.login().toString().contains("s3cret"), "a password is never printed");
        Properties off = new Properties();
        off.setProperty("cfx.handle", "B1");
        assertEquals(null, CfxSettings.of("station.properties", off, Map.of(), null), "no broker: CFX is off");
    }

    private static List<java.util.UUID> ids(CfxOutbox outbox) throws IOException {
        return outbox.pending().stream().flatMap(p -> p.messages().stream()).map(CfxEnvelope::uniqueId).toList();
    }
}
