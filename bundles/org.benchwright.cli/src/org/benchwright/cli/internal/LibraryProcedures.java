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

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.benchwright.dsl.ProcedureSources;
import org.benchwright.model.Procedure;
import org.benchwright.rules.WorkInstructions;

/** Procedures of a library folder, as the commands that run and approve them need them: by id, with a content hash. */
final class LibraryProcedures {

    private LibraryProcedures() {
    }

    /**
     * Every procedure of a library folder (or of several, joined by the path separator as in
     * {@code library:plant}), and the effective procedure of each work instruction there.
     */
    static List<Procedure> all(Path library) throws IOException {
        List<String> unreadable = new ArrayList<>();
        List<Path> files = LanguageFiles.collect(List.of(library.toString().split(File.pathSeparator)), unreadable);
        if (!unreadable.isEmpty()) {
            throw new IOException(String.join("; ", unreadable));
        }
        ValidateCommand.Checked checked = ValidateCommand.check(files);
        return ProcedureSources.procedures(checked.resources());
    }

    /** The revision a procedure gives itself, "1" when it writes none. */
    static String revision(Procedure procedure) {
        return WorkInstructions.revision(procedure);
    }

    /**
     * The procedure {@code id} of a library folder, which must have no errors that stop it loading; an id that two
     * files declare is refused, naming both, rather than one of them run or approved at random.
     */
    static Procedure find(Path library, String id) throws IOException {
        List<Procedure> procedures = all(library);
        try {
            return ProcedureSources.find(procedures, id).orElseThrow(() -> new IOException("no procedure '" + id
                    + "' in " + library + " (it has " + procedures.size() + ": " + procedures.stream()
                            .map(Procedure::getName).limit(8).collect(Collectors.joining(", "))
                    + (procedures.size() > 8 ? ", ..." : "") + ")"));
        } catch (IllegalArgumentException e) {
            throw new IOException(library + ": " + e.getMessage(), e);
        }
    }

    /** The content hash of the procedure's source, which approvals fix and records cite. */
    static String hash(Procedure procedure) {
        return ProcedureSources.hash(procedure);
    }

}
