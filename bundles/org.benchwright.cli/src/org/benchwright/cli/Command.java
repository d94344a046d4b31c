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

import java.io.PrintStream;
import java.util.List;

/**
 * One command of {@code benchwright}: its name, a one-line summary for {@code --help}, and what it does.
 * Implemented by each command; called by {@link Cli}.
 */
public interface Command {

    /** Exit code of a command that did what was asked. */
    int OK = 0;
    /** Exit code when the input was read but is wrong (for example a model that breaks an invariant). */
    int FINDINGS = 1;
    /** Exit code when the input could not be read or the command line is wrong. */
    int UNUSABLE = 2;

    String name();

    /** The arguments it takes, as shown in help, for example {@code <file.xmi>...}. */
    String usage();

    String summary();

    int run(List<String> args, PrintStream out, PrintStream err);
}
