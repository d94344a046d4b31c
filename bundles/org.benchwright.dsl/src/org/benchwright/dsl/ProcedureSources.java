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
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.benchwright.model.Library;
import org.benchwright.model.NamedElement;
import org.benchwright.model.Procedure;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.WorkInstructions;
import org.eclipse.emf.common.util.URI;
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

    /**
     * The procedure {@code id} among {@code procedures} (as {@link #procedures} gives them); empty when none has it.
     * Procedures are run, approved and recorded by id, so an id that two files declare names no procedure.
     *
     * @throws IllegalArgumentException when more than one declares it, naming every file that does
     */
    public static Optional<Procedure> find(List<Procedure> procedures, String id) {
        List<Procedure> found = procedures.stream().filter(p -> id.equals(p.getName())).toList();
        if (found.size() > 1) {
            throw new IllegalArgumentException("procedure id '" + id + "' is ambiguous: " + found.size()
                    + " files declare it (" + found.stream().map(p -> where(file(p))).collect(Collectors.joining(", "))
                    + "); give all but one another id");
        }
        return found.stream().findFirst();
    }

    /** The file a procedure was written in: its own, or its work instruction's for an effective procedure. */
    public static URI file(Procedure procedure) {
        EObject written = procedure.getInstruction() != null ? procedure.getInstruction() : procedure;
        return written.eResource() == null ? null : written.eResource().getURI();
    }

    /**
     * A file's name as an engineer reads it in a message: a local file relative to the working folder when it lies
     * below it (as the command line's own paths are), a workspace file by its workspace path, anything else whole.
     */
    public static String where(URI uri) {
        if (uri == null) {
            return "?";
        }
        if (uri.isFile()) {
            Path file = Path.of(uri.toFileString()).toAbsolutePath().normalize();
            Path here = Path.of("").toAbsolutePath();
            return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
        }
        if (uri.isPlatformResource()) {
            return uri.toPlatformString(true);
        }
        return uri.toString();
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
