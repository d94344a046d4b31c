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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

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
 * {@code hash} is the SHA-256 of the line's text before {@code ,"hash":...} with a closing brace. A journal kept with a
 * {@link BenchKey} signs the chain head at every write: the write's last line ends
 * {@code ,"hash":"<hex>","sig":"<key fingerprint>:<Base64 Ed25519 signature of the hash's hex text>"}}, and that
 * signature covers every entry before it.
 */
public final class Journal implements AutoCloseable {

    static final String GENESIS = "0".repeat(64);
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private final Path file;
    private final FileChannel channel;
    private final Storage storage;
    private final BenchKey key;
    private long sequence;
    private String previous;
    private String lastType;
    private JournalFailedException failure;

    private Journal(Path file, FileChannel channel, Storage storage, BenchKey key, long sequence, String previous) {
        this.file = file;
        this.channel = channel;
        this.storage = storage;
        this.key = key;
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
        return create(file, DISK, null);
    }

    /** Starts a new journal that {@code key} signs ({@code null}: unsigned). */
    public static Journal create(Path file, BenchKey key) throws IOException {
        return create(file, DISK, key);
    }

    /** Starts a new journal whose bytes go through {@code storage} (tests: a disk that fills up). */
    public static Journal create(Path file, Storage storage) throws IOException {
        return create(file, storage, null);
    }

    /** Starts a new journal whose bytes go through {@code storage}, signed by {@code key} unless it is {@code null}. */
    public static Journal create(Path file, Storage storage, BenchKey key) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Journal(file, channel, storage, key, 0, GENESIS);
    }

    /**
     * Continues a journal after a restart: checks its chain first and drops an unfinished last line (a crash
     * while it was written), so that new entries chain onto the last intact one.
     *
     * @throws IOException when it cannot be read or its chain is broken (then it is evidence: nothing is appended)
     */
    public static Journal resume(Path file) throws IOException {
        return resume(file, null);
    }

    /** Continues a journal as {@link #resume(Path)} does, signing what it appends with {@code key} (or not: null). */
    public static Journal resume(Path file, BenchKey key) throws IOException {
        JournalVerifier.Report report = JournalVerifier.verify(file);
        if (report.broken()) {
            throw new IOException(file + ": " + report.problem() + "; the journal is left as it is");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.truncate(report.intactBytes());
        channel.position(report.intactBytes());
        channel.force(true);
        return new Journal(file, channel, DISK, key, report.entries(), report.lastHash());
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
        return appendAll(type, List.of(data == null ? new JsonObject() : data));
    }

    /**
     * Appends entries of one type in one write, forced to disk once: a few channels' samples of the same moment cost
     * no more than one. A crash leaves a prefix of them, as it would of entries appended one by one.
     *
     * @param data each entry's details: a JSON element, or an object whose fields they are
     * @return the last entry's hash
     * @throws JournalFailedException when the entries could not be written
     */
    public synchronized String appendAll(String type, List<?> data) throws IOException {
        if (failure != null) {
            throw failure;
        }
        StringBuilder lines = new StringBuilder();
        List<Integer> ends = new ArrayList<>(); // where each entry's line ends in the bytes written
        long seq = sequence;
        String prev = previous;
        for (Object o : data) {
            JsonElement d = o instanceof JsonElement e ? e : GSON.toJsonTree(o);
            JsonObject entry = new JsonObject();
            entry.addProperty("seq", seq + 1);
            entry.addProperty("time", Instant.now().toString());
            entry.addProperty("type", type);
            entry.add("data", d == null ? new JsonObject() : d);
            entry.addProperty("prev", prev);
            String body = GSON.toJson(entry);
            prev = Hashes.sha256(body);
            lines.append(body, 0, body.length() - 1).append(",\"hash\":\"").append(prev).append('"');
            if (key != null && seq + 1 == sequence + data.size()) { // the write's last line signs the head
                lines.append(",\"sig\":\"").append(key.fingerprint()).append(':').append(Base64.getEncoder()
                        .encodeToString(key.sign(prev.getBytes(StandardCharsets.US_ASCII)))).append('"');
            }
            lines.append("}\n");
            ends.add(lines.toString().getBytes(StandardCharsets.UTF_8).length);
            seq++;
        }
        long start = channel.position();
        try {
            storage.write(channel, ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // the entries whose lines were written whole before the device failed are part of the record
            long written = channel.position() - start;
            int whole = (int) ends.stream().filter(end -> end <= written).count();
            failure = new JournalFailedException(file, type, sequence + whole, whole > 0 ? type : lastType, e);
            throw failure;
        }
        sequence = seq;
        previous = prev;
        lastType = type;
        return prev;
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
