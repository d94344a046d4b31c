/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchwright.engine.journal.Journal;
import org.junit.jupiter.api.Test;

/**
 * {@code benchwright develop-profile} as an engineer uses it: a first run of the library's BGA profile on a new board,
 * the board learned from that record, a profile proposed and written; the proposal run, and fed back in with its
 * prediction checked. A board no settings reflow within the limits gets none, and a record it cannot learn from is
 * refused.
 */
class DevelopProfileTest extends CommandLineTest {

    @Test
    void aBoardLearnedFromOneRunGetsAProfileWhoseRunIsPredicted() throws IOException {
        assertEquals(0, cli("simulate", "--profile", "BGA_SAC305", "--scenario", "bga-15mm", LIBRARY.toString()),
                out() + err());
        Path first = record();

        Path developed = dir.resolve("developed.bw");
        assertEquals(0, cli("develop-profile", "--record", first.toString(), "--name", "BGA_SAC305_Board7", "-o",
                developed.toString(), LIBRARY.toString()), out() + err());
        String report = out();
        assertTrue(report.contains("board learned from the record(s), starting from the reference bga-15mm"), report);
        Matcher rms = Pattern.compile("it misses the joint by (\\d+\\.\\d+) °C, the package by (\\d+\\.\\d+) °C")
                .matcher(report);
        assertTrue(rms.find(), report);
        assertTrue(Double.parseDouble(rms.group(1)) < 1.5 && Double.parseDouble(rms.group(2)) < 1.5, report);
        Matcher pwi = Pattern.compile("predicted PWI (\\d+) \\(the library's profile on this board: (\\d+)\\)")
                .matcher(report);
        assertTrue(pwi.find(), report);
        assertTrue(Integer.parseInt(pwi.group(1)) <= Integer.parseInt(pwi.group(2)), report);
        double predictedPeak = figure(report, "peak");
        assertTrue(report.contains("wrote " + developed + ": profile BGA_SAC305_Board7, valid"), report);
        String text = Files.readString(developed);
        assertTrue(text.contains("profile BGA_SAC305_Board7 "), text);
        assertTrue(text.contains("// Developed by benchwright develop-profile from BGA_SAC305 (profiles)"), text);
        assertTrue(text.contains("reflow peak") && text.contains("limits {"), text);
        Matcher margin = Pattern.compile("package (-?\\d+\\.\\d) °C under its Tc 260 °C").matcher(text);
        assertTrue(margin.find(), text);
        assertTrue(Double.parseDouble(margin.group(1)) >= 3, text);

        // the proposal run on the same board: it completes where it was predicted to peak, and fed back in, the
        // assistant says so
        int code = cli("simulate", "--profile", "BGA_SAC305_Board7", "--scenario", "bga-15mm", LIBRARY.toString(),
                developed.toString());
        assertTrue(code == 0 || code == 1, out() + err());
        assertTrue(out().contains("profile BGA_SAC305_Board7 on sim:bga-15mm: completed"), out());
        assertEquals(predictedPeak, figure(out(), "peak"), 3, out());
        Path second = record();
        assertEquals(0, cli("develop-profile", "--record", first.toString(), "--record", second.toString(),
                "--profile", "BGA_SAC305", "--name", "BGA_SAC305_Board7b", "-o", dir.resolve("again.bw").toString(),
                LIBRARY.toString(), developed.toString()), out() + err());
        Matcher check = Pattern.compile("peak (\\d+\\.\\d) °C predicted, (\\d+\\.\\d) measured").matcher(out());
        assertTrue(check.find(), out());
        assertEquals(Double.parseDouble(check.group(1)), Double.parseDouble(check.group(2)), 3, out());
    }

    @Test
    void aBoardNoSettingsCanReflowSafelyGetsNoProfile() throws IOException {
        // on a 35 mm BGA classified at 250 °C the library's profile holds the air back for the package, which stays
        // under its Tc, and the joints never melt
        assertEquals(1, cli("simulate", "--profile", "BGA_SAC305", "--scenario", "bga-35mm", "--tc", "250",
                LIBRARY.toString()), out() + err());
        assertTrue(out().contains("profile BGA_SAC305 on sim:bga-35mm: completed"), out());
        assertTrue(figure(out(), "peak") < 235, out());
        Path first = record();
        // settings that keep the package under its Tc exist, but none melts the joints
        assertEquals(1, cli("develop-profile", "--record", first.toString(), "-o", dir.resolve("c.bw").toString(),
                LIBRARY.toString()), out() + err());
        assertTrue(out().contains("starting from the reference bga-35mm"), out());
        assertTrue(err().contains("nothing proposed: no settings within the limits reflow this board's joints: the"
                + " best predicted run has peak"), err());
        assertTrue(err().contains("a board limit of 200 °C allows"), err());
        assertTrue(!Files.exists(dir.resolve("c.bw")));
        // cooler still, none even keeps the package under it
        assertEquals(1, cli("develop-profile", "--record", first.toString(), "--tc", "225", "-o",
                dir.resolve("c.bw").toString(), LIBRARY.toString()), out() + err());
        assertTrue(err().contains("nothing proposed: no settings within the limits run this board safely"), err());
        assertTrue(!Files.exists(dir.resolve("c.bw")));
    }

    /** A figure of a printed judgement: {@code peak   241.3 °C   window ...}. */
    private static double figure(String output, String name) {
        Matcher m = Pattern.compile("\\n\\s+" + name + "\\s+(\\d+\\.\\d+) ").matcher(output);
        assertTrue(m.find(), output);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aRecordWithoutTheStationsChannelsIsRefusedNamingWhatIsMissing() throws IOException {
        Path record = dir.resolve("old.jsonl");
        try (Journal journal = Journal.create(record)) {
            journal.append("heat.started", Map.of("step", "remove/1", "profile", "BGA_SAC305", "liquidus", 220,
                    "packageCeiling", 250));
            journal.append("telemetry", Map.of("step", "remove/1", "channel", "joint", "samples",
                    List.of(List.of(0.0, 25.0), List.of(200.0, 200.0))));
        }
        assertEquals(2, cli("develop-profile", "--record", record.toString(), LIBRARY.toString()));
        assertTrue(err().contains("old.jsonl, step remove/1: the record has no package, air-setpoint telemetry"),
                err());
        assertEquals(2, cli("develop-profile", "--record", dir.resolve("none.jsonl").toString(), LIBRARY.toString()));
        assertTrue(err().contains("none.jsonl"), err());
        assertTrue(!err().contains("Exception"), err());
    }
}
