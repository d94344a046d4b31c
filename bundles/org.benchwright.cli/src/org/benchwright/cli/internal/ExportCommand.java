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
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.CapturedRun;
import org.benchwright.cli.Command;
import org.benchwright.report.JobRecord;
import org.benchwright.report.ReportFiles;
import org.benchwright.report.TelemetryCsv;

/** {@code benchwright export}: CSV for the engineers' own spreadsheets, of a job's telemetry or of a trace query. */
public final class ExportCommand implements Command {

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "telemetry <record.jsonl|job id> -o <file.csv|-> | trace unit|lot|technician|station <value> -o "
                + "<file.csv|->; " + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "CSV of a job's telemetry (every channel of every heat step) or of a trace query";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        if (args.isEmpty() || !List.of("telemetry", "trace").contains(args.get(0))) {
            err.println("usage: benchwright export " + usage());
            return UNUSABLE;
        }
        String what = args.remove(0);
        try {
            String target = Arguments.take(args, "-o", null);
            if (target == null) {
                throw new IllegalArgumentException("-o <file.csv> names the file to write (- for the standard output)");
            }
            if (what.equals("trace")) {
                return trace(args, target, out, err);
            }
            try (PlantAccess plant = PlantAccess.take(args)) {
                if (args.size() != 1) {
                    throw new IllegalArgumentException("name one record (a file, or a job id the plant store holds)");
                }
                try (ReportCommand.JobSource source = ReportCommand.JobSource.of(args.get(0), plant)) {
                    JobRecord record = JobRecord.read(source.file());
                    if (target.equals("-")) {
                        TelemetryCsv.write(record, out);
                        out.flush();
                        return OK;
                    }
                    ReportFiles.write(Path.of(target), o -> {
                        Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                        TelemetryCsv.write(record, w);
                        w.flush();
                    });
                    out.println("telemetry of job " + record.job() + ": " + target + " (" + record.heats().size()
                            + " heat step(s), " + record.telemetrySamples() + " samples)");
                    return OK;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("benchwright export " + what + ": " + e.getMessage());
            err.println("usage: benchwright export " + usage());
            return UNUSABLE;
        } catch (IOException e) {
            err.println("benchwright export " + what + ": " + e.getMessage());
            return UNUSABLE;
        }
    }

    /** The trace query's CSV, as {@code trace --format csv} prints it, into a file. */
    private static int trace(List<String> args, String target, PrintStream out, PrintStream err) throws IOException {
        List<String> traceArgs = new ArrayList<>(args);
        traceArgs.addAll(List.of("--format", "csv"));
        if (target.equals("-")) {
            return new TraceCommand().run(traceArgs, out, err);
        }
        CapturedRun trace = CapturedRun.of(new TraceCommand(), traceArgs);
        err.print(trace.err());
        if (trace.exit() != OK) {
            return trace.exit();
        }
        ReportFiles.write(Path.of(target), o -> o.write(trace.out().getBytes(StandardCharsets.UTF_8)));
        long rows = trace.out().lines().count() - 1;
        out.println("trace: " + target + " (" + rows + " job(s))");
        return OK;
    }
}
