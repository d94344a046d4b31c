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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.benchwright.cli.internal.LibraryGenerator;
import org.benchwright.ui.editor.internal.LanguageWorkspace;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor parses again only the region a keystroke changed (Xtext's partial parsing) and keeps the links of the
 * references outside it while no name changed: after each of a run of edits that break and mend the file, declare,
 * rename and import, what the engineer is told is what a parse of the whole file from scratch tells.
 */
class PartialParseTest {

    /** An alloy declared in the procedures' own file, under the name of the one they import: it comes first. */
    private static final String ALLOY = "alloy SAC305 { lead-free solidus 217 C liquidus 250 C tip 345 C .. 400 C }\n\n";

    @TempDir
    Path dir;

    @Test
    void editsParsedInPlaceGiveTheProblemsOfAWholeParse() throws IOException {
        List<Path> files = LibraryGenerator.generate(dir, 2000);
        Path shared = dir.resolve("shared.bw");
        Path procedures = files.stream().filter(f -> f.getFileName().toString().equals("generated0.bw")).findFirst()
                .orElseThrow();
        String text = Files.readString(procedures, StandardCharsets.UTF_8);
        XtextResourceSet set = set(shared);
        XtextResource edited = load(set, procedures, text);
        assertEquals(List.of(), problems(edited), "the generated file is clean");

        String[][] edits = { // each replaces the first occurrence after the first profile, in turn; and breaks or not
            { "ramp to 150 C at 1 C/s", "ramp to 150 C at 4 C/s", "breaks" }, // the ramp rule
            { "ramp to 150 C at 4 C/s", "ramp to 150 C at 1 C/s", "mends" },
            { "    zone bottom hold 150 C\n", "    zone bottom hold 150 C\n    // a note\n", "mends" }, // a comment line
            { "heat reflow with P1 on", "heat reflow with P9999 on", "breaks" }, // a reference to nothing
            { "heat reflow with P9999 on", "heat reflow with P1 on", "mends" },
            { "    msl MSL3\n}", "    msl MSL3\n", "breaks" }, // a brace gone: a syntax error that runs on
            { "    msl MSL3\n", "    msl MSL3\n}", "mends" }, // and back
            { "soak 150 C .. 180 C", "soak 150 C .. 1", "breaks" }, // half a number typed
            { "soak 150 C .. 1", "soak 150 C .. 180 C", "mends" },
            // names and imports: what the references of the rest of the file resolve to changes
            { "profile P1 \"Profile 1\"", "profile P2 \"Profile 1\"", "breaks" }, // P1 gone, P2 twice
            { "profile P2 \"Profile 1\"", "profile P1 \"Profile 1\"", "mends" },
            { "profile P1 \"Profile 1\"", ALLOY + "profile P1 \"Profile 1\"", "breaks" }, // an alloy of this file
            { ALLOY, "", "mends" },
            { "import shared.*", "import sharedx.*", "breaks" }, // what the file reads from another, gone
            { "import sharedx.*", "import shared.*", "mends" } };
        int start = text.indexOf("profile P1 ");
        assertTrue(start > 0, "a second profile");
        for (String[] edit : edits) {
            int at = text.indexOf(edit[0], edit[0].startsWith("import") ? 0 : start);
            assertTrue(at > 0, "the generated file holds '" + edit[0] + "'");
            text = text.substring(0, at) + edit[1] + text.substring(at + edit[0].length());

            LanguageWorkspace.update(edited, text, true);
            assertEquals(text, edited.getParseResult().getRootNode().getText(), "the parsed text after '" + edit[1]
                    + "'");
            XtextResource whole = load(set(shared), procedures, text);
            List<String> problems = problems(edited);
            assertEquals(problems(whole), problems, "after '" + edit[1] + "'");
            assertEquals(edit[2].equals("breaks"), !problems.isEmpty(), "after '" + edit[1] + "': " + problems);
        }
    }

    private static XtextResourceSet set(Path shared) throws IOException {
        XtextResourceSet set = LanguageWorkspace.injector().getInstance(XtextResourceSet.class);
        load(set, shared, Files.readString(shared, StandardCharsets.UTF_8));
        return set;
    }

    private static XtextResource load(XtextResourceSet set, Path file, String text) throws IOException {
        XtextResource resource = (XtextResource) set.createResource(URI.createFileURI(file.toString()));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), set.getLoadOptions());
        return resource;
    }

    /** What the engineer is told: each problem's line, severity, code and message. */
    private static List<String> problems(XtextResource resource) {
        return LanguageWorkspace.injector().getInstance(IResourceValidator.class)
                .validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
                .map(i -> i.getLineNumber() + " " + i.getSeverity() + " " + i.getCode() + " " + i.getMessage()).sorted()
                .toList();
    }
}
