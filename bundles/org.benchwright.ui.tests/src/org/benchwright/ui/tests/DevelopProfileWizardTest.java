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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchwright.cli.Cli;
import org.benchwright.ui.editor.internal.ImportLibraryHandler;
import org.benchwright.ui.execution.internal.BenchSettings;
import org.benchwright.ui.execution.internal.DevelopProfileWizard;
import org.benchwright.ui.execution.internal.ExecutionPerspective;
import org.benchwright.ui.execution.internal.RecordsView;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Develop Profile... from the Records view, as an engineer uses it on a finished run: the board learned, the profile
 * written into the library project and opened; a board no settings reflow safely gets none, and the page says why.
 */
class DevelopProfileWizardTest {

    private static final Path LIBRARY = Path.of("../org.benchwright.library/library").toAbsolutePath().normalize();
    private static Path records;
    private static IProject library;

    @BeforeAll
    static void bench() throws Exception {
        library = ImportLibraryHandler.importLibrary();
        Ui.fillTheScreen();
        records = Files.createTempDirectory("benchwright-develop").resolve("records");
        Files.createDirectories(records);
        BenchSettings.preferences().put(BenchSettings.RECORDS, records.toString());
        BenchSettings.preferences().put(BenchSettings.PROJECT, library.getName());
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(ExecutionPerspective.ID));
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** A run of the library's BGA profile on a simulated bench, its record in the bench's records folder. */
    private static Path firstRun(String scenario, String tc, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Cli().run(new String[] { "simulate", "--profile", "BGA_SAC305", "--scenario", scenario, "--tc", tc,
                LIBRARY.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        Matcher m = Pattern.compile("record: (\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), out.toString(StandardCharsets.UTF_8));
        return Files.move(Path.of(m.group(1)), records.resolve(name));
    }

    /** Develop Profile... from the Records view, on {@code record}; the wizard's dialog, open. */
    private static WizardDialog developProfile(Path record) throws Exception {
        RecordsView view = (RecordsView) page().showView(RecordsView.ID);
        view.refresh();
        return view.developProfile(record);
    }

    @Test
    void aFinishedRunGetsItsBoardsProfileWrittenAndOpened() throws Exception {
        Path first = firstRun("bga-15mm", "260", "board-7-first-run.jsonl");
        WizardDialog dialog = developProfile(first);
        DevelopProfileWizard wizard = (DevelopProfileWizard) dialog.getCurrentPage().getWizard();
        // as the page offers it: the record chosen, its profile and Tc found in it
        assertTrue(dialog.getCurrentPage().isPageComplete(), dialog.getCurrentPage().getErrorMessage());
        wizard.page().choose(List.of(first), "BGA_SAC305", "BGA_SAC305_Board7", 260, 200);
        Ui.screenshot("develop-profile");
        assertTrue(wizard.performFinish(), wizard.report());
        dialog.close();
        assertTrue(wizard.report().contains("board learned from the record(s), starting from the reference bga-15mm"),
                wizard.report());
        assertTrue(wizard.report().contains("predicted PWI"), wizard.report());
        assertTrue(wizard.report().endsWith("wrote /" + library.getName()
                + "/developed/BGA_SAC305_Board7.bw: profile BGA_SAC305_Board7, valid"), wizard.report());
        assertTrue(wizard.written().exists());
        assertEquals("BGA_SAC305_Board7.bw", page().getActiveEditor().getEditorInput().getName());
        Ui.screenshot("develop-profile-written");
    }

    @Test
    void aBoardNoSettingsReflowSafelyGetsNoProfileAndThePageSaysWhy() throws Exception {
        Path first = firstRun("bga-35mm", "250", "board-9-first-run.jsonl");
        WizardDialog dialog = developProfile(first);
        DevelopProfileWizard wizard = (DevelopProfileWizard) dialog.getCurrentPage().getWizard();
        wizard.page().choose(List.of(first), "BGA_SAC305", "BGA_SAC305_Board9", 250, 200);
        assertFalse(wizard.performFinish(), wizard.report());
        String message = dialog.getCurrentPage().getErrorMessage();
        assertTrue(message.startsWith("Nothing proposed: no settings within the limits reflow this board's joints"),
                message);
        Ui.screenshot("develop-profile-refused");
        dialog.close();
        assertNull(wizard.written());
        assertFalse(library.getFolder("developed").getFile("BGA_SAC305_Board9.bw").exists());
    }
}
