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
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.store.Accounts;

/**
 * The session {@code benchwright login} opened, kept for the commands after it in the user's data folder
 * ({@code ~/.benchwright/session}, readable by its owner only): the plant store it belongs to and its token. The store
 * ends it when it is idle longer than the plant allows, or at {@code logout}.
 */
final class SessionFile {

    private SessionFile() {
    }

    static Path file() {
        return Arguments.home("session");
    }

    static void write(String store, String token) throws IOException {
        Path file = file();
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "session", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, "store=" + store + "\ntoken=" + token + "\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The session of the store at {@code location}, resumed (it counts as used now).
     *
     * @throws AccessDeniedException when no one is signed in to that store, or the session ended
     */
    static Session resume(Accounts accounts, String location) throws AccessDeniedException, IOException {
        Properties p = read();
        if (p == null || p.getProperty("token") == null) {
            throw new AccessDeniedException("no one is signed in: benchwright login --user <id> (or --badge)");
        }
        if (!location.equals(p.getProperty("store"))) {
            throw new AccessDeniedException("signed in to the plant store " + p.getProperty("store") + ", not to "
                    + location + ": benchwright login --store " + location);
        }
        return accounts.resume(p.getProperty("token"));
    }

    /** The token kept, or {@code null}. */
    static String token() throws IOException {
        Properties p = read();
        return p == null ? null : p.getProperty("token");
    }

    static void delete() throws IOException {
        Files.deleteIfExists(file());
    }

    private static Properties read() throws IOException {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return p;
    }
}
