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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.JournalVerifier.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's record survives crashes and shows tampering, entry by entry. */
class JournalTest {

    @TempDir
    Path dir;

    private Path write(int entries, boolean finish) throws IOException {
        Path file = dir.resolve("job.jsonl");
        try (Journal journal = Journal.create(file)) {
            journal.append("job.started", Map.of("unit", "SN-000731", "procedure", "bga-removal"));
            for (int i = 1; i < entries - (finish ? 1 : 0); i++) {
                journal.append("telemetry", Map.of("t", i * 0.25, "joint", 25 + i * 0.5));
            }
            if (finish) {
                journal.append("job.finished", Map.of("outcome", "completed"));
            }
        }
        return file;
    }

    @Test
    void anIntactRecordVerifies() throws IOException {
        Report report = JournalVerifier.verify(write(20, true));
        assertEquals(20, report.entries());
        assertFalse(report.broken() || report.interrupted());
        assertTrue(report.finished());
    }

    @Test
    void aChangedValueIsFoundAtItsEntry() throws IOException {
        Path file = write(20, true);
        String text = Files.readString(file).replace("\"joint\":27.0", "\"joint\":17.0");
        Files.writeString(file, text);
        Report report = JournalVerifier.verify(file);
        assertEquals(5, report.brokenAt());
        assertEquals("entry 5 does not match its hash: it was changed after it was written", report.problem());
        assertEquals(4, report.entries());
    }

    @Test
    void aRemovedEntryIsFound() throws IOException {
        Path file = write(20, true);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(7);
        Files.write(file, lines);
        assertEquals("entry 8 is numbered 9: entries were removed or reordered", JournalVerifier.verify(file).problem());
    }

    @Test
    void aCrashAtAnyByteLosesNothingWrittenBefore() throws IOException {
        Path file = write(12, false);
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> lineEnds = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineEnds.add(i + 1);
            }
        }
        Path cut = dir.resolve("cut.jsonl");
        for (int length = 0; length <= bytes.length; length++) {
            Files.write(cut, java.util.Arrays.copyOf(bytes, length));
            Report report = JournalVerifier.verify(cut);
            final int n = length;
            long complete = lineEnds.stream().filter(e -> e <= n).count();
            assertFalse(report.broken(), "cut at " + length + ": " + report.problem());
            assertEquals(complete, report.entries(), "cut at " + length);
            assertEquals(!lineEnds.contains(length) && length > 0, report.interrupted(), "cut at " + length);
            assertFalse(report.finished());
        }
    }

    @Test
    void aResumedRecordChainsOntoItsLastIntactEntry() throws IOException {
        Path file = write(6, false);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 30)); // crash mid-line
        try (Journal journal = Journal.resume(file)) {
            assertEquals(5, journal.entries());
            journal.append("job.interrupted", Map.of("reason", "the engine restarted"));
            journal.append("job.finished", Map.of("outcome", "interrupted"));
        }
        Report report = JournalVerifier.verify(file);
        assertEquals(7, report.entries());
        assertFalse(report.broken() || report.interrupted());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("\"type\":\"job.interrupted\""));
    }

    @Test
    void aTamperedRecordIsNotAppendedTo() throws IOException {
        Path file = write(6, false);
        Files.writeString(file, Files.readString(file).replace("SN-000731", "SN-000732"));
        IOException e = assertThrows(IOException.class, () -> Journal.resume(file));
        assertTrue(e.getMessage().endsWith("entry 1 does not match its hash: it was changed after it was written; "
                + "the journal is left as it is"), e.getMessage());
    }

    @Test
    void aRecordIsNeverOverwritten() throws IOException {
        Path file = write(2, true);
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> Journal.create(file));
    }
}
