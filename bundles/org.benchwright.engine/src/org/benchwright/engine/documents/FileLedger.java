/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.documents;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A register in one hash-chained file (a {@link Journal}): a changed history shows, and an append survives a crash.
 * Appends are serialised by a lock on a file beside it ({@code <file>.lock}), so that two processes of one machine
 * (an approval at the command line while the workbench submits) check and append one after the other.
 */
final class FileLedger implements DocumentRegister.Ledger {

    private final Path file;

    FileLedger(Path file) {
        this.file = file;
    }

    @Override
    public String where() {
        return file.toString();
    }

    @Override
    public List<JsonObject> entries(String document) throws IOException {
        return read(file).stream().filter(e -> document.equals(e.getAsJsonObject("data").get("document").getAsString()))
                .toList();
    }

    @Override
    public synchronized void append(String document, String type, Map<String, ?> data, DocumentRegister.Check check)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (FileChannel lockFile = FileChannel.open(parent.resolve(file.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            check.accept(entries(document));
            try (Journal journal = Files.exists(file) ? Journal.resume(file) : Journal.create(file)) {
                journal.append(type, data);
            }
        }
    }

    static List<JsonObject> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JournalVerifier.Report report = JournalVerifier.verify(file);
        if (report.broken()) {
            throw new IOException(file + ": the document register was changed after it was written: "
                    + report.problem());
        }
        String text = new String(Files.readAllBytes(file), 0, (int) report.intactBytes(), StandardCharsets.UTF_8);
        List<JsonObject> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                entries.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return entries;
    }
}
