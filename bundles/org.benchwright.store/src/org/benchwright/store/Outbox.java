/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Sends a bench's records to the plant store: a reader of the local journals (the bench's first write, crash-safe),
 * not a second copy of them. For each record it asks the store how far it holds the job and sends the entries after
 * that, in order; the store takes a resend without effect, so nothing is lost or doubled when a send fails half-way,
 * the bench restarts or the store restarts. A record the store refuses (its chain forks from what the store holds)
 * is reported and left alone.
 */
public final class Outbox {

    /** What one pass found: entries sent, entries still waiting, and the records the store refused, with why. */
    public record Pass(int sent, int waiting, Map<String, String> refused, String offline) {

        /** Whether the store could be reached. */
        public boolean online() {
            return offline == null;
        }

        /** "plant store offline: 12 entries waiting (connection refused)", or how many were sent. */
        public String describe() {
            return offline != null ? "plant store offline: " + waiting + " entries waiting (" + offline + ")"
                    : waiting == 0 ? "plant store up to date" + (sent == 0 ? "" : ": " + sent + " entries sent")
                            : sent + " entries sent, " + waiting + " waiting";
        }
    }

    private final PlantStore store;
    private final Path records;
    /** Per record file, the store's head for it as last seen: entries up to it need not be read again. */
    private final Map<Path, Long> acknowledged = new ConcurrentHashMap<>();

    public Outbox(PlantStore store, Path records) {
        this.store = store;
        this.records = records;
    }

    /**
     * Sends what the store lacks of every record in the folder (or of {@code only}, when given), oldest file first.
     * Returns when everything is sent or the store cannot be reached; never throws for an unreachable store.
     */
    public synchronized Pass drain(Path only) throws IOException {
        int sent = 0;
        Map<String, String> refused = new LinkedHashMap<>();
        List<Path> files = only != null ? List.of(only) : records();
        String offline = null;
        int waiting = 0;
        for (Path file : files) {
            List<String> lines = lines(file);
            String job = job(lines);
            if (job == null) {
                continue; // not a job's journal, or its first entry is still being written
            }
            if (acknowledged.getOrDefault(file, -1L) == lines.size()) {
                continue; // the store held all of it at the last pass
            }
            if (offline != null) {
                waiting += Math.max(0, lines.size() - acknowledged.getOrDefault(file, 0L));
                continue;
            }
            try {
                long head = store.head(job);
                if (head > lines.size()) {
                    refused.put(file.getFileName().toString(), "the store holds " + head + " entries of job " + job
                            + ", the record here " + lines.size() + ": it was cut or rewritten after it was sent");
                    continue;
                }
                // the last entry the store holds goes again: the store checks that the record still continues it
                for (int i = (int) Math.max(0, head - 1); i < lines.size(); i++) {
                    if (store.receive(job, lines.get(i)).stored()) {
                        sent++;
                    }
                    head = i + 1;
                }
                acknowledged.put(file, head);
            } catch (ChainRefusedException e) {
                refused.put(file.getFileName().toString(), e.getMessage());
            } catch (StoreException e) {
                offline = e.getMessage();
                waiting += Math.max(0, lines.size() - acknowledged.getOrDefault(file, 0L));
            }
        }
        return new Pass(sent, waiting, refused, offline);
    }

    /**
     * How many entries of the folder's records the store lacks, without sending any: what {@code store status}
     * reports.
     */
    public synchronized Pass survey() throws IOException {
        int waiting = 0;
        for (Path file : records()) {
            List<String> lines = lines(file);
            String job = job(lines);
            if (job == null) {
                continue;
            }
            try {
                waiting += Math.max(0, lines.size() - (int) store.head(job));
            } catch (StoreException e) {
                return new Pass(0, -1, Map.of(), e.getMessage());
            }
        }
        return new Pass(0, waiting, Map.of(), null);
    }

    /** The job journals of the folder, oldest name first (names carry the time). */
    private List<Path> records() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(records)) {
            return files;
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(records, "*.jsonl")) {
            listing.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** The file's complete lines: a last line without its newline is still being written and waits. */
    private static List<String> lines(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        List<String> lines = new ArrayList<>();
        for (String line : (end < 0 ? "" : text.substring(0, end)).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The job a journal records, from its first entry; {@code null} when it is not a job's journal. */
    private static String job(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        try {
            JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
            JsonElement data = first.get("data");
            return "job.requested".equals(first.get("type").getAsString()) && data != null && data.isJsonObject()
                    && data.getAsJsonObject().has("job") ? data.getAsJsonObject().get("job").getAsString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
