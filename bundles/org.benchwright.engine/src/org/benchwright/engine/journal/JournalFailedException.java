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
import java.nio.file.Path;

/**
 * An entry could not be written to a journal (the disk is full, the device failed): which entry, why, and where the
 * record now ends. Every entry before it is intact and verifies.
 */
public final class JournalFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String entry;
    private final long intactEntries;
    private final String lastIntact;

    JournalFailedException(Path file, String entry, long intactEntries, String lastIntact, IOException cause) {
        super(file + ": the " + entry + " entry could not be written: " + cause.getMessage(), cause);
        this.file = file;
        this.entry = entry;
        this.intactEntries = intactEntries;
        this.lastIntact = lastIntact;
    }

    public Path file() {
        return file;
    }

    /** The type of the entry that could not be written. */
    public String entry() {
        return entry;
    }

    /** How many entries are intact: the record ends with the last of them. */
    public long intactEntries() {
        return intactEntries;
    }

    /** The type of the last intact entry, {@code null} when none is. */
    public String lastIntact() {
        return lastIntact;
    }

    /** What the system said, for example "No space left on device". */
    public String reason() {
        return getCause().getMessage();
    }
}
