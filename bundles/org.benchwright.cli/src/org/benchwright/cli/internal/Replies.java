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

import java.util.Locale;

import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.job.Reply;

/**
 * Reads an operator's typed answer, the same at the terminal and in an answers file: {@code done} (or {@code y},
 * {@code ok}) confirms; a number is a measurement; for a lot, the text itself (a scanner types it) or
 * {@code lot <number>}; {@code pass} or {@code fail <note>} judges an inspection; {@code skip <reason>} and
 * {@code abort <reason>} work everywhere.
 */
final class Replies {

    static final String HELP = "answers: done | <number> | <lot> | pass | fail <note> | skip <reason> | abort <reason>";

    private Replies() {
    }

    /** @throws IllegalArgumentException saying what the prompt expects instead */
    static Reply parse(Prompt prompt, String typed) {
        String text = typed.strip();
        String word = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = text.length() > word.length() ? text.substring(word.length()).strip() : "";
        switch (word) {
            case "skip":
                return new Reply.Skip(rest);
            case "abort":
                return new Reply.Abort(rest.isEmpty() ? "aborted by the operator" : rest);
            default:
                break;
        }
        return switch (prompt.kind()) {
            case CONFIRM -> {
                if (word.equals("done") || word.equals("y") || word.equals("yes") || word.equals("ok")) {
                    yield new Reply.Done();
                }
                throw new IllegalArgumentException("type 'done' when it is done, or skip/abort with a reason");
            }
            case MEASURE -> {
                try {
                    yield new Reply.Value(Double.parseDouble(text.split("\\s+")[0]));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number: type the measured value ("
                            + prompt.details() + ")");
                }
            }
            case LOT -> new Reply.Lot(word.equals("lot") ? rest : text);
            case INSPECT -> {
                if (word.equals("pass") || word.equals("passed")) {
                    yield new Reply.Inspection(true, rest);
                }
                if (word.equals("fail") || word.equals("failed")) {
                    yield new Reply.Inspection(false, rest);
                }
                throw new IllegalArgumentException("type 'pass', or 'fail' and what is wrong");
            }
        };
    }
}
