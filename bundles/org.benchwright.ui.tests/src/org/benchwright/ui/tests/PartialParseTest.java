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
 * The editor parses again only the region a keystroke changed (Xtext's partial parsing): after each of a run of edits
 * that break and mend the file, what the engineer is told is what a parse of the whole file from scratch tells.
 */
class PartialParseTest {

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

        String[][] edits = { // each replaces the first occurrence after the first profile, in turn
            { "ramp to 150 C at 1 C/s", "ramp to 150 C at 4 C/s" }, // breaks the ramp rule
            { "ramp to 150 C at 4 C/s", "ramp to 150 C at 1 C/s" }, // mends it
            { "    zone bottom hold 150 C\n", "    zone bottom hold 150 C\n    // a note\n" }, // a comment line
            { "heat reflow with P1 on", "heat reflow with P9999 on" }, // a reference to nothing
            { "heat reflow with P9999 on", "heat reflow with P1 on" },
            { "    msl MSL3\n}", "    msl MSL3\n" }, // a brace gone: a syntax error that runs on
            { "    msl MSL3\n", "    msl MSL3\n}" }, // and back
            { "soak 150 C .. 180 C", "soak 150 C .. 1" }, // half a number typed
            { "soak 150 C .. 1", "soak 150 C .. 180 C" } };
        int start = text.indexOf("profile P1 ");
        assertTrue(start > 0, "a second profile");
        for (String[] edit : edits) {
            int at = text.indexOf(edit[0], start);
            assertTrue(at > 0, "the generated file holds '" + edit[0] + "'");
            text = text.substring(0, at) + edit[1] + text.substring(at + edit[0].length());

            LanguageWorkspace.update(edited, text);
            assertEquals(text, edited.getParseResult().getRootNode().getText(), "the parsed text after '" + edit[1]
                    + "'");
            XtextResource whole = load(set(shared), procedures, text);
            List<String> problems = problems(edited);
            assertEquals(problems(whole), problems, "after '" + edit[1] + "'");
            boolean breaks = edit == edits[0] || edit == edits[3] || edit == edits[5] || edit == edits[7];
            assertEquals(breaks, !problems.isEmpty(), "after '" + edit[1] + "': " + problems);
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
