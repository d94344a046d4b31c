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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;
import org.benchwright.rules.Finding;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.Severity;

/**
 * {@code approve}: approves the current revision of a library procedure, fixing its content hash, on the word of a
 * technician with a valid CSE certification; a procedure that breaks a rule is not approved.
 */
public final class ApproveCommand implements Command {

    @Override
    public String name() {
        return "approve";
    }

    @Override
    public String usage() {
        return "--library <dir> --procedure <id> --approver <technician id> [--personnel <file.xmi>] [--documents <file>]";
    }

    @Override
    public String summary() {
        return "approve a procedure's current revision (document control; the approver needs a valid CSE)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try {
            Path home = Path.of(System.getProperty("user.home"), ".benchwright");
            String library = Arguments.take(args, "--library", null);
            String id = Arguments.take(args, "--procedure", null);
            String approverId = Arguments.take(args, "--approver", null);
            Path personnel = Path.of(Arguments.take(args, "--personnel", home.resolve("personnel.xmi").toString()));
            Path documents = Path.of(Arguments.take(args, "--documents", home.resolve("documents.jsonl").toString()));
            if (library == null || id == null || approverId == null || !args.isEmpty()) {
                err.println("usage: benchwright approve " + usage());
                return UNUSABLE;
            }
            Technician approver = new FilePersonnelRegistry(personnel).technician(approverId)
                    .orElseThrow(() -> new IOException("no technician '" + approverId + "' in " + personnel));
            Procedure procedure = LibraryProcedures.find(Path.of(library), id);
            List<Finding> errors = new ArrayList<>(new RuleChecker().check(procedure));
            errors.removeIf(f -> f.severity() != Severity.ERROR);
            if (!errors.isEmpty()) {
                err.println("benchwright approve: " + id + " breaks " + errors.size() + " rule(s); not approved:");
                errors.forEach(f -> err.println("  [" + f.code() + "] " + f.message()));
                return FINDINGS;
            }
            DocumentRegister.Approval approval = new DocumentRegister(documents).approve(id,
                    LibraryProcedures.revision(procedure), LibraryProcedures.hash(procedure), approver, LocalDate.now());
            out.printf("%s revision %s approved by %s (%s); content %s%n", id, approval.revision(), approval.approver(),
                    approval.certificate(), approval.hash().substring(0, 12));
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("benchwright approve: " + e.getMessage());
            return FINDINGS;
        } catch (IOException e) {
            err.println("benchwright approve: " + e.getMessage());
            return UNUSABLE;
        }
    }
}
