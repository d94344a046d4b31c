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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.model.resource.ModelResources;
import org.benchwright.model.validation.ModelValidation;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;

/** {@code check-model}: loads model files (XMI) and reports every broken invariant of the metamodel. */
public final class CheckModelCommand implements Command {

    @Override
    public String name() {
        return "check-model";
    }

    @Override
    public String usage() {
        return "<file.xmi>...";
    }

    @Override
    public String summary() {
        return "check model files (XMI) against the metamodel's invariants";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("benchwright check-model: name at least one model file");
            return UNUSABLE;
        }
        int errors = 0;
        int unreadable = 0;
        for (String path : args) {
            Path file = Path.of(path);
            if (!Files.isRegularFile(file)) {
                err.println(path + ": no such file");
                unreadable++;
                continue;
            }
            List<EObject> roots;
            try {
                roots = ModelResources.load(file);
            } catch (IOException e) {
                err.println(e.getMessage());
                unreadable++;
                continue;
            }
            for (EObject root : roots) {
                for (Diagnostic d : ModelValidation.validate(root).getChildren()) {
                    boolean error = d.getSeverity() == Diagnostic.ERROR;
                    out.println(path + ": " + (error ? "error" : "warning") + ": " + d.getMessage());
                    errors += error ? 1 : 0;
                }
            }
        }
        out.println(args.size() + " file(s) checked, " + errors + " error(s)"
                + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
        return unreadable > 0 ? UNUSABLE : errors > 0 ? FINDINGS : OK;
    }
}
