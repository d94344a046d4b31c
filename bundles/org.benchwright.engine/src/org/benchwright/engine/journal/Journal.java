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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The append-only record of one job: one JSON line per entry, each chained to the one before by a SHA-256 hash, each
 * written and forced to disk before {@link #append} returns, so that the engine acts only on what is recorded. A
 * crash at any point leaves every entry written before it intact; {@link JournalVerifier} tells a crash (an
 * unfinished last line) from tampering (a broken chain).
 *
 * <p>Line format: {@code {"seq":N,"time":"...","type":"...","data":{...},"prev":"<hex>","hash":"<hex>"}}, where
 * {@code hash} is the SHA-256 of the line's text before {@code ,"hash":...} with a closing brace.
 */
public final class Journal implements AutoCloseable {

    static final String GENESIS = "0".repeat(64);
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private final Path file;
    private final FileChannel channel;
    private long sequence;
    private String previous;

    private Journal(Path file, FileChannel channel, long sequence, String previous) {
        this.file = file;
        this.channel = channel;
        this.sequence = sequence;
        this.previous = previous;
    }

    /**
     * Starts a new journal.
     *
     * @throws IOException when it cannot be created, or already exists (a record is never overwritten)
     */
    public static Journal create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Journal(file, channel, 0, GENESIS);
    }

    /**
     * Continues a journal after a restart: checks its chain first and drops an unfinished last line (a crash
     * while it was written), so that new entries chain onto the last intact one.
     *
     * @throws IOException when it cannot be read or its chain is broken (then it is evidence: nothing is appended)
     */
    public static Journal resume(Path file) throws IOException {
        JournalVerifier.Report report = JournalVerifier.verify(file);
        if (report.broken()) {
            throw new IOException(file + ": " + report.problem() + "; the journal is left as it is");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.truncate(report.intactBytes());
        channel.position(report.intactBytes());
        channel.force(true);
        return new Journal(file, channel, report.entries(), report.lastHash());
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one entry and forces it to disk before returning.
     *
     * @param type what happened, for example {@code step.done} or {@code telemetry}
     * @param data its details
     * @return the entry's hash
     */
    public synchronized String append(String type, JsonElement data) throws IOException {
        JsonObject entry = new JsonObject();
        entry.addProperty("seq", sequence + 1);
        entry.addProperty("time", Instant.now().toString());
        entry.addProperty("type", type);
        entry.add("data", data == null ? new JsonObject() : data);
        entry.addProperty("prev", previous);
        String body = GSON.toJson(entry);
        String hash = Hashes.sha256(body);
        String line = body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
        sequence++;
        previous = hash;
        return hash;
    }

    /** Appends an entry whose details are an object's fields. */
    public String append(String type, Object data) throws IOException {
        return append(type, GSON.toJsonTree(data));
    }

    public synchronized long entries() {
        return sequence;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
