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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.benchwright.cli.Command;
import org.benchwright.report.Csv;
import org.benchwright.store.JobTrace;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoredRecord;
import org.benchwright.store.TraceQuery;

import com.google.gson.GsonBuilder;

/**
 * {@code trace}: every job of the plant store that touched a unit, used a lot, was done by a technician or at a
 * station: procedure, revision and content hash, instruction and deviations, technician, station, lots, PWI, outcome.
 */
public final class TraceCommand implements Command {

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String usage() {
        return "unit|lot|technician|station <value> [--format text|json|csv] " + StoreAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "every job everywhere on a unit, with a lot, by a technician or at a station (the plant store)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try {
            String format = Arguments.take(args, "--format", "text");
            if (!List.of("text", "json", "csv").contains(format)) {
                throw new IllegalArgumentException("--format takes text, json or csv, not '" + format + "'");
            }
            try (PlantStore store = StoreAccess.open(args)) {
                if (args.size() != 2) {
                    err.println("usage: benchwright trace " + usage());
                    return UNUSABLE;
                }
                TraceQuery query = TraceQuery.of(args.get(0), args.get(1));
                List<JobTrace> jobs = store.trace(query);
                Map<String, String> records = new LinkedHashMap<>(); // each record's chain, checked again as read
                for (JobTrace j : jobs) {
                    records.put(j.job(), store.record(j.job()).map(StoredRecord::describe).orElse("not in the store"));
                }
                switch (format) {
                case "json" -> out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
                        .serializeSpecialFloatingPointValues().create().toJson(jobs.stream()
                                .map(j -> json(j, records.get(j.job()))).toList()));
                case "csv" -> csv(jobs, records, out);
                default -> text(query, jobs, records, store.location(), out);
                }
                return OK;
            }
        } catch (IllegalArgumentException e) {
            err.println("benchwright trace: " + e.getMessage());
            return UNUSABLE;
        } catch (Exception e) {
            err.println("benchwright trace: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static void text(TraceQuery query, List<JobTrace> jobs, Map<String, String> records, String location,
            PrintStream out) {
        out.printf("%d job(s) in %s for %s %s%n", jobs.size(), location,
                query.by().name().toLowerCase(Locale.ROOT), query.value());
        for (JobTrace j : jobs) {
            out.printf(Locale.ROOT, "%s  %s  unit %s  %s rev %s (%s)%s  by %s at %s%s  %s%s%n", j.started(), j.job(),
                    j.unit(), j.procedure(), j.revision(), shortHash(j.procedureHash()),
                    j.instruction() == null ? "" : " instruction " + j.instruction(), j.technician(), j.station(),
                    j.bench() == null ? "" : " (" + j.bench() + ")", j.outcome().toUpperCase(Locale.ROOT),
                    Double.isNaN(j.pwi()) ? "" : String.format(Locale.ROOT, "  PWI %.0f", j.pwi()));
            j.lots().forEach(l -> out.println("    lot " + l));
            j.deviations().forEach(d -> out.println("    deviation " + d));
            out.println("    record " + records.get(j.job()));
        }
    }

    private static String shortHash(String hash) {
        return hash == null ? "?" : hash.substring(0, Math.min(12, hash.length()));
    }

    private static Map<String, Object> json(JobTrace j, String record) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", j.job());
        m.put("unit", j.unit());
        m.put("procedure", j.procedure());
        m.put("revision", j.revision());
        m.put("procedureHash", j.procedureHash());
        m.put("instruction", j.instruction());
        m.put("deviations", j.deviations());
        m.put("technician", j.technician());
        m.put("station", j.station());
        m.put("bench", j.bench());
        m.put("started", j.started().toString());
        m.put("outcome", j.outcome());
        m.put("pwi", Double.isNaN(j.pwi()) ? null : j.pwi());
        m.put("lots", j.lots());
        m.put("entries", j.entries());
        m.put("record", record);
        return m;
    }

    private static void csv(List<JobTrace> jobs, Map<String, String> records, PrintStream out) {
        out.println("started,job,unit,procedure,revision,procedure_hash,instruction,technician,station,bench,outcome,pwi,"
                + "lots,record");
        for (JobTrace j : jobs) {
            out.println(String.join(",", List.of(j.started().toString(), Csv.cell(j.job()), Csv.cell(j.unit()),
                    Csv.cell(j.procedure()), Csv.cell(j.revision()), Csv.cell(j.procedureHash()), Csv.cell(j.instruction()),
                    Csv.cell(j.technician()), Csv.cell(j.station()), Csv.cell(j.bench()), Csv.cell(j.outcome()),
                    Double.isNaN(j.pwi()) ? "" : String.format(Locale.ROOT, "%.1f", j.pwi()),
                    Csv.cell(String.join("; ", j.lots())), Csv.cell(records.get(j.job())))));
        }
    }
}
