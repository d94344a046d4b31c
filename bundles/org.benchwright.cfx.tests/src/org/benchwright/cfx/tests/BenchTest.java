/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchwright.cli.CapturedRun;
import org.junit.jupiter.api.io.TempDir;

/** What the CFX tests share: a bench's folder, the command line run in this JVM, and the example BGA removal. */
abstract class BenchTest {

    static final Path LIBRARY = Path.of("../org.benchwright.library/library");
    static final Path EXAMPLES = Path.of("../../releng/examples");

    @TempDir
    Path dir;

    /** The last command line's run. */
    private CapturedRun last = new CapturedRun(0, "", "");

    int cli(String... args) {
        last = CapturedRun.of(args);
        return last.exit();
    }

    /**
     * Approves the library's BGA removal, signed by the example register's CSE, T-004, whose account (the admin's
     * too) a store of this test's own keeps.
     */
    private void approve(List<String> documents) {
        String accounts = "h2:" + dir.resolve("accounts");
        String typed = "password-of-T-004\n";
        for (List<String> args : List.of(List.of("accounts", "add", "--id", "T-004", "--name", "Dana Reyes",
                "--roles", "admin,cse"), List.of("login", "--user", "T-004"), List.of("approve", "--library",
                        LIBRARY.toString(), "--procedure", "bga-removal"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--store", accounts));
            if (args.get(0).equals("approve")) {
                all.addAll(documents);
            }
            last = CapturedRun.typing(typed, all.toArray(String[]::new));
            assertEquals(0, last.exit(), () -> out() + err());
        }
    }

    String out() {
        return last.out();
    }

    String err() {
        return last.err();
    }

    /**
     * Runs the library's BGA removal on unit {@code unit} at the simulated station, as fast as it computes, the
     * procedure approved first by the example register's CSE; the bench keeps no plant store.
     *
     * @return the job's record
     */
    Path bgaRemoval(String unit, Path records, String... more) {
        return job(0, unit, records, more);
    }

    /** The library's BGA removal as {@link #bgaRemoval}, ending with the exit code {@code exit}. */
    Path job(int exit, String unit, Path records, String... more) {
        List<String> documents = List.of("--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString());
        if (!Files.exists(dir.resolve("documents.jsonl"))) {
            approve(documents);
        }
        List<String> run = new ArrayList<>(List.of("run", "--library", LIBRARY.toString(), "--procedure",
                "bga-removal", "--unit", unit, "--designators", "U7", "--speed", "max", "--records", records.toString(),
                "--store", "none"));
        run.addAll(documents);
        run.addAll(List.of(more));
        for (String[] fallback : new String[][] { { "--technician", "T-001" }, { "--station", "sim" },
                { "--answers", EXAMPLES.resolve("bga-removal.answers").toString() } }) {
            if (!run.contains(fallback[0])) {
                run.addAll(List.of(fallback));
            }
        }
        assertEquals(exit, cli(run.toArray(String[]::new)), () -> out() + err());
        Matcher m = Pattern.compile("record: (\\S+\\.jsonl)").matcher(out());
        assertTrue(m.find(), out());
        return Path.of(m.group(1));
    }

    /** A bench's CFX configuration file publishing to {@code address} of {@code broker}. */
    Path cfxFile(String handle, URI broker, String address) throws IOException {
        Path file = dir.resolve(handle + ".cfx.properties");
        Files.writeString(file, "cfx.handle = " + handle + "\ncfx.broker = " + broker + "\ncfx.address = " + address
                + "\n");
        return file;
    }
}
