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

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.benchwright.report.internal.QrCode;
import org.junit.jupiter.api.Test;

class QrCodeTest extends ReportTest {

    /** A traveler's identity whose code with the standard's mask ZXing finds but reads wrong, from any image. */
    static final String MISREAD = "benchwright:job=93ba37ab-8d9c-671d-be8f-313bf0b2f8b9;unit=SN-2041;head="
            + "72a20e5376f9f17e6e24fa42130b591914cd432ef497f401a2204bfd1025800e";

    @Test
    void aCodeThatAScannerWouldMisreadIsPrintedWithAMaskItReads() throws IOException {
        assertFalse(QrCode.readsBack(QrCode.encode(MISREAD, -1), MISREAD),
                "the standard's mask for this content reads now: the test needs another content");
        assertTrue(QrCode.readsBack(QrCode.matrix(MISREAD), MISREAD));

        Path pdf = dir.resolve("code.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream canvas = new PDPageContentStream(document, page)) {
                QrCode.draw(canvas, MISREAD, 400, 700, 86);
            }
            document.save(pdf.toFile());
        }
        assertEquals(MISREAD, qrCode(pdf, 0));
    }
}
