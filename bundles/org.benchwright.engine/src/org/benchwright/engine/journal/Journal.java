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
    private final Storage storage;
    private long sequence;
    private String previous;
    private String lastType;
    private JournalFailedException failure;

    private Journal(Path file, FileChannel channel, Storage storage, long sequence, String previous) {
        this.file = file;
        this.channel = channel;
        this.storage = storage;
        this.sequence = sequence;
        this.previous = previous;
    }

    /**
     * Where the journal's bytes go: the file's channel. A seam for tests that need a disk that fills up; the
     * product always writes straight to the channel.
     */
    public interface Storage {
        /** Writes {@code bytes} at the channel's position and forces them to the device. */
        void write(FileChannel channel, ByteBuffer bytes) throws IOException;
    }

    private static final Storage DISK = (channel, bytes) -> {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    };

    /**
     * Starts a new journal.
     *
     * @throws IOException when it cannot be created, or already exists (a record is never overwritten)
     */
    public static Journal create(Path file) throws IOException {
        return create(file, DISK);
    }

    /** Starts a new journal whose bytes go through {@code storage} (tests: a disk that fills up). */
    public static Journal create(Path file, Storage storage) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Journal(file, channel, storage, 0, GENESIS);
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
        return new Journal(file, channel, DISK, report.entries(), report.lastHash());
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one entry and forces it to disk before returning. Once an entry could not be written (a full disk, a
     * failing device) the journal takes nothing more: the half-written line stays the last, as a crash would leave
     * it, and every later append throws the same {@link JournalFailedException}, which says where the record ends.
     *
     * @param type what happened, for example {@code step.done} or {@code telemetry}
     * @param data its details
     * @return the entry's hash
     * @throws JournalFailedException when the entry could not be written
     */
    public synchronized String append(String type, JsonElement data) throws IOException {
        if (failure != null) {
            throw failure;
        }
        JsonObject entry = new JsonObject();
        entry.addProperty("seq", sequence + 1);
        entry.addProperty("time", Instant.now().toString());
        entry.addProperty("type", type);
        entry.add("data", data == null ? new JsonObject() : data);
        entry.addProperty("prev", previous);
        String body = GSON.toJson(entry);
        String hash = Hashes.sha256(body);
        String line = body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}\n";
        try {
            storage.write(channel, ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            failure = new JournalFailedException(file, type, sequence, lastType, e);
            throw failure;
        }
        sequence++;
        previous = hash;
        lastType = type;
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
