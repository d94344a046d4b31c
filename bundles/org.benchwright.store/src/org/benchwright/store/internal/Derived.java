/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What an entry adds to the tables that answer questions quickly: counts, lots, the job's outcome and PWI. Written in
 * the entry's own transaction, so the tables never disagree with the entries.
 */
final class Derived {

    private Derived() {
    }

    static void of(Connection c, ChainedEntry entry) throws SQLException {
        JsonObject d = entry.data();
        switch (entry.type()) {
        case "unit.counted" -> {
            int actions = d.get("reworkActions").getAsInt();
            int cycles = d.get("thermalCycles").getAsInt();
            String unit = d.get("unit").getAsString();
            for (JsonElement designator : d.getAsJsonArray("designators")) {
                counted(c, entry, unit, designator.getAsString(), actions, cycles);
            }
            heated(c, entry, unit, cycles);
        }
        case "step.done" -> {
            if (d.has("lot")) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO lots (job_id, seq, unit, material, lot) VALUES (?, ?, ?, ?, ?)")) {
                    s.setString(1, entry.job());
                    s.setLong(2, entry.seq());
                    s.setString(3, unit(c, entry.job()));
                    s.setString(4, ChainedEntry.string(d, "material"));
                    s.setString(5, ChainedEntry.string(d, "lot"));
                    s.executeUpdate();
                }
            }
        }
        case "job.refused" -> outcome(c, entry.job(), "refused", null);
        case "job.finished" -> {
            outcome(c, entry.job(), ChainedEntry.string(d, "outcome"), d.has("pwi") ? d.get("pwi").getAsDouble() : null);
            if (!hasCounts(c, entry.job()) && d.has("counts")) {
                // a record written before jobs counted as they went: its end says what it added
                int unitCycles = 0;
                for (JsonElement e : d.getAsJsonArray("counts")) {
                    JsonObject n = e.getAsJsonObject();
                    counted(c, entry, n.get("unit").getAsString(), n.get("designator").getAsString(),
                            n.get("reworkActions").getAsInt(), n.get("thermalCycles").getAsInt());
                    unitCycles = Math.max(unitCycles, n.get("thermalCycles").getAsInt());
                }
                heated(c, entry, unit(c, entry.job()), unitCycles);
            }
        }
        default -> {
            // steps, heat and telemetry: kept in the entries, asked of them when a report needs them
        }
        }
    }

    private static void counted(Connection c, ChainedEntry entry, String unit, String designator, int actions,
            int cycles) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO counted (job_id, seq, unit, designator, "
                + "rework_actions, thermal_cycles) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, entry.job());
            s.setLong(2, entry.seq());
            s.setString(3, unit);
            s.setString(4, designator);
            s.setInt(5, actions);
            s.setInt(6, cycles);
            s.executeUpdate();
        }
    }

    private static void heated(Connection c, ChainedEntry entry, String unit, int cycles) throws SQLException {
        if (cycles == 0) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO heated (job_id, seq, unit, thermal_cycles) VALUES (?, ?, ?, ?)")) {
            s.setString(1, entry.job());
            s.setLong(2, entry.seq());
            s.setString(3, unit);
            s.setInt(4, cycles);
            s.executeUpdate();
        }
    }

    private static boolean hasCounts(Connection c, String job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM counted WHERE job_id = ?")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    private static void outcome(Connection c, String job, String outcome, Double pwi) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET outcome = ?, pwi = ? WHERE job_id = ?")) {
            s.setString(1, outcome);
            if (pwi == null) {
                s.setNull(2, java.sql.Types.DOUBLE);
            } else {
                s.setDouble(2, pwi);
            }
            s.setString(3, job);
            s.executeUpdate();
        }
    }

    private static String unit(Connection c, String job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT unit FROM jobs WHERE job_id = ?")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
