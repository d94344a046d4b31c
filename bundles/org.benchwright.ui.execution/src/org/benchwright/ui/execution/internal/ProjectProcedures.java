/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.execution.internal;

import java.util.ArrayList;
import java.util.List;

import org.benchwright.dsl.ProcedureSources;
import org.benchwright.model.Procedure;
import org.benchwright.ui.editor.internal.LanguageWorkspace;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.resource.XtextResource;

/** The procedures a project offers the bench: its procedures, and the effective procedure of each instruction. */
public final class ProjectProcedures {

    private ProjectProcedures() {
    }

    public static List<Procedure> of(IProject project) {
        List<Procedure> procedures = new ArrayList<>();
        if (project == null || !project.isOpen()) {
            return procedures;
        }
        LanguageWorkspace workspace = LanguageWorkspace.of(project);
        List<IFile> files = new ArrayList<>();
        try {
            project.accept(r -> {
                if (r instanceof IFile f && LanguageWorkspace.EXTENSION.equals(f.getFileExtension())) {
                    files.add(f);
                }
                return r.getType() != IResource.FOLDER || !r.getName().equals("target");
            });
        } catch (CoreException e) {
            return procedures;
        }
        procedures.addAll(workspace.read(() -> {
            List<XtextResource> resources = new ArrayList<>();
            for (IFile file : files) {
                XtextResource resource = workspace.parse(file, null);
                if (resource != null) {
                    resources.add(resource);
                }
            }
            return ProcedureSources.procedures(resources);
        }));
        procedures.sort((a, b) -> a.getName().compareTo(b.getName()));
        return procedures;
    }
}
