/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.JournalVerifier.Report;

/** {@code verify}: checks a job record's hash chain and reports the first broken entry. */
public final class VerifyCommand implements Command {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String usage() {
        return "<record.jsonl>...";
    }

    @Override
    public String summary() {
        return "check job records: every entry intact and in its place, and whether the job finished";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("benchwright verify: name at least one record");
            return UNUSABLE;
        }
        int result = OK;
        for (String arg : args) {
            Path file = Path.of(arg);
            if (!Files.isRegularFile(file)) {
                err.println(arg + ": no such record");
                result = UNUSABLE;
                continue;
            }
            try {
                Report report = JournalVerifier.verify(file);
                out.println(arg + ": " + describe(report));
                if (report.broken() && result == OK) {
                    result = FINDINGS;
                }
            } catch (IOException e) {
                err.println(arg + ": cannot be read: " + e.getMessage());
                result = UNUSABLE;
            }
        }
        return result;
    }

    static String describe(Report report) {
        if (report.broken()) {
            String intact = report.entries() == 0 ? "no entry before it" : report.entries() == 1 ? "entry 1 is intact"
                    : "entries 1-" + report.entries() + " are intact";
            return "BROKEN at entry " + report.brokenAt() + ": " + report.problem() + " (" + intact + ")";
        }
        String chain = report.entries() + " entries, chain intact";
        if (report.finished()) {
            return chain + ", job finished";
        }
        return chain + "; the job did not finish: interrupted after entry " + report.entries()
                + (report.interrupted() ? " (a further entry was being written when the writer stopped)" : "");
    }
}
