/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.record.Records;

/**
 * The CFX messages a bench's records folder still owes the broker. The records are the durable queue: a job's
 * journal is forced to disk entry by entry before the engine acts, and {@link JobMessages} turns it into the same
 * messages, with the same UniqueIDs, every time. What the broker has accepted is kept beside the records, in
 * {@code .cfx/sent} (one line a record: its file, how many of its messages were accepted, and whether it is done),
 * rewritten atomically after each acknowledged batch. A crash between a batch's acceptance and that rewrite sends the
 * batch again: at least once, duplicates carrying the same UniqueID.
 *
 * <p>The first time a folder is followed, the jobs that already ended there are history: they are marked done and
 * not sent. Records are taken oldest name first (names carry the time), each in order.
 */
public final class CfxOutbox {

    /** A record's messages the broker has not accepted yet, in order. */
    public record Pending(String record, List<CfxEnvelope> messages) {
    }

    /** How far the broker holds a record. */
    private static final class Cursor {
        int accepted;
        boolean done;

        Cursor(int accepted, boolean done) {
            this.accepted = accepted;
            this.done = done;
        }
    }

    /** A record being read: what has been read of it and the messages made so far. */
    private static final class Follow {
        JobMessages messages;
        long bytes;
        int made;
        boolean ended;
        final List<CfxEnvelope> unsent = new ArrayList<>();
    }

    private final Path records;
    private final String source;
    private final Path sent;
    private final Map<String, Cursor> cursors = new LinkedHashMap<>();
    private final Map<String, Follow> follows = new LinkedHashMap<>();

    /**
     * @param records the bench's records folder
     * @param source  the bench's CFX handle
     */
    public CfxOutbox(Path records, String source) throws IOException {
        this.records = records;
        this.source = source;
        this.sent = records.resolve(".cfx").resolve("sent");
        load();
    }

    private void load() throws IOException {
        if (Files.exists(sent)) {
            for (String line : Files.readAllLines(sent, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length == 3) {
                    cursors.put(fields[0], new Cursor(Integer.parseInt(fields[1]), "done".equals(fields[2])));
                }
            }
            return;
        }
        // first use on this folder: the jobs that ended before are history, not news
        for (Path file : files()) {
            if (ended(file)) {
                cursors.put(file.getFileName().toString(), new Cursor(0, true));
            }
        }
        save();
    }

    /** Reads what was appended to the records and returns every message the broker has not accepted yet. */
    public synchronized List<Pending> pending() throws IOException {
        List<Pending> pending = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            Cursor cursor = cursors.computeIfAbsent(name, n -> new Cursor(0, false));
            if (cursor.done) {
                continue;
            }
            Follow follow = read(file, cursor);
            if (!follow.unsent.isEmpty()) {
                pending.add(new Pending(name, List.copyOf(follow.unsent)));
            } else if (follow.ended) {
                finish(name, cursor);
            }
        }
        return pending;
    }

    /** How many messages waited at the last look. */
    public synchronized int waiting() {
        return follows.values().stream().mapToInt(f -> f.unsent.size()).sum();
    }

    /** The broker accepted the first {@code count} of a record's pending messages. */
    public synchronized void accepted(String record, int count) {
        Cursor cursor = cursors.get(record);
        Follow follow = follows.get(record);
        if (cursor == null || follow == null || count <= 0) {
            return;
        }
        cursor.accepted += count;
        follow.unsent.subList(0, Math.min(count, follow.unsent.size())).clear();
        if (follow.ended && follow.unsent.isEmpty()) {
            finish(record, cursor);
        }
    }

    private void finish(String record, Cursor cursor) {
        cursor.done = true;
        follows.remove(record);
    }

    /** Writes what the broker holds, atomically: the old file stays whole until the new one replaces it. */
    public synchronized void save() throws IOException {
        Files.createDirectories(sent.getParent());
        StringBuilder text = new StringBuilder();
        cursors.forEach((name, c) -> text.append(name).append('\t').append(c.accepted).append('\t')
                .append(c.done ? "done" : "open").append('\n'));
        Path temporary = sent.resolveSibling("sent.tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, sent, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a record's new lines into its messages; a record rewritten since (it shrank) is read again whole. */
    private Follow read(Path file, Cursor cursor) throws IOException {
        String name = file.getFileName().toString();
        Follow follow = follows.get(name);
        long size = Files.size(file);
        if (follow != null && size < follow.bytes) {
            follow = null;
        }
        if (follow == null) {
            follow = new Follow();
            follow.messages = new JobMessages(source);
            follows.put(name, follow);
        }
        if (size == follow.bytes) {
            return follow;
        }
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - follow.bytes));
            channel.position(follow.bytes);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // to the size it had when asked
            }
            bytes = buffer.array();
        }
        int end = -1;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return follow; // a line still being written
        }
        follow.bytes += end + 1;
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            for (CfxEnvelope message : follow.messages.accept(line)) {
                if (follow.made++ >= cursor.accepted) {
                    follow.unsent.add(message);
                }
            }
            if (line.contains("\"type\":\"job.finished\"") || line.contains("\"type\":\"job.refused\"")) {
                follow.ended = true;
            }
        }
        return follow;
    }

    private List<Path> files() throws IOException {
        return Records.files(records);
    }

    /** Whether a record's job has ended: its last complete entry finished or refused it. */
    private static boolean ended(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isBlank() || !line.endsWith("}")) {
                continue;
            }
            return line.contains("\"type\":\"job.finished\"") || line.contains("\"type\":\"job.refused\"");
        }
        return false;
    }
}
