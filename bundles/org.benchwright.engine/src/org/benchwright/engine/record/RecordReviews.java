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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.journal.Hashes;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Quality's reviews of damaged records, kept beside the records in a hash-chained register ({@value #FILE}). A
 * damaged record of a unit stops new jobs on it (its counts may be missing) until quality has looked at it: what
 * happened, what the unit went through, whether the unit may be worked on. A review covers the record's bytes as
 * they were reviewed; a record changed after its review is untrusted again.
 */
public final class RecordReviews {

    /** The register's file name in the records folder. */
    public static final String FILE = "record-reviews.jsonl";

    private RecordReviews() {
    }

    /**
     * Records a review of {@code record} (a file in its records folder).
     *
     * @param reviewer who reviewed it (the quality engineer's id)
     * @param finding  what the review found and decided, in the reviewer's words
     * @return the SHA-256 of the record's bytes, which the review covers
     * @throws IOException when the record or the register cannot be read or written, or the register was changed
     */
    public static String review(Path record, String reviewer, String finding, LocalDate day) throws IOException {
        return review(record, reviewer, finding, day, null);
    }

    /**
     * Records a review of {@code record} under the reviewer's electronic signature (meaning verified) of the record's
     * bytes as reviewed ({@link #subject}, the SHA-256 of its bytes), which the plant's accounts gave.
     *
     * @param signature {@code null}: a review without one (a plant without accounts)
     * @throws IllegalArgumentException when the signature is not the reviewer's, means something else, or signs other
     *                                  bytes than the record's as they are now
     */
    public static String review(Path record, String reviewer, String finding, LocalDate day, ESignature signature)
            throws IOException {
        if (reviewer == null || reviewer.isBlank() || finding == null || finding.isBlank()) {
            throw new IllegalArgumentException("a review names its reviewer and what it found");
        }
        JournalVerifier.Report report = JournalVerifier.verify(record);
        String hash = Hashes.sha256(Files.readAllBytes(record));
        if (signature != null && (signature.meaning() != Meaning.VERIFIED || !signature.signer().equals(reviewer.strip())
                || !signature.content().equals(hash) || !signature.subject().equals(subject(record)))) {
            throw new IllegalArgumentException("the review's signature (" + signature.describe() + ", of "
                    + signature.subject() + ") does not stand for " + reviewer + "'s review of " + subject(record)
                    + " as it is now");
        }
        Path register = register(record.toAbsolutePath().getParent());
        entries(register); // refuses a register that was changed
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("record", record.getFileName().toString());
        data.put("sha256", hash);
        data.put("problem", report.broken() ? report.problem() : "none: the chain is intact");
        data.put("reviewer", reviewer.strip());
        data.put("finding", finding.strip());
        data.put("day", day.toString());
        if (signature != null) {
            data.put("signature", signature.toMap());
        }
        try (Journal journal = Files.exists(register) ? Journal.resume(register) : Journal.create(register)) {
            journal.append("record.reviewed", data);
        }
        return hash;
    }

    /** What a reviewer's signature of a record names as its subject: {@code record <file name>}. */
    public static String subject(Path record) {
        return "record " + record.getFileName();
    }

    /** Per record file name, the SHA-256 of the bytes its latest review covers. */
    public static Map<String, String> reviewed(Path folder) throws IOException {
        Map<String, String> reviewed = new LinkedHashMap<>();
        for (JsonObject entry : entries(register(folder)).values()) {
            JsonObject d = entry.getAsJsonObject("data");
            reviewed.put(d.get("record").getAsString(), d.get("sha256").getAsString());
        }
        return reviewed;
    }

    /**
     * Quality's reviews of one record, oldest first: each its {@code record}, {@code sha256}, {@code problem},
     * {@code reviewer}, {@code finding}, {@code day} and {@code signature} when it was signed (as "verified by ..."),
     * and whether it covers the record's bytes as they are now
     * ({@code current}: {@code true} or {@code false}).
     */
    public static List<Map<String, String>> of(Path record) throws IOException {
        String name = record.getFileName().toString();
        Path folder = record.toAbsolutePath().getParent();
        String now = Files.exists(record) ? Hashes.sha256(Files.readAllBytes(record)) : "";
        List<Map<String, String>> reviews = new ArrayList<>();
        for (JsonObject entry : entries(register(folder)).values()) {
            JsonObject d = entry.getAsJsonObject("data");
            if (name.equals(d.get("record").getAsString())) {
                Map<String, String> review = new LinkedHashMap<>();
                d.entrySet().forEach(e -> review.put(e.getKey(), e.getValue().isJsonObject()
                        ? ESignature.of(e.getValue().getAsJsonObject()).describe() : e.getValue().getAsString()));
                review.put("current", Boolean.toString(now.equals(review.get("sha256"))));
                reviews.add(review);
            }
        }
        return reviews;
    }

    private static Path register(Path folder) {
        return folder.resolve(FILE);
    }

    private static Map<Long, JsonObject> entries(Path register) throws IOException {
        Map<Long, JsonObject> entries = new LinkedHashMap<>();
        if (!Files.exists(register)) {
            return entries;
        }
        JournalVerifier.Report report = JournalVerifier.verify(register);
        if (report.broken()) {
            throw new IOException(register + ": the review register was changed after it was written: "
                    + report.problem());
        }
        String text = new String(Files.readAllBytes(register), 0, (int) report.intactBytes(), StandardCharsets.UTF_8);
        long n = 0;
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                entries.put(++n, JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return entries;
    }
}
