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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.record.RecordReviews;

/**
 * {@code review-record}: quality's review of a damaged record, which a unit's new jobs wait for. The review is kept
 * beside the records, in a hash-chained register, and covers the record's bytes as reviewed.
 */
public final class ReviewRecordCommand implements Command {

    @Override
    public String name() {
        return "review-record";
    }

    @Override
    public String usage() {
        return "<record.jsonl> --reviewer <id> --finding \"<what the review found>\" [--personnel <file.xmi>] "
                + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "record quality's review of a damaged record, so that its unit's jobs may start again";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try (PlantAccess plant = PlantAccess.take(args)) {
            String reviewer = Arguments.take(args, "--reviewer", null);
            String finding = Arguments.take(args, "--finding", null);
            Path personnel = Arguments.optionalFile(args, "--personnel");
            if (reviewer == null || finding == null || finding.isBlank() || args.size() != 1) {
                err.println("usage: benchwright review-record " + usage());
                return UNUSABLE;
            }
            Path record = Path.of(args.get(0));
            if (!Files.isRegularFile(record)) {
                err.println("benchwright review-record: no such record " + record);
                return UNUSABLE;
            }
            People.find(plant.people(personnel), reviewer);
            JournalVerifier.Report report = JournalVerifier.verify(record);
            String hash = RecordReviews.review(record, reviewer, finding, LocalDate.now());
            out.println(record + ": " + VerifyCommand.describe(report));
            out.println("reviewed by " + reviewer + " (content " + hash.substring(0, 12) + "): " + finding.strip());
            out.println("kept in " + record.toAbsolutePath().getParent().resolve(RecordReviews.FILE));
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("benchwright review-record: " + e.getMessage());
            return UNUSABLE;
        } catch (IOException e) {
            err.println("benchwright review-record: " + e.getMessage());
            return UNUSABLE;
        }
    }
}
