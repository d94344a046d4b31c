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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.journal.BenchKey;
import org.benchwright.engine.journal.Hashes;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.JournalVerifier.Report;
import org.benchwright.engine.journal.KeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench signs its records, so that one rewritten without its key (the chain recomputed after an edit, which the
 * chain alone cannot show) is named forged, and one signed by any other key is not taken for the bench's.
 */
class SignedJournalTest {

    @TempDir
    Path dir;

    private final BenchKey bench1 = BenchKey.generate();
    private final KeyRing ring = KeyRing.of(Map.of("bench-1", List.of(bench1.publicKeyText())));

    private Path write(BenchKey key) throws IOException {
        Path file = dir.resolve("job-" + System.nanoTime() + ".jsonl");
        try (Journal journal = Journal.create(file, key)) {
            journal.append("job.started", Map.of("unit", "SN-000731", "procedure", "bga-removal"));
            for (int i = 1; i <= 6; i++) {
                journal.appendAll("telemetry", List.of(Map.of("channel", "joint", "c", 25 + i),
                        Map.of("channel", "package", "c", 24 + i), Map.of("channel", "plan", "c", 26 + i)));
            }
            journal.append("job.finished", Map.of("outcome", "completed"));
        }
        return file;
    }

    @Test
    void aSignedRecordVerifiesAsItsBenchs() throws IOException {
        Path file = write(bench1);
        Report report = JournalVerifier.verify(file, ring);
        assertTrue(report.intact(), String.valueOf(report.forged()));
        assertEquals("bench-1", report.signer());
        assertEquals(20, report.signed());
        // every write signs its last line: one signature per forced write, 8 writes
        assertEquals(8, Files.readAllLines(file).stream().filter(l -> l.contains("\"sig\":")).count());
        // without keys the chain is checked and the key named, not trusted
        Report unchecked = JournalVerifier.verify(file);
        assertTrue(unchecked.intact());
        assertEquals(bench1.fingerprint(), unchecked.signer());
    }

    @Test
    void aRecordRewrittenWithoutTheKeyIsForged() throws IOException {
        Path file = write(bench1);
        rewrite(file, 5, "\"c\":27", "\"c\":37", false);
        assertTrue(JournalVerifier.verify(file).intact(), "the chain alone holds after a recomputation");
        Report report = JournalVerifier.verify(file, ring);
        assertFalse(report.intact());
        assertTrue(report.forged().startsWith("the signature of entry 7 is not bench-1's: the record was rewritten "
                + "without bench-1's key"), report.forged());
    }

    @Test
    void aRecordWhoseSignaturesWereStrippedIsForged() throws IOException {
        Path file = write(bench1);
        rewrite(file, 5, "\"c\":27", "\"c\":37", true);
        Report report = JournalVerifier.verify(file, ring);
        assertTrue(report.forged().startsWith("no bench signed it"), report.forged());
    }

    @Test
    void aRecordSignedWithAnotherKeyIsNotTheBenchs() throws IOException {
        Path file = write(BenchKey.generate());
        assertTrue(JournalVerifier.verify(file, ring).forged().contains("which no bench of the register has"));
    }

    @Test
    void aRecordOfAnotherBenchIsNotTakenForThisOnes() throws IOException {
        BenchKey bench2 = BenchKey.generate();
        KeyRing both = KeyRing.of(Map.of("bench-1", List.of(bench1.publicKeyText()), "bench-2",
                List.of(bench2.publicKeyText())));
        Path file = dir.resolve("claims-bench-1.jsonl");
        try (Journal journal = Journal.create(file, bench2)) {
            journal.append("job.requested", Map.of("job", "J-1", "bench", "bench-1"));
            journal.append("job.finished", Map.of("outcome", "completed"));
        }
        assertEquals("the record says it was written at bench-1, but bench-2's key signed it: a record of another "
                + "bench", JournalVerifier.verify(file, both).forged());
    }

    @Test
    void entriesAddedAfterTheLastSignatureAreNamed() throws IOException {
        Path file = write(bench1);
        try (Journal journal = Journal.resume(file)) { // someone without the key
            journal.append("step.done", Map.of("step", "inspect"));
        }
        assertEquals("entry 21 is not covered by bench-1's signature: added without its key",
                JournalVerifier.verify(file, ring).forged());
        try (Journal journal = Journal.resume(file, bench1)) { // the bench itself, after a restart
            journal.append("step.done", Map.of("step", "clean"));
        }
        assertNull(JournalVerifier.verify(file, ring).forged());
    }

    @Test
    void aCrashInTheMiddleOfAWriteIsNotAForgery() throws IOException {
        Path file = write(bench1);
        List<String> lines = Files.readAllLines(file);
        // the bench died writing entries 2-4 in one write: 2 and 3 whole (a write signs only its last line), 4 half
        assertFalse(lines.get(2).contains("\"sig\":"));
        Files.writeString(file, String.join("\n", lines.subList(0, 3)) + "\n" + lines.get(3).substring(0, 40));
        Report report = JournalVerifier.verify(file, ring);
        assertTrue(report.interrupted());
        assertEquals(3, report.entries());
        assertEquals(1, report.signed());
        assertTrue(report.intact(), String.valueOf(report.forged()));
        assertEquals("bench-1", report.signer());
    }

    @Test
    void aRotatedKeyStillVerifiesTheRecordsItSigned() throws IOException {
        Path old = write(bench1);
        BenchKey next = BenchKey.generate();
        Path recent = write(next);
        KeyRing both = KeyRing.of(Map.of("bench-1", List.of(next.publicKeyText(), bench1.publicKeyText())));
        assertTrue(JournalVerifier.verify(old, both).intact());
        assertTrue(JournalVerifier.verify(recent, both).intact());
        assertEquals("bench-1", JournalVerifier.verify(recent, both).signer());
    }

    @Test
    void theBenchsKeyIsItsOwnersAlone() throws IOException {
        Path keys = dir.resolve("keys");
        BenchKey made = BenchKey.loadOrCreate(keys);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("bench.key"))));
        assertEquals(made.fingerprint(), BenchKey.loadOrCreate(keys).fingerprint(), "made once, then kept");
        assertEquals(made.publicKeyText(), Files.readString(keys.resolve("bench.pub")).strip());
        Files.setPosixFilePermissions(keys.resolve("bench.key"), PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> BenchKey.loadOrCreate(keys));
        assertTrue(e.getMessage().contains("may be read by others (rw-r--r--)"), e.getMessage());
    }

    /**
     * What a forger does: changes entry {@code at}, then recomputes every hash from there on so that the chain holds;
     * without the key the signatures stay as they were ({@code strip}: are removed).
     */
    static void rewrite(Path file, int at, String from, String to, boolean strip) throws IOException {
        List<String> out = new ArrayList<>();
        String prev = "0".repeat(64);
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String sig = line.replaceAll("^.*?(,\"sig\":\"[^\"]*\")?}$", "$1");
            String body = line.replaceAll(",\"hash\":\"[0-9a-f]{64}\"(,\"sig\":\"[^\"]*\")?}$", "}");
            if (n == at) {
                assertTrue(body.contains(from), body);
                body = body.replace(from, to);
            }
            body = body.replaceAll("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
            prev = Hashes.sha256(body);
            out.add(body.substring(0, body.length() - 1) + ",\"hash\":\"" + prev + "\"" + (strip ? "" : sig) + "}");
        }
        Files.write(file, out, StandardCharsets.UTF_8);
    }
}
