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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.record.Records;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Sends a bench's records to the plant store: a reader of the local journals (the bench's first write, crash-safe),
 * not a second copy of them. For each record it asks the store how far it holds the job and sends the entries after
 * that, in order; the store takes a resend without effect, so nothing is lost or doubled when a send fails half-way,
 * the bench restarts or the store restarts. A record the store refuses (its chain forks from what the store holds)
 * is reported and left alone.
 * <p>
 * It keeps a cursor per record (bytes and entries the store holds): a pass reads only what was appended since, and a
 * record that did not grow costs one look at its size, so a bench may pass several times a second while a job runs.
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

    /** How far the store holds a record: its job, the bytes and entries up to there, and the last of them. */
    private record Cursor(String job, long bytes, long entries, String last) {
    }

    /** The most entries sent in one transaction. */
    private static final int BATCH = 500;

    private final PlantStore store;
    private final Path records;
    private final Map<Path, Cursor> cursors = new LinkedHashMap<>();
    /** The records the store refused, with their size then: one that has changed since is judged again. */
    private final Map<Path, Refused> refusedFiles = new LinkedHashMap<>();

    private record Refused(long size, String why) {
    }

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
        int waiting = 0;
        String offline = null;
        Map<String, String> refused = new LinkedHashMap<>();
        for (Path file : only != null ? List.of(only) : records()) {
            if (!Files.isRegularFile(file)) {
                continue; // a job's record the bench has not begun yet
            }
            Refused before = refusedFiles.get(file);
            if (before != null && before.size() == Files.size(file)) {
                refused.put(file.getFileName().toString(), before.why());
                continue;
            }
            refusedFiles.remove(file);
            Cursor cursor = cursors.get(file);
            if (cursor != null && Files.size(file) == cursor.bytes()) {
                continue; // the store holds all of it
            }
            if (cursor != null && !stillEndsWith(file, cursor)) {
                cursors.remove(file); // rewritten since it was sent: read it whole, and let the store judge it
                cursor = null;
            }
            if (offline != null) {
                waiting += newLines(file, cursor).size();
                continue;
            }
            try {
                sent += send(file, cursor);
            } catch (ChainRefusedException e) {
                refusedFiles.put(file, new Refused(Files.size(file), e.getMessage()));
                refused.put(file.getFileName().toString(), e.getMessage());
            } catch (StoreException e) {
                offline = e.getMessage();
                waiting += newLines(file, cursors.get(file)).size();
            }
        }
        return new Pass(sent, waiting, refused, offline);
    }

    /** Sends a record's entries after its cursor (the whole record, checked against the store, without one). */
    private int send(Path file, Cursor cursor) throws IOException, StoreException {
        List<String> lines = newLines(file, cursor);
        if (lines.isEmpty()) {
            return 0;
        }
        String job = cursor != null ? cursor.job() : job(lines);
        if (job == null) {
            return 0; // not a job's journal, or its first entry is still being written
        }
        long bytes = cursor == null ? 0 : cursor.bytes();
        long entries = cursor == null ? 0 : cursor.entries();
        int from = 0;
        int sent = 0;
        if (cursor == null) {
            long head = store.head(job);
            if (head > lines.size()) {
                throw new ChainRefusedException("the store holds " + head + " entries of job " + job + ", the record "
                        + "here " + lines.size() + ": it was cut or rewritten after it was sent");
            }
            // the last entry the store holds goes again: the store checks that the record still continues it
            from = (int) Math.max(0, head - 1);
            for (int i = 0; i < from; i++) {
                bytes += length(lines.get(i));
            }
            entries = from;
        }
        String last = cursor == null ? null : cursor.last();
        try {
            // in batches, each one transaction: a job's telemetry reaches the store at the rate it is written
            for (int i = from; i < lines.size(); i += BATCH) {
                List<String> batch = lines.subList(i, Math.min(lines.size(), i + BATCH));
                sent += store.receiveAll(job, batch);
                for (String line : batch) {
                    bytes += length(line);
                }
                entries += batch.size();
                last = batch.get(batch.size() - 1);
            }
        } finally {
            if (last != null) {
                cursors.put(file, new Cursor(job, bytes, entries, last));
            }
        }
        return sent;
    }

    /**
     * How many entries of the folder's records the store lacks, without sending any: what {@code store status}
     * reports.
     */
    public synchronized Pass survey() throws IOException {
        int waiting = 0;
        for (Path file : records()) {
            List<String> lines = newLines(file, null);
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
        return Records.files(records);
    }

    private static long length(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length + 1L;
    }

    /** Whether the record still holds, where the cursor says, the last entry the store took. */
    private static boolean stillEndsWith(Path file, Cursor cursor) throws IOException {
        byte[] last = (cursor.last() + "\n").getBytes(StandardCharsets.UTF_8);
        if (Files.size(file) < cursor.bytes()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(last.length);
            channel.position(cursor.bytes() - last.length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole tail
            }
            return java.util.Arrays.equals(buffer.array(), last);
        }
    }

    /**
     * The record's complete lines after the cursor (all of them without one): a last line without its newline is
     * still being written and waits.
     */
    private static List<String> newLines(Path file, Cursor cursor) throws IOException {
        long from = cursor == null ? 0 : cursor.bytes();
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= from) {
                return List.of();
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read to the end as it was when asked
            }
            bytes = buffer.array();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        List<String> lines = new ArrayList<>();
        for (String line : (end < 0 ? "" : text.substring(0, end)).split("\n", -1)) {
            lines.add(line);
        }
        if (end < 0) {
            lines.clear();
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
