/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.benchwright.ui.BenchwrightUi;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/** The workbench starts as the Benchwright product, with a visible window on the Engineering perspective. */
class WorkbenchStartTest {

    @Test
    void productIsBenchwright() {
        assertNotNull(Platform.getProduct(), "no product is running");
        assertEquals(BenchwrightUi.PRODUCT_ID, Platform.getProduct().getId());
        assertEquals("Benchwright", Platform.getProduct().getName());
    }

    @Test
    void windowIsVisibleWithTheEngineeringPerspective() {
        IWorkbench workbench = PlatformUI.getWorkbench();
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window is open");
        Shell shell = window.getShell();
        assertTrue(shell.isVisible(), "the window is not visible");
        assertTrue(shell.getText().contains("Benchwright"), "window title: " + shell.getText());
        assertTrue(shell.getSize().x > 200 && shell.getSize().y > 200, "window size: " + shell.getSize());

        IWorkbenchPage page = window.getActivePage();
        page.setPerspective(workbench.getPerspectiveRegistry()
                .findPerspectiveWithId(BenchwrightUi.ENGINEERING_PERSPECTIVE_ID));
        assertEquals("Engineering", page.getPerspective().getLabel());
        String[] views = Arrays.stream(page.getViewReferences()).map(IViewReference::getId).toArray(String[]::new);
        assertTrue(Arrays.asList(views).containsAll(Arrays.asList(IPageLayout.ID_PROJECT_EXPLORER,
                IPageLayout.ID_PROBLEM_VIEW, IPageLayout.ID_OUTLINE)), "views: " + Arrays.toString(views));
    }

    @Test
    void engineeringIsTheDefaultPerspective() {
        assertEquals(BenchwrightUi.ENGINEERING_PERSPECTIVE_ID,
                PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
    }
}
