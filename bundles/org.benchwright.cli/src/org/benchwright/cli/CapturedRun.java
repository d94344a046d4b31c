/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of a command in this JVM with what it printed, for what embeds the command line: a command that hands on
 * another's output, a test that reads it as a user would.
 *
 * @param exit the exit code the process would end with
 * @param out  what it printed on the standard output
 * @param err  what it printed on the standard error
 */
public record CapturedRun(int exit, String out, String err) {

    /** A command line, as the {@code benchwright} launcher runs it. */
    public static CapturedRun of(String... args) {
        return of(new Cli()::run, args);
    }

    /**
     * A command line with {@code typed} as what a person types at its prompts (a password, a PIN), one line each: the
     * standard input of the run, as a terminal or a badge reader's pipe gives it.
     */
    public static synchronized CapturedRun typing(String typed, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
        try {
            return of(args);
        } finally {
            System.setIn(before);
        }
    }

    /** One command with its arguments (its name not among them). */
    public static CapturedRun of(Command command, List<String> args) {
        return of((a, o, e) -> command.run(List.of(a), o, e), args.toArray(String[]::new));
    }

    private interface Runner {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static CapturedRun of(Runner runner, String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = runner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CapturedRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
