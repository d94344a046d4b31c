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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the procedure-language files ({@code *.bw}) that the command line's arguments name. */
final class LanguageFiles {

    static final String EXTENSION = ".bw";

    private LanguageFiles() {
    }

    /**
     * The files named, and the {@code .bw} files below the folders named, in a stable order.
     *
     * @param unreadable receives a message for each argument that is neither a readable file nor a folder
     */
    static List<Path> collect(List<String> args, List<String> unreadable) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(EXTENSION) && Files.isRegularFile(p)).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    unreadable.add(arg + ": cannot read the folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path) && Files.isReadable(path)) {
                files.add(path);
            } else {
                unreadable.add(arg + ": " + (Files.exists(path) ? "cannot be read" : "no such file or folder"));
            }
        }
        return files;
    }

    /**
     * The files the arguments name, as {@link #collect(List, List)}; {@code null} when an argument names nothing
     * readable, each such argument then printed to {@code err}.
     */
    static List<Path> collect(List<String> args, PrintStream err) {
        List<String> unreadable = new ArrayList<>();
        List<Path> files = collect(args, unreadable);
        unreadable.forEach(err::println);
        return unreadable.isEmpty() ? files : null;
    }

    /** Whether the file is text the parser can read: UTF-8 without NUL bytes. */
    static boolean isText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
