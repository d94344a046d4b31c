/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.execution.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.record.RecordReviews;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.report.JobRecord;
import org.benchwright.report.JobTraveler;
import org.benchwright.report.ReportFiles;
import org.benchwright.report.TelemetryCsv;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * A finished job's documents from the workbench: its traveler (PDF/A) with what the bench knows of its station and
 * procedure, and its telemetry (CSV); each written whole or not at all, and said in a line the view shows.
 */
final class Exports {

    private Exports() {
    }

    /** Asks where to save, suggesting {@code name} beside the record; {@code null} when the user cancels. */
    static Path ask(Shell shell, String title, Path record, String extension) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(title);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] { "*." + extension });
        dialog.setFilterPath(record.toAbsolutePath().getParent().toString());
        dialog.setFileName(record.getFileName().toString().replaceFirst("\\.jsonl$", "") + "." + extension);
        String chosen = dialog.open();
        return chosen == null ? null : Path.of(chosen);
    }

    /** Writes the job traveler of {@code record} to {@code target}; what happened, in a sentence. */
    static String traveler(Path record, Path target) {
        try {
            JobRecord job = JobRecord.read(record);
            StationRegister stations = null;
            List<DocumentRegister.Approval> approvals = List.of();
            String partly = "";
            try {
                stations = BenchPlant.stations();
                approvals = BenchPlant.documents().history(job.requested("procedure"));
            } catch (IOException e) {
                partly = " (without the station register and approvals: " + e.getMessage() + ")";
            }
            JobTraveler.Context context = new JobTraveler.Context(stations, approvals, RecordReviews.of(record),
                    ZoneId.systemDefault(), Instant.now());
            long size = ReportFiles.write(target, out -> JobTraveler.write(job, context, out));
            return "Traveler of " + job.job() + " written to " + target + String.format(Locale.ROOT, " (%.0f KB)",
                    size / 1024.0) + partly + (job.chain().broken() ? "; the record DOES NOT VERIFY: "
                            + job.chain().problem() : "; the record verifies");
        } catch (IOException | RuntimeException e) {
            return "The traveler of " + record.getFileName() + " cannot be written to " + target + ": " + e.getMessage();
        }
    }

    /** Writes the telemetry of {@code record} as CSV to {@code target}; what happened, in a sentence. */
    static String telemetry(Path record, Path target) {
        try {
            JobRecord job = JobRecord.read(record);
            ReportFiles.write(target, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                TelemetryCsv.write(job, writer);
                writer.flush();
            });
            return "Telemetry of " + job.job() + " written to " + target + " (" + job.telemetrySamples() + " samples)";
        } catch (IOException | RuntimeException e) {
            return "The telemetry of " + record.getFileName() + " cannot be written to " + target + ": "
                    + e.getMessage();
        }
    }
}
