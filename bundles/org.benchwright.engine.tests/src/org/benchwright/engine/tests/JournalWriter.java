/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.tests;

import java.nio.file.Path;
import java.util.Map;

import org.benchwright.engine.journal.Journal;

/** A process that writes a journal as fast as it can until it is killed; {@link KillTest} kills it. */
public final class JournalWriter {

    private JournalWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (Journal journal = Journal.create(Path.of(args[0]))) {
            journal.append("job.started", Map.of("unit", "SN-1"));
            System.out.println("started");
            System.out.flush();
            for (long i = 1;; i++) {
                journal.append("telemetry", Map.of("t", i * 0.25, "joint", 25 + (i % 200), "pad", "x".repeat((int) (i % 97))));
            }
        }
    }
}
