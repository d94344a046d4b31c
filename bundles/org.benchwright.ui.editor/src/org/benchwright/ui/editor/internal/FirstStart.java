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

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;

/**
 * A new workspace starts with the standard library in it, so that the navigator, the editor and the bench have
 * something to show; a workspace that has projects is left as it is.
 */
public final class FirstStart implements IStartup {

    @Override
    public void earlyStartup() {
        if (ResourcesPlugin.getWorkspace().getRoot().getProjects().length > 0) {
            return;
        }
        WorkspaceJob job = new WorkspaceJob("Import the standard library") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                try {
                    ImportLibraryHandler.importLibrary();
                    return Status.OK_STATUS;
                } catch (IOException e) {
                    return Status.error("the standard library could not be imported: " + e.getMessage(), e);
                }
            }
        };
        job.setRule(ResourcesPlugin.getWorkspace().getRoot());
        job.schedule();
    }
}
