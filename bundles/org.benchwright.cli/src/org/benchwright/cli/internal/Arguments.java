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

import java.nio.file.Path;
import java.util.List;

/** Takes a command's options out of its arguments, leaving the operands; a bad value is named, not thrown at. */
final class Arguments {

    private Arguments() {
    }

    /** Removes {@code option} and its value from {@code args}; {@code fallback} when the option is not there. */
    static String take(List<String> args, String option, String fallback) {
        int i = args.indexOf(option);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args.remove(i + 1);
        args.remove(i);
        if (args.contains(option)) {
            throw new IllegalArgumentException(option + " is given twice");
        }
        return value;
    }

    /** Removes every {@code option} and its value from {@code args}, for options that may repeat. */
    static List<String> takeAll(List<String> args, String option) {
        List<String> values = new java.util.ArrayList<>();
        for (int i = args.indexOf(option); i >= 0; i = args.indexOf(option)) {
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            values.add(args.remove(i + 1));
            args.remove(i);
        }
        return values;
    }

    /** Like {@link #take}, for a file: by default {@code name} in the user's {@code ~/.benchwright} folder. */
    static Path file(List<String> args, String option, String name) {
        String value = take(args, option, null);
        return value != null ? Path.of(value) : Path.of(System.getProperty("user.home"), ".benchwright", name);
    }

    /** A file in the user's {@code ~/.benchwright} folder. */
    static Path home(String name) {
        return Path.of(System.getProperty("user.home"), ".benchwright", name);
    }

    /** Like {@link #take}, for a file: {@code null} when the option is not given. */
    static Path optionalFile(List<String> args, String option) {
        String value = take(args, option, null);
        return value == null ? null : Path.of(value);
    }

    /** Like {@link #take}, for a number. */
    static double number(List<String> args, String option, double fallback) {
        String value = take(args, option, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }
}
