/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A job's telemetry as CSV (RFC 4180, comma separated, a point as the decimal mark, a header row) for the
 * engineers' own spreadsheets: one row per sample time of each heat step, a column per channel the record holds
 * (joint, package, plan, in that order, then any other; each in °C but the cooling fan's flow, a fraction of its full
 * flow), empty where a channel has no sample at that time.
 */
public final class TelemetryCsv {

    private static final List<String> ORDER = List.of("joint", "package", "plan");

    private TelemetryCsv() {
    }

    public static void write(JobRecord record, Appendable out) throws IOException {
        List<String> channels = new ArrayList<>(ORDER);
        for (JobRecord.Heat heat : record.heats()) {
            for (String c : heat.curves.keySet()) {
                if (!channels.contains(c)) {
                    channels.add(c);
                }
            }
        }
        out.append("job,step,time_s");
        for (String c : channels) {
            out.append(',').append(c).append(c.equals("fan") ? "_flow" : "_c");
        }
        out.append("\r\n");
        String job = Csv.cell(record.job());
        for (JobRecord.Heat heat : record.heats()) {
            Map<Double, Double[]> rows = new TreeMap<>();
            for (int i = 0; i < channels.size(); i++) {
                for (double[] s : heat.curves.getOrDefault(channels.get(i), List.of())) {
                    rows.computeIfAbsent(s[0], t -> new Double[channels.size()])[i] = s[1];
                }
            }
            String step = Csv.cell(heat.step);
            for (Map.Entry<Double, Double[]> row : rows.entrySet()) {
                out.append(job).append(',').append(step).append(',').append(String.format(Locale.ROOT, "%.3f",
                        row.getKey()));
                for (Double v : row.getValue()) {
                    out.append(',');
                    if (v != null) {
                        out.append(String.format(Locale.ROOT, "%.2f", v));
                    }
                }
                out.append("\r\n");
            }
        }
    }
}
