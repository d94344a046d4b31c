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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;

/**
 * A document-control command on one procedure in the name of one technician ({@code submit}, {@code approve}): reads
 * the options, finds the technician and the procedure, and acts on the document register.
 */
abstract class DocumentCommand implements Command {

    private final String personOption;

    /** @param personOption the option naming the technician, for example {@code --approver} */
    DocumentCommand(String personOption) {
        this.personOption = personOption;
    }

    /** Acts on the register; returns the exit code. */
    abstract int act(DocumentRegister register, Procedure procedure, Technician person, PrintStream out,
            PrintStream err) throws IOException;

    @Override
    public final String usage() {
        return "--library <dir> --procedure <id> " + personOption + " <technician id> [--personnel <file.xmi>] "
                + "[--documents <file>] " + PlantAccess.OPTIONS;
    }

    @Override
    public final int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try (PlantAccess plant = PlantAccess.take(args)) {
            String library = Arguments.take(args, "--library", null);
            String id = Arguments.take(args, "--procedure", null);
            String personId = Arguments.take(args, personOption, null);
            Path personnel = Arguments.optionalFile(args, "--personnel");
            Path documents = Arguments.optionalFile(args, "--documents");
            if (library == null || id == null || personId == null || !args.isEmpty()) {
                err.println("usage: benchwright " + name() + " " + usage());
                return UNUSABLE;
            }
            Procedure procedure = LibraryProcedures.find(Path.of(library), id);
            Technician person = People.find(plant.people(personnel), personId);
            return act(plant.documents(documents), procedure, person, out, err);
        } catch (IllegalArgumentException e) {
            err.println("benchwright " + name() + ": " + e.getMessage());
            return FINDINGS;
        } catch (IOException e) {
            err.println("benchwright " + name() + ": " + e.getMessage());
            return UNUSABLE;
        }
    }
}
