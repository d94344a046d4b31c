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
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code (ZXing; error correction M, a quiet zone of four modules) drawn as vectors: each run of dark modules in
 * a row is one filled rectangle, so that it prints and renders sharp at any size.
 * <p>
 * The standard's choice of mask (the lowest penalty) does not make every code easy to find: about one in fifty of a
 * traveler's codes (version 8) has data that a scanner takes for an alignment pattern, and ZXing's own detector then
 * reads it wrong even from a perfect image. So the code is read back before it is used, and when it does not read,
 * the next mask that does is taken instead.
 */
public final class QrCode {

    private QrCode() {
    }

    private static final int MASKS = 8;

    /** The code's modules, quiet zone included: one that a scanner finds and reads back as {@code content}. */
    public static BitMatrix matrix(String content) {
        BitMatrix chosen = encode(content, -1);
        for (int mask = 0; mask < MASKS && !readsBack(chosen, content); mask++) {
            chosen = encode(content, mask);
        }
        return chosen;
    }

    /** The code with the given mask, or with the standard's choice when {@code mask} is negative. */
    public static BitMatrix encode(String content, int mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("a QR code cannot hold '" + content + "': " + e.getMessage(), e);
        }
    }

    /**
     * Whether a scanner looking for the code (not told where it is) reads {@code content} from its images at
     * several sizes, whole and fractional pixels a module, drawn as a printer or a renderer would: anti-aliased.
     */
    public static boolean readsBack(BitMatrix m, String content) {
        for (double scale : SCALES) {
            if (!readsBack(m, content, scale)) {
                return false;
            }
        }
        return true;
    }

    private static final double[] SCALES = {2, 2.6, 3, 3.4, 4, 4.2, 4.7, 5.5, 6.3};

    private static boolean readsBack(BitMatrix m, String content, double scale) {
        int width = (int) Math.ceil(m.getWidth() * scale);
        BufferedImage image = new BufferedImage(width, width, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, width);
            g.setColor(Color.BLACK);
            Path2D.Double dark = new Path2D.Double();
            for (int row = 0; row < m.getHeight(); row++) {
                for (int column = 0; column < m.getWidth(); column++) {
                    if (m.get(column, row)) {
                        dark.append(new Rectangle2D.Double(column * scale, row * scale, scale, scale), false);
                    }
                }
            }
            g.fill(dark);
        } finally {
            g.dispose();
        }
        int[] pixels = image.getRGB(0, 0, width, width, null, 0, width);
        try {
            return content.equals(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(width, width, pixels))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText());
        } catch (ReaderException e) {
            return false;
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
