/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.job;

import java.io.IOException;
import java.nio.file.Path;

import org.benchwright.engine.journal.JournalFailedException;

/**
 * A job stopped because its record could not be written: thrown by {@link JobRunner#run} after the station is in
 * safe state. Its message is what the technician reads: that the heaters are off, which step stopped and why, and
 * where the record ends.
 */
public final class RecordNotWrittenException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path record;
    private final String step;
    private final long intactEntries;

    RecordNotWrittenException(JournalFailedException failure, String step, String doing) {
        super(message(failure, step, doing), failure);
        this.record = failure.file();
        this.step = step;
        this.intactEntries = failure.intactEntries();
    }

    private static String message(JournalFailedException failure, String step, String doing) {
        return "The job's record could not be written (" + failure.reason() + "): the job stopped and the heaters are "
                + "off.\n"
                + (step == null ? "It stopped before its first step.\n"
                        : "Stopped at step " + step + (doing == null || doing.isBlank() ? "" : " (" + doing + ")") + ".\n")
                + "The record " + failure.file() + " ends at entry " + failure.intactEntries()
                + (failure.lastIntact() == null ? "" : " (" + failure.lastIntact() + ")")
                + " and verifies up to there (benchwright verify " + failure.file() + "); free space for the records "
                + "folder before the next job.";
    }

    /** The record's file. */
    public Path record() {
        return record;
    }

    /** The step that was running, {@code null} before the first. */
    public String step() {
        return step;
    }

    /** How many entries of the record are intact. */
    public long intactEntries() {
        return intactEntries;
    }
}
