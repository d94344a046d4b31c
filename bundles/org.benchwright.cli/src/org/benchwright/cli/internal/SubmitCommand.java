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
import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.model.Procedure;

/** {@code submit}: puts a procedure's current revision in review (document control), in the name of a technician. */
public final class SubmitCommand implements Command {

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String usage() {
        return "--library <dir> --procedure <id> --by <technician id> [--personnel <file.xmi>] [--documents <file>]";
    }

    @Override
    public String summary() {
        return "submit a procedure's current revision for review (document control)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try {
            Path home = Path.of(System.getProperty("user.home"), ".benchwright");
            String library = Arguments.take(args, "--library", null);
            String id = Arguments.take(args, "--procedure", null);
            String by = Arguments.take(args, "--by", null);
            Path personnel = Path.of(Arguments.take(args, "--personnel", home.resolve("personnel.xmi").toString()));
            Path documents = Path.of(Arguments.take(args, "--documents", home.resolve("documents.jsonl").toString()));
            if (library == null || id == null || by == null || !args.isEmpty()) {
                err.println("usage: benchwright submit " + usage());
                return UNUSABLE;
            }
            new FilePersonnelRegistry(personnel).technician(by)
                    .orElseThrow(() -> new IOException("no technician '" + by + "' in " + personnel));
            Procedure procedure = LibraryProcedures.find(Path.of(library), id);
            DocumentRegister register = new DocumentRegister(documents);
            String revision = LibraryProcedures.revision(procedure);
            String hash = LibraryProcedures.hash(procedure);
            DocumentRegister.State now = register.state(id, revision, hash);
            if (now.status() != DocumentRegister.Status.DRAFT) {
                err.println("benchwright submit: " + id + " revision " + revision + " is " + now.status().label() + " ("
                        + now.why() + "): only a draft is submitted");
                return FINDINGS;
            }
            register.submit(id, revision, hash, by);
            out.printf("%s revision %s submitted for review by %s; content %s%n", id, revision, by, hash.substring(0, 12));
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("benchwright submit: " + e.getMessage());
            return FINDINGS;
        } catch (IOException e) {
            err.println("benchwright submit: " + e.getMessage());
            return UNUSABLE;
        }
    }
}
