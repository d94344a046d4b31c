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

import java.io.File;
import java.io.PrintStream;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.model.BenchwrightPackage;
import org.benchwright.model.validation.ModelValidation;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

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
        BenchwrightPackage.eINSTANCE.eClass();
        ResourceSet resources = new ResourceSetImpl();
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
        int errors = 0;
        int unreadable = 0;
        for (String path : args) {
            File file = new File(path);
            if (!file.isFile()) {
                err.println(path + ": no such file");
                unreadable++;
                continue;
            }
            Resource resource;
            try {
                resource = resources.getResource(URI.createFileURI(file.getAbsolutePath()), true);
            } catch (RuntimeException e) {
                err.println(path + ": not a readable model: " + rootCause(e).getMessage());
                unreadable++;
                continue;
            }
            for (EObject root : resource.getContents()) {
                for (Diagnostic d : ModelValidation.validate(root).getChildren()) {
                    out.println(path + ": " + (d.getSeverity() == Diagnostic.ERROR ? "error" : "warning") + ": "
                            + d.getMessage());
                    if (d.getSeverity() == Diagnostic.ERROR) {
                        errors++;
                    }
                }
            }
        }
        out.println(args.size() + " file(s) checked, " + errors + " error(s)" + (unreadable > 0 ? ", " + unreadable
                + " unreadable" : ""));
        return unreadable > 0 ? UNUSABLE : errors > 0 ? FINDINGS : OK;
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
