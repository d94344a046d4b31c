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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;
import org.benchwright.rules.Finding;
import org.benchwright.rules.RuleChecker;
import org.benchwright.rules.Severity;

/**
 * {@code approve}: approves the current revision of a library procedure, fixing its content hash, under the
 * electronic signature of the signed-in CSE (a valid CSE certification on the day, not the revision's author); a
 * procedure that breaks a rule is not approved.
 */
public final class ApproveCommand extends DocumentCommand {

    public ApproveCommand() {
        super("--approver");
    }

    @Override
    public String name() {
        return "approve";
    }

    @Override
    public String summary() {
        return "approve a procedure's current revision (document control; the approver needs a valid CSE)";
    }

    @Override
    int act(DocumentRegister register, Procedure procedure, Technician approver, Signer signer, PrintStream out,
            PrintStream err) throws AccessDeniedException, IOException {
        List<Finding> errors = new ArrayList<>(new RuleChecker().check(procedure));
        errors.removeIf(f -> f.severity() != Severity.ERROR);
        if (!errors.isEmpty()) {
            err.println("benchwright approve: " + procedure.getName() + " breaks " + errors.size()
                    + " rule(s); not approved:");
            errors.forEach(f -> err.println("  [" + f.code() + "] " + f.message()));
            return FINDINGS;
        }
        String revision = LibraryProcedures.revision(procedure);
        String hash = LibraryProcedures.hash(procedure);
        DocumentRegister.State now = register.state(procedure.getName(), revision, hash);
        if (now.status() == DocumentRegister.Status.APPROVED) {
            err.println("benchwright approve: " + procedure.getName() + " revision " + revision + " is approved already: "
                    + now.why());
            return FINDINGS;
        }
        ESignature signature = signer.sign(Meaning.APPROVED, DocumentRegister.subject(procedure.getName(), revision),
                hash);
        DocumentRegister.Approval approval = register.approve(procedure.getName(), revision, hash, approver,
                LocalDate.now(), signature);
        out.printf("%s revision %s approved by %s (%s); content %s%n", procedure.getName(), approval.revision(),
                approval.approver(), approval.certificate(), approval.hash().substring(0, 12));
        out.println("signature: " + signature.describe() + ", key " + signature.key());
        return OK;
    }
}
