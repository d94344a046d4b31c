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

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;

/**
 * {@code submit}: puts a procedure's current revision in review (document control) under the electronic signature of
 * the signed-in engineer, who is thereby its author (and may not approve it).
 */
public final class SubmitCommand extends DocumentCommand {

    public SubmitCommand() {
        super("--by");
    }

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String summary() {
        return "submit a procedure's current revision for review (document control)";
    }

    @Override
    int act(DocumentRegister register, Procedure procedure, Technician by, Signer signer, PrintStream out,
            PrintStream err) throws AccessDeniedException, IOException {
        String id = procedure.getName();
        String revision = LibraryProcedures.revision(procedure);
        String hash = LibraryProcedures.hash(procedure);
        DocumentRegister.State now = register.state(id, revision, hash);
        if (now.status() != DocumentRegister.Status.DRAFT) {
            err.println("benchwright submit: " + id + " revision " + revision + " is " + now.status().label() + " ("
                    + now.why() + "): only a draft is submitted");
            return FINDINGS;
        }
        register.submit(id, revision, hash, signer.sign(Meaning.SUBMITTED, DocumentRegister.subject(id, revision),
                hash));
        out.printf("%s revision %s submitted for review by %s; content %s%n", id, revision, by.getId(),
                hash.substring(0, 12));
        return OK;
    }
}
