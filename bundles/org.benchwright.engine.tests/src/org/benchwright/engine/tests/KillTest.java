/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.JournalVerifier.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing the writing process (SIGKILL) at random moments never loses or corrupts a written entry. */
class KillTest {

    private static final int TRIALS = 20;

    @TempDir
    Path dir;

    @Test
    void killMinus9NeverCorruptsTheRecord() throws Exception {
        String classpath = String.join(File.pathSeparator, location(KillTest.class), location(Journal.class),
                location(com.google.gson.Gson.class));
        Random random = new Random(42);
        long total = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path file = dir.resolve("job-" + trial + ".jsonl");
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, JournalWriter.class.getName(), file.toString()).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream()));
            String first = out.readLine();
            assertTrue("started".equals(first), "the writer did not start: " + first);
            Thread.sleep(20 + random.nextInt(300));
            writer.destroyForcibly(); // SIGKILL
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            Report report = JournalVerifier.verify(file);
            assertFalse(report.broken(), "trial " + trial + ": " + report.problem());
            assertTrue(report.entries() >= 1, "trial " + trial + ": nothing written");
            assertFalse(report.finished());
            total += report.entries();
        }
        System.out.println("kill -9: " + TRIALS + " trials, " + total + " entries written, none lost or corrupt");
    }

    /** Where a class was loaded from, as a class path entry (a jar, or a bundle's classes folder). */
    private static String location(Class<?> type) throws Exception {
        Path path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classes = path.resolve("target/classes");
        return java.nio.file.Files.isDirectory(classes) ? classes.toString() : path.toString();
    }
}
