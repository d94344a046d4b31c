/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.benchwright.model.Library;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Procedure;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.WorkInstructions;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The text a procedure was written as, and its content hash: what document control approves and a record cites.
 * For a work instruction's effective procedure, the instruction's text and its base's, so that a change to either
 * is a change of what runs.
 */
public final class ProcedureSources {

    private ProcedureSources() {
    }

    /**
     * The procedures that files declare, in their order, and the effective procedure of each work instruction
     * (merged with its base; left out when its base cannot be found).
     */
    public static List<Procedure> procedures(Collection<? extends Resource> resources) {
        List<Procedure> procedures = new ArrayList<>();
        for (Resource resource : resources) {
            for (EObject root : resource.getContents()) {
                if (root instanceof Library library) {
                    for (NamedElement element : library.getElements()) {
                        if (element instanceof Procedure p) {
                            procedures.add(p);
                        } else if (element instanceof WorkInstruction wi) {
                            Procedure effective = WorkInstructions.derive(wi).effective();
                            if (effective != null) {
                                procedures.add(effective);
                            }
                        }
                    }
                }
            }
        }
        return procedures;
    }

    /** The element's text as written (its name when it has no text, as a merged procedure has none). */
    public static String text(NamedElement element) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
        return node == null ? element.getName() : node.getText().strip();
    }

    /** The SHA-256 (lower-case hex) of the procedure's text, or of its instruction's and its base's. */
    public static String hash(Procedure procedure) {
        WorkInstruction instruction = procedure.getInstruction();
        return sha256(instruction == null ? text(procedure)
                : text(instruction) + "\n" + text(instruction.getBase()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
