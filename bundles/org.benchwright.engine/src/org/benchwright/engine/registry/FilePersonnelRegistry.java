/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.benchwright.model.Technician;
import org.benchwright.model.resource.ModelResources;
import org.benchwright.model.validation.ModelValidation;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;

/**
 * A personnel register kept in one model file (XMI, technicians as its roots). Read again whenever the file
 * changes; refused whole, with every reason, when any technician or certification in it breaks the metamodel's
 * rules (an expiry before the issue date, a module that does not exist), so that no one is gated on a bad entry.
 */
public final class FilePersonnelRegistry implements PersonnelRegistry {

    private final Path file;
    private FileTime loaded;
    private List<Technician> technicians = List.of();

    public FilePersonnelRegistry(Path file) {
        this.file = file;
    }

    @Override
    public String where() {
        return file.toString();
    }

    @Override
    public Optional<Technician> technician(String id) throws IOException {
        return technicians().stream().filter(t -> t.getId().equals(id)).findFirst();
    }

    @Override
    public synchronized List<Technician> technicians() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no personnel register");
        }
        FileTime modified = Files.getLastModifiedTime(file);
        if (!modified.equals(loaded)) {
            technicians = read();
            loaded = modified;
        }
        return technicians;
    }

    private List<Technician> read() throws IOException {
        List<Technician> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (EObject root : ModelResources.load(file)) {
            if (!(root instanceof Technician technician)) {
                problems.add("holds " + ModelValidation.describe(root) + ", not a technician");
                continue;
            }
            Diagnostic d = ModelValidation.validate(technician);
            d.getChildren().stream().filter(c -> c.getSeverity() == Diagnostic.ERROR).map(Diagnostic::getMessage)
                    .forEach(problems::add);
            read.add(technician);
        }
        if (!problems.isEmpty()) {
            throw new IOException(file + ": the personnel register is refused: "
                    + problems.stream().collect(Collectors.joining("; ")));
        }
        return List.copyOf(read);
    }
}
