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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

import org.benchwright.engine.job.Operator;
import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.job.Reply;

/** The operator at the terminal: each step's question on the screen, the answer typed (or scanned) on a line. */
final class TerminalOperator implements Operator {

    private final BufferedReader in;
    private final PrintStream out;

    TerminalOperator(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Reply ask(Prompt prompt) throws IOException {
        while (true) {
            out.println();
            out.println("  " + prompt.step() + ": " + prompt.text());
            if (!prompt.details().isBlank()) {
                out.println("  (" + prompt.details() + ")");
            }
            out.print("  " + switch (prompt.kind()) {
                case CONFIRM -> "done? ";
                case MEASURE -> "value? ";
                case LOT -> "scan or type the lot: ";
                case INSPECT -> "pass / fail <note>? ";
            });
            out.flush();
            String line = in.readLine();
            if (line == null) {
                return new Reply.Abort("the terminal closed before " + prompt.step() + " was answered");
            }
            try {
                return Replies.parse(prompt, line);
            } catch (IllegalArgumentException e) {
                out.println("  " + e.getMessage());
                out.println("  " + Replies.HELP);
            }
        }
    }

    @Override
    public void refused(Prompt prompt, String reason) {
        out.println("  not taken: " + reason);
    }
}
