/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report whole or not at all: into a file beside the target, which replaces the target once complete. */
public final class ReportFiles {

    /** What writes a report's bytes. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private ReportFiles() {
    }

    /**
     * Writes {@code target} from {@code writer}; a failure leaves whatever was at {@code target} before.
     *
     * @return the size of the file written, in bytes
     * @throws IOException naming the target when it cannot be written
     */
    public static long write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException(target + ": its folder " + folder + " does not exist");
        }
        Path part = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
                writer.write(out);
            }
            try {
                Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return Files.size(absolute);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
