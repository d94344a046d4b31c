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

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password or PIN as a person types it: from the terminal without echo, or, when standard input is not a terminal
 * (a badge reader's pipe, a test), one line of it. Never from the command line, where every user of the machine
 * could read it.
 */
final class SecretInput {

    private SecretInput() {
    }

    /**
     * @throws IOException when nothing is typed (standard input ended)
     */
    static char[] read(String prompt, PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            if (typed == null) {
                throw new IOException("no " + prompt.replaceAll(":.*", "") + " typed");
            }
            return typed;
        }
        err.print(prompt);
        err.flush();
        return line(System.in);
    }

    /**
     * A new password or PIN: at a terminal typed twice, and refused when the two differ; from a pipe, one line.
     *
     * @throws IOException when nothing is typed, or the two differ
     */
    static char[] readNew(String prompt, PrintStream err) throws IOException {
        char[] secret = read(prompt, err);
        if (System.console() != null) {
            char[] again = read("Again: ", err);
            boolean same = Arrays.equals(secret, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(secret, '\0');
                throw new IOException("the two differ: nothing was changed");
            }
        }
        return secret;
    }

    /** One line of {@code in}, read a byte at a time so that nothing after it is taken from the next reader. */
    private static char[] line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        if (b == -1 && bytes.size() == 0) {
            throw new IOException("no secret given: standard input ended");
        }
        byte[] raw = bytes.toByteArray();
        CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(raw));
        Arrays.fill(raw, (byte) 0);
        char[] secret = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return secret;
    }
}
