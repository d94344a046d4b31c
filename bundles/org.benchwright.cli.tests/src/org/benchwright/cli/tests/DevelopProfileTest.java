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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchwright.cli.Cli;
import org.benchwright.engine.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchwright develop-profile} as an engineer uses it: a first run of the library's BGA profile on a board
 * whose package the profile overheats (the thermal model's scenario C: a 35 mm BGA, Tc 250 °C), the board learned
 * from that record, a profile proposed and written; the proposal run, and fed back in with its prediction checked.
 */
class DevelopProfileTest {

    private static final Path LIBRARY = CommandLineTest.LIBRARY;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBoardLearnedFromOneRunGetsAProfileThatRunsAndIsPredicted() throws IOException {
        // the library's profile trips the package interlock on this board
        assertEquals(1, run("simulate", "--profile", "BGA_SAC305", "--scenario", "bga-35mm", "--tc", "250",
                LIBRARY.toString()), out() + err());
        assertTrue(out().contains("FAILED: OVER_TEMPERATURE"), out());
        Path first = record(out());

        Path developed = dir.resolve("developed.bw");
        assertEquals(0, run("develop-profile", "--record", first.toString(), "--name", "BGA_SAC305_Board7", "-o",
                developed.toString(), LIBRARY.toString()), out() + err());
        String report = out();
        assertTrue(report.contains("board learned from the record(s), starting from the reference bga-35mm"), report);
        Matcher rms = Pattern.compile("it misses the joint by (\\d+\\.\\d+) °C, the package by (\\d+\\.\\d+) °C")
                .matcher(report);
        assertTrue(rms.find(), report);
        assertTrue(Double.parseDouble(rms.group(1)) < 1.5 && Double.parseDouble(rms.group(2)) < 1.5, report);
        assertTrue(report.contains("predicted PWI"), report);
        assertTrue(report.contains("(the library's profile on this board: does not complete)"), report);
        assertTrue(report.contains("wrote " + developed + ": profile BGA_SAC305_Board7, valid"), report);
        String text = Files.readString(developed);
        assertTrue(text.contains("profile BGA_SAC305_Board7 "), text);
        assertTrue(text.contains("// Developed by benchwright develop-profile from BGA_SAC305 (profiles)"), text);
        assertTrue(text.contains("reflow peak") && text.contains("limits {"), text);
        // the package is kept under its Tc by a margin the comments state
        Matcher margin = Pattern.compile("package (-?\\d+\\.\\d) °C under its Tc 250 °C").matcher(text);
        assertTrue(margin.find(), text);
        assertTrue(Double.parseDouble(margin.group(1)) >= 3, text);

        // a package classified far cooler than this board needs gets no proposal that would trip or overheat it
        assertEquals(1, run("develop-profile", "--record", first.toString(), "--tc", "225", "-o",
                dir.resolve("cold.bw").toString(), LIBRARY.toString()), out() + err());
        assertTrue(err().contains("nothing proposed: no settings within the limits run this board safely"), err());
        assertTrue(!Files.exists(dir.resolve("cold.bw")));

        // the proposal runs on the same board without tripping, and its record is fed back in
        int code = run("simulate", "--profile", "BGA_SAC305_Board7", "--scenario", "bga-35mm", "--tc", "250",
                LIBRARY.toString(), developed.toString());
        assertTrue(code == 0 || code == 1, out() + err());
        assertTrue(out().contains("profile BGA_SAC305_Board7 on sim:bga-35mm: completed"), out());
        Matcher measured = Pattern.compile("peak\\s+(\\d+\\.\\d+) °C").matcher(out());
        assertTrue(measured.find(), out());
        Path second = record(out());
        assertEquals(0, run("develop-profile", "--record", first.toString(), "--record", second.toString(),
                "--profile", "BGA_SAC305", "--name", "BGA_SAC305_Board7b", "-o", dir.resolve("again.bw").toString(),
                LIBRARY.toString(), developed.toString()), out() + err());
        Matcher check = Pattern.compile("peak (\\d+\\.\\d) °C predicted, (\\d+\\.\\d) measured").matcher(out());
        assertTrue(check.find(), out());
        assertTrue(Math.abs(Double.parseDouble(check.group(1)) - Double.parseDouble(check.group(2))) < 3, out());
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
        assertEquals(2, run("develop-profile", "--record", record.toString(), LIBRARY.toString()));
        assertTrue(err().contains("old.jsonl, step remove/1: the record has no package, air-setpoint telemetry"),
                err());
        assertEquals(2, run("develop-profile", "--record", dir.resolve("none.jsonl").toString(), LIBRARY.toString()));
        assertTrue(err().contains("none.jsonl"), err());
        assertTrue(!err().contains("Exception"), err());
    }

    private static Path record(String output) {
        Matcher m = Pattern.compile("record: (\\S+)").matcher(output);
        assertTrue(m.find(), output);
        return Path.of(m.group(1));
    }
}
