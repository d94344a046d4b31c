/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * Imports the standard library (alloys, materials, equipment, profiles and the overview's procedures) as a project
 * of the workspace, to read, to derive work instructions from, or to copy. An existing copy is left as it is.
 */
public final class ImportLibraryHandler extends AbstractHandler {

    public static final String PROJECT = "standard-library";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            importLibrary();
        } catch (CoreException | IOException e) {
            throw new ExecutionException("could not import the standard library: " + e.getMessage(), e);
        }
        return null;
    }

    /**
     * The library project, created from the library bundle when the workspace has none; one workspace operation,
     * so that two callers (the first start, a user's command) never both create it.
     */
    public static IProject importLibrary() throws CoreException, IOException {
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        IProject project = root.getProject(PROJECT);
        IOException[] failed = { null };
        ResourcesPlugin.getWorkspace().run(monitor -> {
            if (project.exists()) {
                project.open(null);
                return;
            }
            Bundle library = Platform.getBundle("org.benchwright.library");
            if (library == null) {
                failed[0] = new IOException("the product has no org.benchwright.library bundle");
                return;
            }
            project.create(null);
            project.open(null);
            Enumeration<URL> entries = library.findEntries("library", "*.bw", true);
            while (entries != null && entries.hasMoreElements()) {
                URL url = entries.nextElement();
                String path = url.getPath().substring(url.getPath().indexOf("library/") + "library/".length());
                IFile file = project.getFile(new Path(path));
                create(file.getParent());
                try (InputStream in = url.openStream()) {
                    file.create(in, true, null);
                } catch (IOException e) {
                    failed[0] = e;
                    return;
                }
                file.setCharset("UTF-8", null);
            }
        }, root, IWorkspace.AVOID_UPDATE, null);
        if (failed[0] != null) {
            throw failed[0];
        }
        return project;
    }

    private static void create(IContainer container) throws CoreException {
        if (container instanceof IFolder folder && !folder.exists()) {
            create(folder.getParent());
            folder.create(true, true, null);
        }
    }
}
