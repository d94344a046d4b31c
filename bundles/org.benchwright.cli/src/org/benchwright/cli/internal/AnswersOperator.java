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

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.job.Operator;
import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.job.Reply;

/**
 * Answers from a file, for automation and demonstrations: one {@code <step path> = <answer>} per line ({@code #}
 * starts a comment), where a step path is "operation/step" as the run shows it and {@code *} confirms every
 * instruction that the file does not name (lots, measurements and inspections are always named). An answer that
 * is missing or not taken aborts the job and says which line or step;
 * nothing is guessed.
 */
final class AnswersOperator implements Operator {

    private final Path file;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final PrintStream out;
    private String refused;

    AnswersOperator(Path file, PrintStream out) throws IOException {
        this.file = file;
        this.out = out;
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IOException(file + ":" + (i + 1) + ": expected '<step path> = <answer>', found '" + line + "'");
            }
            answers.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            lines.put(line.substring(0, eq).strip(), i + 1);
        }
    }

    @Override
    public Reply ask(Prompt prompt) {
        if (refused != null) {
            return new Reply.Abort(refused);
        }
        String key = key(prompt);
        String answer = answers.get(key);
        if (answer == null) {
            return new Reply.Abort(file + " has no answer for " + prompt.step() + (prompt.kind() == Prompt.Kind.CONFIRM
                    ? " (and no '* = ...' line)" : " ('*' answers confirmations only: name the step)"));
        }
        out.println("  " + prompt.step() + ": " + prompt.text());
        if (!prompt.details().isBlank()) {
            out.println("  (" + prompt.details() + ")");
        }
        out.println("  answered from " + file.getFileName() + ":" + lines.get(key) + ": " + answer);
        try {
            return Replies.parse(prompt, answer);
        } catch (IllegalArgumentException e) {
            return new Reply.Abort(file + ":" + lines.get(key) + ": " + prompt.step() + ": " + e.getMessage());
        }
    }

    /** The step's own line; {@code *} stands in only for confirmations: a lot, a value or a verdict is never guessed. */
    private String key(Prompt prompt) {
        return answers.containsKey(prompt.step()) || prompt.kind() != Prompt.Kind.CONFIRM ? prompt.step() : "*";
    }

    @Override
    public void refused(Prompt prompt, String reason) {
        Integer line = lines.get(key(prompt));
        refused = file + ":" + line + ": the answer for " + prompt.step() + " was not taken: " + reason;
        out.println("  " + refused);
    }
}
