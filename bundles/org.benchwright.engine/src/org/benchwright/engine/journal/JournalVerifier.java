/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Checks a journal's chain entry by entry and says where, if anywhere, it breaks. */
public final class JournalVerifier {

    private static final Pattern TAIL = Pattern.compile("^(.*),\"hash\":\"([0-9a-f]{64})\"}$");

    /**
     * What a journal holds.
     *
     * @param entries     how many entries are intact, from the first
     * @param intactBytes the length of the intact part of the file
     * @param lastHash    the hash of the last intact entry
     * @param interrupted the last line is unfinished: the writer died while writing it (a crash, not tampering)
     * @param finished    the job's last entry says it ended ({@code job.finished}, or {@code job.refused} at the gate)
     * @param brokenAt    the number of the first entry whose chain is broken, 0 when none
     * @param problem     what is wrong with that entry, or {@code null}
     */
    public record Report(long entries, long intactBytes, String lastHash, boolean interrupted, boolean finished,
            long brokenAt, String problem) {

        public boolean broken() {
            return brokenAt > 0;
        }
    }

    private JournalVerifier() {
    }

    public static Report verify(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long entries = 0;
        long intact = 0;
        String previous = Journal.GENESIS;
        String lastType = null;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                // no newline: the line was being written when the writer stopped
                return new Report(entries, intact, previous, true, false, 0, null);
            }
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            String problem = check(line, entries + 1, previous);
            if (problem != null) {
                return new Report(entries, intact, previous, false, false, entries + 1, problem);
            }
            Matcher m = TAIL.matcher(line);
            m.matches();
            previous = m.group(2);
            lastType = JsonParser.parseString(line).getAsJsonObject().get("type").getAsString();
            entries++;
            start = end + 1;
            intact = start;
        }
        boolean ended = "job.finished".equals(lastType) || "job.refused".equals(lastType);
        return new Report(entries, intact, previous, false, ended, 0, null);
    }

    private static String check(String line, long expectedSeq, String previous) {
        Matcher m = TAIL.matcher(line);
        if (!m.matches()) {
            return "entry " + expectedSeq + " has no hash";
        }
        String body = m.group(1) + "}";
        if (!Hashes.sha256(body).equals(m.group(2))) {
            return "entry " + expectedSeq + " does not match its hash: it was changed after it was written";
        }
        JsonObject entry;
        try {
            entry = JsonParser.parseString(body).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return "entry " + expectedSeq + " is not a journal entry";
        }
        if (!entry.has("seq") || entry.get("seq").getAsLong() != expectedSeq) {
            return "entry " + expectedSeq + " is numbered " + (entry.has("seq") ? entry.get("seq") : "nothing")
                    + ": entries were removed or reordered";
        }
        if (!entry.has("prev") || !previous.equals(entry.get("prev").getAsString())) {
            return "entry " + expectedSeq + " does not follow entry " + (expectedSeq - 1)
                    + ": an entry before it was removed or replaced";
        }
        return null;
    }
}
