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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class MatrixTest extends ReportTest {

    @Test
    void theMatrixShowsRenewalsDueAndWhoMayRunWhatWithTheReason() throws IOException {
        Path pdf = dir.resolve("matrix.pdf");
        assertEquals(0, cli("report", "matrix", "-o", pdf.toString(), "--personnel", EXAMPLES.resolve("personnel.xmi")
                .toString(), "--library", LIBRARY.toString(), "--on", "2026-11-26", "--store", "none"),
                () -> out() + err());
        assertTrue(out().startsWith("qualification matrix on 2026-11-26 of 4 people: "), out());
        String text = flat(pdf);
        for (String expected : List.of("Qualification matrix on 2026-11-26", "T-001 Ana Ortega", "T-003", "expired",
                "bga-removal", "yes", "(1) [")) {
            assertTrue(text.contains(expected), "the matrix does not say '" + expected + "':\n" + text);
        }
        assertArchival(pdf);
    }
}
