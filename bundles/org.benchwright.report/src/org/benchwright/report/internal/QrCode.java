/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report.internal;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code (ZXing; error correction M, a quiet zone of four modules) drawn as vectors: each run of dark modules in
 * a row is one filled rectangle, so that it prints and renders sharp at any size.
 */
public final class QrCode {

    private QrCode() {
    }

    /** The code's modules, quiet zone included. */
    public static BitMatrix matrix(String content) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("a QR code cannot hold '" + content + "': " + e.getMessage(), e);
        }
    }

    /** Draws the code of {@code content} as a {@code size} points square whose top left corner is at x, top. */
    public static void draw(PDPageContentStream cs, String content, float x, float top, float size)
            throws IOException {
        BitMatrix m = matrix(content);
        float module = size / m.getWidth();
        cs.setNonStrokingColor(Color.WHITE);
        cs.addRect(x, top - size, size, size);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            int column = 0;
            while (column < m.getWidth()) {
                if (!m.get(column, row)) {
                    column++;
                    continue;
                }
                int run = column;
                while (run < m.getWidth() && m.get(run, row)) {
                    run++;
                }
                cs.addRect(x + column * module, top - (row + 1) * module, (run - column) * module, module);
                column = run;
            }
        }
        cs.fill();
    }
}
