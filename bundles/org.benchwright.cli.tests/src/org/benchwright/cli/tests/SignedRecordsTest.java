/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchwright.engine.journal.BenchKey;
import org.junit.jupiter.api.Test;

/**
 * The bench signs every record it writes; {@code verify} checks the signatures against the station register's keys
 * and the entries against the plant store's, so that neither a record rewritten with its chain recomputed, nor one
 * rewritten and signed again with the bench's key, nor one cut short passes as what the bench wrote.
 */
class SignedRecordsTest extends CommandLineTest {

    @Test
    void aRecordRewrittenOrCutShortIsNotTakenForWhatTheBenchWrote() throws IOException {
        approve("bga-removal");
        String answers = EXAMPLES.resolve("bga-removal.answers").toString();
        String store = "h2:" + dir.resolve("plant");
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-S1", "--technician", "T-001", "--designators",
                "U7", "--answers", answers, "--store", store), out() + err());
        Path first = record();
        String job = jobOf(first);

        // the bench's key, registered as the register's line says
        assertEquals(0, cli("keys", "--bench", "bench-1"), err());
        Matcher line = Pattern.compile("bench-1\\.public-keys = ed25519:\\S+").matcher(out());
        assertTrue(line.find(), out());
        Path stations = dir.resolve("stations.properties");
        Files.writeString(stations, line.group() + "\n");

        assertEquals(0, cli("verify", "--stations", stations.toString(), "--store", store, first.toString()), out());
        assertTrue(out().contains(first + ": " + Files.readAllLines(first).size() + " entries, chain intact, job "
                + "finished; signed by bench-1"), out());
        assertTrue(out().contains(first + ": the plant store holds the same " + Files.readAllLines(first).size()
                + " entries"), out());
        assertEquals(0, cli("verify", first.toString()), out());
        assertTrue(out().contains("; signed with key "), out());

        // a deviation written out of the record, its chain recomputed: the chain holds, the signature does not
        Path copy = dir.resolve("copy.jsonl");
        Files.copy(first, copy);
        rewrite(copy, "\"unit\":\"SN-S1\"", "\"unit\":\"SN-S9\"", null);
        assertEquals(0, cli("verify", copy.toString()), "without keys only the chain is checked: " + out());
        assertEquals(1, cli("verify", "--stations", stations.toString(), copy.toString()), out());
        assertTrue(out().contains(copy + ": FORGED: the signature of entry "), out());
        assertTrue(out().contains("is not bench-1's: the record was rewritten without bench-1's key"), out());

        // someone at the bench, with its key, rewrites the record and signs it again: the plant store, which
        // received every entry as it was written, shows it
        String original = Files.readString(first);
        BenchKey key = BenchKey.load(Path.of(System.getProperty("user.home"), ".benchwright", "keys", "bench.key"));
        rewrite(first, "\"unit\":\"SN-S1\"", "\"unit\":\"SN-S9\"", key);
        assertEquals(0, cli("verify", "--stations", stations.toString(), first.toString()), out());
        assertEquals(1, cli("verify", "--stations", stations.toString(), "--store", store, first.toString()), out());
        assertTrue(out().contains(first + ": DIFFERS from the plant store's record of job " + job + " at entry 1: the store holds "), out());
        // or cuts its last entries off, where each write's signature still covers what is left
        List<String> lines = original.lines().toList();
        int keep = lines.size() - 1;
        while (!lines.get(keep - 1).contains("\"sig\":")) {
            keep--;
        }
        Files.writeString(first, String.join("\n", lines.subList(0, keep)) + "\n");
        assertEquals(1, cli("verify", "--stations", stations.toString(), "--store", store, first.toString()), out());
        assertTrue(out().contains("this file ends at entry " + keep + ": entries were cut off"), out());
    }

    private static String jobOf(Path record) throws IOException {
        Matcher m = Pattern.compile("\"job\":\"([^\"]+)\"").matcher(Files.readString(record));
        assertTrue(m.find());
        return m.group(1);
    }
}
