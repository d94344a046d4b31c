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
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without its signature files, for the command line's start: the JDK checks every class it reads from a
 * signed jar on the class path against the jar's signature (about a fifth of the command line's start here, for the
 * Equinox launcher and framework jars); the framework's bundles are not checked so, and a copy in the user's cache,
 * made from the product's jar, is no less trusted than the product folder it came from. Runs without OSGi, from
 * {@code releng/benchwright}: {@code java -cp <this bundle's jar> org.benchwright.cli.internal.UnsignedCopy <jar>
 * <copy>...} (pairs).
 */
public final class UnsignedCopy {

    private UnsignedCopy() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: UnsignedCopy <jar> <copy> [<jar> <copy>]...");
            System.exit(2);
        }
        try {
            for (int i = 0; i < args.length; i += 2) {
                copy(Path.of(args[i]), Path.of(args[i + 1]));
            }
        } catch (IOException e) {
            System.err.println("benchwright: an unsigned copy of a jar for the command line's start: " + e);
            System.exit(1);
        }
    }

    /** Copies {@code jar} to {@code copy} less its signature files; the copy appears whole or not at all. */
    public static void copy(Path jar, Path copy) throws IOException {
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (isSignature(entry.getName())) {
                    continue;
                }
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                out.putNextEntry(kept);
                transfer(in, out);
                out.closeEntry();
            }
        }
        Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A jar signature's files: META-INF/*.SF and its signature block (.RSA, .DSA, .EC), and SIG-* files. */
    public static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    private static void transfer(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
    }
}
