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
import java.util.function.Function;

import org.benchwright.dsl.ProcedureSources;
import org.benchwright.model.Library;
import org.benchwright.model.Procedure;
import org.benchwright.model.ThermalProfile;
import org.benchwright.ui.editor.internal.LanguageWorkspace;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResource;

/**
 * What a project offers the bench: its procedures and the effective procedure of each instruction, and its thermal
 * profiles.
 */
public final class ProjectProcedures {

    private ProjectProcedures() {
    }

    public static List<Procedure> of(IProject project) {
        List<Procedure> procedures = new ArrayList<>(read(project, ProcedureSources::procedures));
        procedures.sort((a, b) -> a.getName().compareTo(b.getName()));
        return procedures;
    }

    /** The thermal profiles of the project's files, by name. */
    public static List<ThermalProfile> profiles(IProject project) {
        List<ThermalProfile> profiles = new ArrayList<>(read(project, resources -> {
            List<ThermalProfile> found = new ArrayList<>();
            for (XtextResource resource : resources) {
                for (EObject root : resource.getContents()) {
                    if (root instanceof Library library) {
                        library.getElements().stream().filter(ThermalProfile.class::isInstance)
                                .map(ThermalProfile.class::cast).forEach(found::add);
                    }
                }
            }
            return found;
        }));
        profiles.sort((a, b) -> a.getName().compareTo(b.getName()));
        return profiles;
    }

    /** What {@code reader} makes of the project's language files, parsed together; nothing without the project. */
    private static <T> List<T> read(IProject project, Function<List<XtextResource>, List<T>> reader) {
        if (project == null || !project.isOpen()) {
            return List.of();
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
            return List.of();
        }
        return workspace.read(() -> {
            List<XtextResource> resources = new ArrayList<>();
            for (IFile file : files) {
                XtextResource resource = workspace.parse(file, null);
                if (resource != null) {
                    resources.add(resource);
                }
            }
            return reader.apply(resources);
        });
    }
}
