/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ControlledCopyTest extends ReportTest {

    private int copy(Path pdf, String procedure, String... more) {
        List<String> args = new ArrayList<>(List.of("report", "procedure", procedure, "--library", library(), "-o",
                pdf.toString()));
        args.addAll(registers().subList(2, registers().size()));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void anApprovedWorkInstructionPrintsMergedAsAControlledCopyOnEveryPage() throws IOException {
        approve("WI-BGA-017");
        Path pdf = dir.resolve("wi.pdf");
        assertEquals(0, copy(pdf, "WI-BGA-017"), () -> out() + err());
        assertTrue(out().startsWith("controlled copy of WI-BGA-017 revision 1: "), out());
        List<String> pages = pages(pdf);
        String footer = "controlled copy, revision 1, printed " + LocalDate.now() + "; uncontrolled when printed";
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains(footer), pages.get(i));
            assertFalse(drawn(pdf, i).startsWith("DRAFT"), "an approved revision's copy has no watermark");
        }
        String text = flat(pdf);
        // the text the bench runs: the base procedure's steps with the instruction's changes merged in
        for (String expected : List.of("Status approved", "T-004 (CSE-7711-20250905-004), e-signature of Dana Reyes, "
                + "key ", "(this text)",
                "DV-2026-031", "Site flatness across the pads", "BGA_SAC305_CELL3")) {
            assertTrue(text.contains(expected), "the copy does not say '" + expected + "':\n" + text);
        }
        assertArchival(pdf);
    }

    @Test
    void aDraftIsMarkedOnEveryPageAndATrainingCopyToo() throws IOException {
        Path draft = dir.resolve("draft.pdf");
        assertEquals(0, copy(draft, "bga-removal"), () -> out() + err());
        assertTrue(out().startsWith("draft copy (not controlled) of bga-removal revision 1: "), out());
        List<String> pages = pages(draft);
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(drawn(draft, i).startsWith("DRAFT"), "the watermark lies under the content of every page");
            assertTrue(pages.get(i).contains("draft, revision 1, printed " + LocalDate.now() + "; not approved for use"),
                    pages.get(i));
        }
        assertTrue(flat(draft).contains("None: document control holds no approval of bga-removal"), flat(draft));

        approve("bga-removal");
        Path training = dir.resolve("training.pdf");
        assertEquals(0, copy(training, "bga-removal", "--training"), () -> out() + err());
        assertTrue(out().startsWith("training copy of bga-removal revision 1"), out());
        for (int i = 0; i < pages(training).size(); i++) {
            assertTrue(drawn(training, i).startsWith("TRAINING"), drawn(training, i));
            assertTrue(pages(training).get(i).contains("training copy, revision 1"), pages(training).get(i));
        }
        assertArchival(training);
    }

    @Test
    void anUnknownProcedureIsNamedWithWhatTheLibraryHas() {
        assertEquals(2, copy(dir.resolve("x.pdf"), "bga-removl"));
        assertTrue(err().contains("no procedure 'bga-removl' in "), err());
    }
}
