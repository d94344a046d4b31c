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

/**
 * {@code status}: where each procedure of a library stands in document control (draft, in review, approved,
 * obsolete, and why), or with {@code --history <id>} every approval of one procedure.
 */
public final class StatusCommand implements Command {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "--library <dir> [--documents <file>] [--history <procedure id>] " + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "document control: which procedures are draft, in review, approved or obsolete, and their approvals";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try (PlantAccess plant = PlantAccess.take(args)) {
            String library = Arguments.take(args, "--library", null);
            Path documents = Arguments.optionalFile(args, "--documents");
            String history = Arguments.take(args, "--history", null);
            if (library == null || !args.isEmpty()) {
                err.println("usage: benchwright status " + usage());
                return UNUSABLE;
            }
            DocumentRegister register = plant.documents(documents);
            if (history != null) {
                Procedure procedure = LibraryProcedures.find(Path.of(library), history);
                List<DocumentRegister.Approval> approvals = register.history(history);
                out.println(history + ": " + (approvals.isEmpty() ? "never approved" : approvals.size() + " approval(s)"));
                for (DocumentRegister.Approval a : approvals) {
                    out.printf("  revision %-4s approved %s by %s (%s), content %s%n", a.revision(), a.time(), a.approver(),
                            a.certificate(), a.hash().substring(0, 12));
                    if (a.signature() != null) {
                        out.printf("    signed: %s, key %s%n", a.signature().describe(), a.signature().key());
                    }
                }
                DocumentRegister.State now = register.state(history, LibraryProcedures.revision(procedure),
                        LibraryProcedures.hash(procedure));
                out.println("  now: revision " + now.revision() + ", " + now.status().label() + " (" + now.why() + ")");
                return OK;
            }
            int[] counts = new int[DocumentRegister.Status.values().length];
            for (Procedure p : LibraryProcedures.all(Path.of(library))) {
                DocumentRegister.State s = register.state(p.getName(), LibraryProcedures.revision(p),
                        LibraryProcedures.hash(p));
                counts[s.status().ordinal()]++;
                out.printf("%-10s %-36s rev %-4s %s%n", s.status().label(), p.getName(), s.revision(), s.why());
            }
            StringBuilder summary = new StringBuilder();
            for (DocumentRegister.Status s : DocumentRegister.Status.values()) {
                summary.append(summary.length() == 0 ? "" : ", ").append(counts[s.ordinal()]).append(' ').append(s.label());
            }
            out.println(summary);
            return OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("benchwright status: " + e.getMessage());
            return UNUSABLE;
        }
    }
}
