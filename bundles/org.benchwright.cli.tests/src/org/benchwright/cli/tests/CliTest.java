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

import org.benchwright.cli.Cli;
import org.benchwright.engine.journal.Journal;
import org.benchwright.model.Alloy;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Library;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.resource.ModelResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: version, help, exit codes and what it says about model files. */
class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
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
    void versionIsTheBundleVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out().matches("benchwright 0\\.1\\.0\\..+\\R"), out());
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("check-model <file.xmi>..."), out());
        assertTrue(out().contains("  validate [--format text|json] [--rules <file.properties>] [--effective <work instruction>] <files or folders>...\n"
                + "      check procedure files (*.bw) against the language and the IPC rules"), out());
        assertTrue(out().contains("  lsp\n"), out());
        assertTrue(out().contains("--version"), out());
    }

    @Test
    void everyCommandAnswersForTheNameItIsCalledByAndEachHasItsHelp() {
        for (var command : new Cli().commands()) {
            out.reset();
            assertEquals(0, run(command.name(), "--help"), command.name());
            assertTrue(out().startsWith("usage: benchwright " + command.name() + " "), out());
        }
    }

    @Test
    void noArgumentsShowsHelpAndFails() {
        assertEquals(2, run());
        assertTrue(out().startsWith("usage: benchwright <command>"), out());
    }

    @Test
    void unknownCommandIsNamed() {
        assertEquals(2, run("frobnicate"));
        assertEquals("benchwright: unknown command 'frobnicate'; 'benchwright --help' lists the commands",
                err().strip());
    }

    @Test
    void checkModelAcceptsAValidFile() throws IOException {
        Path file = dir.resolve("alloys.xmi");
        ModelResources.save(file, library(217, 220));
        assertEquals(0, run("check-model", file.toString()), out() + err());
        assertTrue(out().contains("1 file(s) checked, 0 error(s)"), out());
    }

    @Test
    void checkModelReportsABrokenInvariantWithItsFile() throws IOException {
        Path file = dir.resolve("alloys.xmi");
        ModelResources.save(file, library(221, 217));
        assertEquals(1, run("check-model", file.toString()));
        assertTrue(out().contains(file + ": error: alloy 'SAC305': solidus 221 °C is above liquidus 217 °C"), out());
    }

    @Test
    void checkModelRefusesJunkWithoutAStackTrace() throws IOException {
        Path junk = dir.resolve("junk.xmi");
        Files.write(junk, new byte[] { 0, 1, 2, (byte) 0xff, 'x' });
        assertEquals(2, run("check-model", junk.toString(), dir.resolve("missing.xmi").toString()));
        assertTrue(err().contains(junk + ": not a readable model: "), err());
        assertTrue(err().contains("missing.xmi: no such file"), err());
        assertTrue(!err().contains("\tat "), "no stack trace: " + err());
    }

    @Test
    void validateReportsRuleFindingsWithFileLineAndCode() throws IOException {
        Path file = dir.resolve("profile.bw");
        Files.writeString(file, "package p\nalloy SAC { lead-free solidus 217 C liquidus 220 C }\n"
                + "profile Fast for SAC {\n    ramp to 150 C at 4 C/s\n}\n");
        assertEquals(1, run("validate", file.toString()));
        assertTrue(out().contains(file + ":4:22: error [BW-RAMP-UP] J-STD-020 Table 5-2: ramp-up 4 °C/s exceeds 3 °C/s"),
                out());
        assertTrue(out().contains("1 file(s) checked: 1 error(s), 0 warning(s)"), out());
    }

    @Test
    void validateSpeaksJsonForTools() throws IOException {
        Path file = dir.resolve("ok.bw");
        Files.writeString(file, "package p\nalloy SAC { lead-free solidus 217 C liquidus 220 C }\n");
        assertEquals(0, run("validate", "--format", "json", dir.toString()));
        assertTrue(out().contains("\"files\": 1") && out().contains("\"errors\": 0") && out().contains("\"diagnostics\": []"),
                out());
    }

    @Test
    void validateTurnsBinaryJunkIntoOneDiagnostic() throws IOException {
        Path junk = dir.resolve("junk.bw");
        Files.write(junk, new byte[] { 0, (byte) 0xff, 3, 'p' });
        assertEquals(1, run("validate", junk.toString()));
        assertTrue(out().contains(junk + ":1:1: error [BW-NOT-TEXT]"), out());
        assertEquals(2, run("validate", dir.resolve("nowhere").toString()));
    }

    @Test
    void verifyTellsAFinishedAnInterruptedAndATamperedRecordApart() throws IOException {
        Path finished = dir.resolve("finished.jsonl");
        try (Journal journal = Journal.create(finished)) {
            journal.append("job.started", java.util.Map.of("unit", "SN-1"));
            journal.append("job.finished", java.util.Map.of("outcome", "completed"));
        }
        Path interrupted = dir.resolve("interrupted.jsonl");
        try (Journal journal = Journal.create(interrupted)) {
            journal.append("job.started", java.util.Map.of("unit", "SN-2"));
            journal.append("step.done", java.util.Map.of("step", "prepare/flux"));
        }
        Files.writeString(interrupted, "{\"seq\":3,\"ti", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, run("verify", finished.toString(), interrupted.toString()));
        assertTrue(out().contains(finished + ": 2 entries, chain intact, job finished"), out());
        assertTrue(out().contains(interrupted + ": 2 entries, chain intact; the job did not finish: interrupted after "
                + "entry 2 (a further entry was being written when the writer stopped)"), out());

        Files.writeString(finished, Files.readString(finished).replace("SN-1", "SN-9"));
        assertEquals(1, run("verify", finished.toString()));
        assertTrue(out().contains(finished + ": BROKEN at entry 1: entry 1 does not match its hash"), out());
    }

    @Test
    void simulateRunsAProfileClosedLoopAndJudgesIt() throws IOException {
        Files.writeString(dir.resolve("profile.bw"), """
                package p
                alloy SAC { lead-free solidus 217 C liquidus 220 C }
                profile Bga for SAC {
                    zone bottom hold 175 C
                    ramp to 150 C at 1 C/s
                    soak 150 C .. 180 C for 60 s .. 90 s
                    ramp to peak at 1 C/s
                    reflow peak 235 C .. 245 C above liquidus 60 s .. 90 s
                    cool at 2 C/s to 100 C
                    limits { ramp-up at most 3 C/s ramp-down at most 6 C/s within 5 C of peak at most 30 s }
                }
                """);
        assertEquals(0, run("simulate", "--profile", "Bga", dir.toString()), out() + err());
        assertTrue(out().contains("profile Bga on sim:bga-15mm: completed"), out());
        assertTrue(out().matches("(?s).*Process Window Index \\d+\\.\\d \\(inside the window\\).*"), out());
        assertTrue(out().contains("control latency, sample in to setpoint out: median"), out());
        assertEquals(2, run("simulate", "--profile", "Nope", dir.toString()));
        assertTrue(err().contains("no profile named 'Nope'"), err());
    }

    @Test
    void aMistypedOptionValueIsNamedNotThrown() {
        assertEquals(2, run("benchmark", "--lines", "many"));
        assertEquals("benchwright benchmark: --lines takes a number, not 'many'", err().strip());
        assertEquals(2, run("simulate", "--profile", "Bga", "--tc", "hot", dir.toString()));
        assertTrue(err().contains("benchwright simulate: --tc takes a number, not 'hot'"), err());
        assertEquals(2, run("validate", dir.toString(), "--format"));
        assertTrue(err().contains("benchwright validate: --format needs a value"), err());
        assertTrue(!err().contains("Exception"), err());
    }

    private static Library library(double solidus, double liquidus) {
        Library library = BenchwrightFactory.eINSTANCE.createLibrary();
        library.setName("materials");
        Alloy alloy = BenchwrightFactory.eINSTANCE.createAlloy();
        alloy.setName("SAC305");
        alloy.setSolidus(Temperature.of(solidus));
        alloy.setLiquidus(Temperature.of(liquidus));
        library.getElements().add(alloy);
        return library;
    }
}
