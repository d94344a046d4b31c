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
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Checks a journal's chain entry by entry and says where, if anywhere, it breaks; given the benches' public keys, also
 * whether the bench that wrote it signed it all, so that a record whose chain was recomputed after an edit (which
 * the chain alone cannot show) is named forged.
 */
public final class JournalVerifier {

    private static final Pattern TAIL = Pattern
            .compile("^(.*),\"hash\":\"([0-9a-f]{64})\"(?:,\"sig\":\"([0-9a-f]{16}):([A-Za-z0-9+/=]+)\")?}$");

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
     * @param signer      who signed the intact part: the bench whose key it is, or the key's fingerprint when the
     *                    keys given do not name it; {@code null} when it is not signed
     * @param signed      how many entries, from the first, a signature covers
     * @param forged      why the record is not what its bench wrote, though its chain holds (a signature that does
     *                    not verify, a key no bench has, entries no signature covers); {@code null} when nothing says so
     */
    public record Report(long entries, long intactBytes, String lastHash, boolean interrupted, boolean finished,
            long brokenAt, String problem, String signer, long signed, String forged) {

        public boolean broken() {
            return brokenAt > 0;
        }

        /** Whether the chain holds and nothing shows the record forged. */
        public boolean intact() {
            return !broken() && forged == null;
        }
    }

    private JournalVerifier() {
    }

    /** Checks the chain; signatures are read, not checked (no keys to check them with). */
    public static Report verify(Path file) throws IOException {
        return verify(file, KeyRing.NONE);
    }

    /**
     * Checks the chain and, when {@code keys} holds any, the signatures: every signature must be a key of the ring's
     * and verify, one key must sign the whole record, and every entry must be covered by a signature (entries after
     * the last one only when the writer stopped in the middle of a write).
     */
    public static Report verify(Path file, KeyRing keys) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Signatures signatures = new Signatures(keys);
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
                return signatures.report(entries, intact, previous, true, false, 0, null);
            }
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            String problem = check(line, entries + 1, previous);
            if (problem != null) {
                return signatures.report(entries, intact, previous, false, false, entries + 1, problem);
            }
            Matcher m = TAIL.matcher(line);
            m.matches();
            previous = m.group(2);
            signatures.check(entries + 1, m.group(2), m.group(3), m.group(4));
            JsonObject entry = JsonParser.parseString(line).getAsJsonObject();
            lastType = entry.get("type").getAsString();
            if (entries == 0 && "job.requested".equals(lastType) && entry.getAsJsonObject("data").has("bench")) {
                signatures.claimed = entry.getAsJsonObject("data").get("bench").getAsString();
            }
            entries++;
            start = end + 1;
            intact = start;
        }
        boolean ended = "job.finished".equals(lastType) || "job.refused".equals(lastType);
        return signatures.report(entries, intact, previous, false, ended, 0, null);
    }

    /** What the signatures of a journal say, entry by entry. */
    private static final class Signatures {

        private final KeyRing keys;
        /** The bench the record says it was written at, if it says. */
        private String claimed;
        private String fingerprint;
        private String signer;
        private long signed;
        private String forged;

        Signatures(KeyRing keys) {
            this.keys = keys;
        }

        void check(long seq, String hash, String fingerprint, String signature) {
            if (fingerprint == null || forged != null) {
                return;
            }
            if (this.fingerprint != null && !this.fingerprint.equals(fingerprint)) {
                forged = "entry " + seq + " is signed with key " + fingerprint + ", the entries before it with "
                        + this.fingerprint + ": one bench writes a record with one key";
                return;
            }
            this.fingerprint = fingerprint;
            if (keys.isEmpty()) {
                signer = fingerprint;
                signed = seq;
                return;
            }
            KeyRing.Key key = keys.find(fingerprint).orElse(null);
            if (key == null) {
                forged = "entry " + seq + " is signed with key " + fingerprint + ", which no bench of the register "
                        + "has: not written by one of the plant's benches";
                return;
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(signature);
            } catch (IllegalArgumentException e) {
                bytes = new byte[0];
            }
            if (!KeyRing.verifies(key.key(), hash.getBytes(StandardCharsets.US_ASCII), bytes)) {
                forged = "the signature of entry " + seq + " is not " + key.bench() + "'s: the record was rewritten "
                        + "without " + key.bench() + "'s key (its chain recomputed after an edit at or before entry "
                        + seq + ")";
                return;
            }
            signer = key.bench();
            signed = seq;
        }

        Report report(long entries, long intact, String last, boolean interrupted, boolean finished, long brokenAt,
                String problem) {
            String why = forged;
            if (why == null && !keys.isEmpty() && entries > 0) {
                if (signer != null && claimed != null && !claimed.equals(signer)) {
                    why = "the record says it was written at " + claimed + ", but " + signer + "'s key signed it: a "
                            + "record of another bench";
                } else if (signer == null) {
                    why = "no bench signed it, and this plant's benches sign their records: written or rewritten "
                            + "without a bench's key";
                } else if (signed < entries && !interrupted) {
                    why = (entries > signed + 1 ? "entries " + (signed + 1) + "-" + entries + " are" : "entry " + entries
                            + " is") + " not covered by " + signer + "'s signature: added without its key";
                }
            }
            return new Report(entries, intact, last, interrupted, finished, brokenAt, problem, signer, signed, why);
        }
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
