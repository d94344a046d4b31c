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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.log4j.Logger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.benchwright.ui.BenchwrightUi;
import org.benchwright.ui.editor.BenchwrightEditor;
import org.benchwright.ui.editor.internal.Definitions;
import org.benchwright.ui.editor.internal.FormatHandler;
import org.benchwright.ui.editor.internal.ImportLibraryHandler;
import org.benchwright.ui.editor.internal.LanguageWorkspace;
import org.benchwright.ui.editor.internal.OutlinePage;
import org.benchwright.ui.editor.internal.ProfileView;
import org.benchwright.ui.execution.internal.PrintControlledCopyHandler;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.xtext.linking.impl.DefaultLinkingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engineer's editor on the standard library imported as a project: a broken rule becomes a marker with the rule's
 * code and source, its quick fix removes it, content assist offers names from other files, hover and go to
 * definition explain and follow references, the outline and the thermal-profile view follow the file.
 */
class EditorTest {

    private static IProject library;

    @BeforeAll
    static void importTheLibrary() throws Exception {
        library = ImportLibraryHandler.importLibrary();
        Ui.fillTheScreen();
        IWorkbenchPage page = page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(BenchwrightUi.ENGINEERING_PERSPECTIVE_ID));
    }

    @AfterEach
    void closeWithoutSaving() {
        page().closeAllEditors(false);
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static BenchwrightEditor open(String path) throws CoreException {
        IFile file = library.getFile(path);
        assertTrue(file.exists(), path);
        BenchwrightEditor editor = (BenchwrightEditor) IDE.openEditor(page(), file, BenchwrightEditor.ID);
        Ui.waitFor("the first parse of " + path, 20, () -> editor.parsed() != null);
        return editor;
    }

    private static List<IMarker> markers(IFile file, String code) throws CoreException {
        return Arrays.stream(file.findMarkers(BenchwrightEditor.MARKER, false, IResource.DEPTH_ZERO))
                .filter(m -> m.getAttribute(IMarker.MESSAGE, "").contains("[" + code + "]")).toList();
    }

    private static List<IMarker> waitForMarkers(IFile file, String code, boolean present) {
        Ui.waitFor((present ? "a " : "no ") + code + " marker", 20, () -> {
            try {
                return markers(file, code).isEmpty() != present;
            } catch (CoreException e) {
                return false;
            }
        });
        try {
            return markers(file, code);
        } catch (CoreException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBrokenRuleIsAMarkerWithItsCodeAndSourceAndItsQuickFixRemovesIt() throws Exception {
        BenchwrightEditor editor = open("profiles/profiles.bw");
        IDocument document = editor.document();
        assertEquals(List.of(), waitForMarkers(editor.file(), "BW-RAMP-UP", false));
        int profile = document.get().indexOf("profile BGA_SAC305 ");
        int ramp = document.get().indexOf("ramp to 150 C at 1 C/s", profile);
        int rate = ramp + "ramp to 150 C at ".length();
        document.replace(rate, 1, "4");

        List<IMarker> found = waitForMarkers(editor.file(), "BW-RAMP-UP", true);
        IMarker marker = found.get(0);
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(document.getLineOfOffset(rate) + 1, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        String message = marker.getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.contains("J-STD-020") && message.contains("4 °C/s exceeds 3 °C/s"), message);
        // the picture for the README: the marker in the ruler and the Problems view, the profile under the cursor
        ProfileView view = (ProfileView) page().showView(ProfileView.ID);
        page().activate(editor);
        editor.reveal(rate, 1);
        Ui.waitFor("the profile view", 10, () -> view.shown() != null
                && view.shown().title().equals("profile BGA_SAC305 for SAC305"));
        page().showView("org.eclipse.ui.views.ProblemView");
        page().activate(editor);
        Ui.settle(1.5); // the Problems view gathers markers in the background
        Ui.screenshot("engineering");

        IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(marker);
        assertEquals(1, fixes.length);
        assertTrue(fixes[0].getLabel().startsWith("Change to 3"), fixes[0].getLabel());
        fixes[0].run(marker);
        assertTrue(document.get(ramp, 30).startsWith("ramp to 150 C at 3"), document.get(ramp, 30));
        assertEquals(List.of(), waitForMarkers(editor.file(), "BW-RAMP-UP", false));
    }

    /**
     * What the engineer sees while typing: a marker the edit does not touch stays the same marker (selected in the
     * Problems view, it stays selected), and one the edit moves follows the text.
     */
    @Test
    void markersStayWhereTheTextStaysAndFollowItWhereItMoves() throws Exception {
        BenchwrightEditor editor = open("profiles/profiles.bw");
        IDocument document = editor.document();
        int rate = document.get().indexOf("ramp to 150 C at 1 C/s", document.get().indexOf("profile BGA_SAC305 "))
                + "ramp to 150 C at ".length();
        document.replace(rate, 1, "4");
        IMarker marker = waitForMarkers(editor.file(), "BW-RAMP-UP", true).get(0);

        // an edit below it, of another length: the same marker
        int end = document.get().indexOf("peak within 8 min", rate) + "peak within ".length();
        document.replace(end, 1, "12");
        String edited = document.get();
        Ui.waitFor("the file checked again", 20, () -> LanguageWorkspace.of(library).read(
                () -> editor.parsed().resource().getParseResult().getRootNode().getText().equals(edited)));
        List<IMarker> after = markers(editor.file(), "BW-RAMP-UP");
        assertEquals(List.of(marker.getId()), after.stream().map(IMarker::getId).toList());

        // a line above it: the marker follows its line
        document.replace(document.get().indexOf("profile BGA_SAC305 "), 0, "// moved down a line\n");
        int line = document.getLineOfOffset(rate + "// moved down a line\n".length()) + 1;
        Ui.waitFor("the marker on line " + line, 20, () -> {
            try {
                List<IMarker> now = markers(editor.file(), "BW-RAMP-UP");
                return now.size() == 1 && now.get(0).getAttribute(IMarker.LINE_NUMBER, -1) == line;
            } catch (CoreException e) {
                return false;
            }
        });
        IMarker moved = markers(editor.file(), "BW-RAMP-UP").get(0);
        int start = moved.getAttribute(IMarker.CHAR_START, -1);
        assertEquals(line - 1, document.getLineOfOffset(start), "where the marker starts");
    }

    /**
     * Colours follow the typing: a keystroke repaints its own line, not the file, and a block comment opened or closed
     * recolours all the lines it covers.
     */
    @Test
    void typingRecoloursItsLineAndABlockCommentWhatItCovers() throws Exception {
        BenchwrightEditor editor = open("profiles/profiles.bw");
        IDocument document = editor.document();
        StyledText text = editor.viewer().getTextWidget();
        int profile = document.get().indexOf("profile BGA_SAC305 ");
        int soak = document.get().indexOf("soak 150 C", profile);
        assertEquals(SWT.BOLD, text.getStyleRangeAtOffset(soak).fontStyle, "the keyword soak");

        List<IRegion> repainted = new CopyOnWriteArrayList<>();
        ITextPresentationListener listener = presentation -> repainted.add(presentation.getExtent());
        ((ITextViewerExtension4) editor.viewer()).addTextPresentationListener(listener);
        int rate = document.get().indexOf("ramp to 150 C at 1 C/s", profile) + "ramp to 150 C at ".length();
        document.replace(rate, 1, "2");
        ((ITextViewerExtension4) editor.viewer()).removeTextPresentationListener(listener);
        IRegion line = document.getLineInformationOfOffset(rate);
        assertFalse(repainted.isEmpty(), "the line repainted");
        for (IRegion r : repainted) {
            assertTrue(r.getOffset() >= line.getOffset() && r.getOffset() + r.getLength() <= line.getOffset()
                    + line.getLength() + 1, "repainted " + r + ", the edited line is " + line);
        }

        int start = document.getLineOffset(document.getLineOfOffset(rate));
        document.replace(start, 0, "/* ");
        assertEquals(SWT.ITALIC, text.getStyleRangeAtOffset(soak + 3).fontStyle, "soak, in the comment");
        document.replace(document.get().indexOf("reflow peak", start), 0, "*/ ");
        assertEquals(SWT.ITALIC, text.getStyleRangeAtOffset(soak + 3).fontStyle, "soak, still in the comment");
        int reflow = document.get().indexOf("reflow peak", start);
        assertEquals(SWT.BOLD, text.getStyleRangeAtOffset(reflow).fontStyle, "reflow, after the comment");
        document.replace(start, 3, "");
        assertEquals(SWT.BOLD, text.getStyleRangeAtOffset(soak).fontStyle, "soak, the comment gone");
    }

    @Test
    void aChangedProfileReChecksTheProceduresThatHeatWithItOpenOrNot() throws Exception {
        IFile bga = library.getFile("procedures/bga.bw");
        assertEquals(List.of(), markers(bga, "BW-PEAK-LF-BGA"));
        BenchwrightEditor editor = open("profiles/profiles.bw");
        IDocument document = editor.document();
        int at = document.get().indexOf("reflow peak 235 C .. 245 C", document.get().indexOf("profile BGA_SAC305 "));
        document.replace(at + "reflow peak 235 C .. ".length(), 3, "255");
        // bga.bw is not open: its markers, in the Problems view, follow the profile it heats with
        List<IMarker> found = waitForMarkers(bga, "BW-PEAK-LF-BGA", true);
        assertTrue(found.size() >= 2, found.size() + " markers");
        assertTrue(found.get(0).getAttribute(IMarker.MESSAGE, "").contains("BGA_SAC305"),
                found.get(0).getAttribute(IMarker.MESSAGE, ""));
        // closed without saving: the procedures are judged against the saved profile again
        page().closeAllEditors(false);
        assertEquals(List.of(), waitForMarkers(bga, "BW-PEAK-LF-BGA", false));
    }

    @Test
    void contentAssistProposesTheAlloysOfAnotherFile() throws Exception {
        BenchwrightEditor editor = open("profiles/profiles.bw");
        IDocument document = editor.document();
        document.replace(document.getLength(), 0, "\nprofile Probe for ");
        int offset = document.getLength();
        ICompletionProposal[] proposals = editor.configuration().getContentAssistant(editor.viewer())
                .getContentAssistProcessor(IDocument.DEFAULT_CONTENT_TYPE)
                .computeCompletionProposals(editor.viewer(), offset);
        List<String> shown = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
        // the alloys are declared in materials/alloys.bw, not in the file being edited
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("SAC305")), shown::toString);
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("Sn63Pb37")), shown::toString);
        ICompletionProposal sac = Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("SAC305"))
                .findFirst().orElseThrow();
        sac.apply(document);
        assertTrue(document.get().endsWith("profile Probe for SAC305"), document.get(document.getLength() - 40, 40));
    }

    @Test
    void hoverExplainsAReferenceAndDefinitionOpensItsDeclaration() throws Exception {
        BenchwrightEditor editor = open("procedures/bga.bw");
        int offset = editor.document().get().indexOf("BGA_SAC305") + 2;
        String hover = editor.configuration().getTextHover(editor.viewer(), IDocument.DEFAULT_CONTENT_TYPE)
                .getHoverInfo(editor.viewer(), new Region(offset, 0));
        assertNotNull(hover);
        assertTrue(hover.contains("BGA_SAC305") && hover.contains("peak 235 °C .. 245 °C"), hover);

        assertTrue(Definitions.open(editor, offset));
        BenchwrightEditor declared = (BenchwrightEditor) page().getActiveEditor();
        assertEquals("profiles.bw", declared.file().getName());
        var selection = (org.eclipse.jface.text.ITextSelection) declared.getSelectionProvider().getSelection();
        assertEquals("BGA_SAC305", selection.getText());
    }

    @Test
    void theHoverOnAWorkInstructionShowsItsMergedProcedure() throws Exception {
        IFile plant = library.getFile("plant.bw");
        plant.create(Files.newInputStream(Path.of("../../releng/examples/plant/bga-cell3.bw")), true, null);
        try {
            BenchwrightEditor editor = (BenchwrightEditor) IDE.openEditor(page(), plant, BenchwrightEditor.ID);
            Ui.waitFor("the parse", 20, () -> editor.parsed() != null);
            assertEquals(List.of(), editor.parsed().issues().stream().filter(i -> i.getSeverity().name()
                    .equals("ERROR")).map(i -> i.getMessage()).toList());
            int offset = editor.document().get().indexOf("instruction WI-BGA-017") + "instruction ".length() + 2;
            String hover = editor.configuration().getTextHover(editor.viewer(), IDocument.DEFAULT_CONTENT_TYPE)
                    .getHoverInfo(editor.viewer(), new Region(offset, 0));
            assertNotNull(hover);
            assertTrue(hover.contains("based on bga-removal revision 1"), hover);
            assertTrue(hover.contains("procedure WI-BGA-017 \"BGA removal on rework cell 3\" {"), hover);
            assertTrue(hover.contains("heat with BGA_SAC305_CELL3 on focused-ir"), hover);
            assertTrue(hover.contains("// DEVIATION DV-2026-031: omit prepare step 2"), hover);
            assertTrue(hover.contains("// added by WI-BGA-017"), hover);

            // Print Controlled Copy... takes the instruction at the caret, merged, as document control has it
            editor.viewer().setSelectedRange(offset, 0);
            assertEquals("WI-BGA-017", PrintControlledCopyHandler.procedureAt(editor).getName());
            Path pdf = Files.createTempFile("wi-bga-017", ".pdf");
            String said = PrintControlledCopyHandler.print(PrintControlledCopyHandler.procedureAt(editor), pdf);
            assertTrue(said.startsWith("Copy marked DRAFT (never approved) of WI-BGA-017 revision 1 written to "), said);
            try (PDDocument copy = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(copy).replaceAll("\\s+", " ");
                assertTrue(text.contains("DV-2026-031") && text.contains("not approved for use"), text);
            } finally {
                Files.delete(pdf);
            }
        } finally {
            page().closeAllEditors(false);
            plant.delete(true, null);
        }
    }

    @Test
    void theOutlineAndTheProfileViewFollowTheFile() throws Exception {
        BenchwrightEditor editor = open("procedures/bga.bw");
        OutlinePage outline = (OutlinePage) editor.getAdapter(IContentOutlinePage.class);
        page().showView("org.eclipse.ui.views.ContentOutline");
        Ui.waitFor("the outline", 10, () -> !outline.items().isEmpty());
        OutlinePage.Item removal = outline.items().stream().filter(i -> i.label().equals("procedure bga-removal"))
                .findFirst().orElseThrow(() -> new AssertionError(outline.items().toString()));
        assertEquals(List.of("operation prepare", "operation remove", "operation inspect"),
                removal.children().stream().map(OutlinePage.Item::label).toList());

        ProfileView view = (ProfileView) page().showView(ProfileView.ID);
        page().activate(editor);
        int heat = editor.document().get().indexOf("heat with BGA_SAC305");
        editor.reveal(heat + 3, 0);
        Ui.waitFor("the profile view", 10, () -> view.shown() != null);
        assertEquals("profile BGA_SAC305 for SAC305", view.shown().title());
        assertEquals(220, view.shown().liquidus(), 1e-9);
        double top = view.shown().plan().stream().mapToDouble(p -> p[1]).max().orElse(0);
        assertTrue(top >= 235 && top <= 245, "the plan peaks at " + top);
        Ui.screenshot("engineering-outline");
    }

    @Test
    void formatLaysOutAMessyFile() throws Exception {
        IFile messy = library.getFile("messy.bw");
        String text = "package messy import materials.*\nprofile P for SAC305 {ramp to 150 C at 1 C/s "
                + "soak 150 C..180 C for 60 s..90 s}\n";
        messy.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        try {
            BenchwrightEditor editor = (BenchwrightEditor) IDE.openEditor(page(), messy, BenchwrightEditor.ID);
            Ui.waitFor("the parse", 20, () -> editor.parsed() != null);
            assertTrue(FormatHandler.format(editor));
            assertEquals("package messy\n\nimport materials.*\n\nprofile P for SAC305 {\n    ramp to 150 C at 1 C/s\n"
                    + "    soak 150 C .. 180 C for 60 s .. 90 s\n}", editor.document().get().strip());
        } finally {
            page().closeAllEditors(false);
            messy.delete(true, null);
        }
    }

    /**
     * Xtext logs through log4j: its warnings reach the workbench's error log, and its debug messages, which its linker
     * would build for every reference it resolves, are not built.
     */
    @Test
    void theLanguagesWarningsReachTheErrorLog() throws Exception {
        open("profiles/profiles.bw");
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try {
            Logger linker = Logger.getLogger(DefaultLinkingService.class);
            assertFalse(linker.isDebugEnabled(), "the linker's debug messages are built");
            linker.warn("a reference resolved twice");
            Ui.waitFor("the warning in the error log", 20, () -> logged.stream()
                    .anyMatch(status -> status.getSeverity() == IStatus.WARNING
                            && status.getMessage().equals(DefaultLinkingService.class.getName()
                                    + ": a reference resolved twice")));
        } finally {
            Platform.removeLogListener(listener);
        }
    }
}
