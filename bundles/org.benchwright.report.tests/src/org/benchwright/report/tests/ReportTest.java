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

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.benchwright.cli.CapturedRun;
import org.junit.jupiter.api.io.TempDir;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Runs the command line as a user does, and reads the documents it writes as their readers would. */
abstract class ReportTest {

    static final Path LIBRARY = Path.of("../org.benchwright.library/library");
    static final Path EXAMPLES = Path.of("../../releng/examples");

    @TempDir
    Path dir;

    /** The last command line's run. */
    private CapturedRun last = new CapturedRun(0, "", "");

    int cli(String... args) {
        last = CapturedRun.of(args);
        return last.exit();
    }

    /** A command line with {@code typed} (one line) at its prompt, as a person types a password. */
    int typing(String typed, List<String> args) {
        last = CapturedRun.typing(typed + "\n", args.toArray(String[]::new));
        return last.exit();
    }

    String out() {
        return last.out();
    }

    String err() {
        return last.err();
    }

    String library() {
        return LIBRARY + java.io.File.pathSeparator + EXAMPLES.resolve("plant");
    }

    /** The register of documents and the people, this test's own. */
    List<String> registers() {
        return List.of("--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString(), "--store", "none");
    }

    /**
     * Approves a procedure into this test's register of documents, signed by the example register's CSE, T-004, whose
     * account (the admin's too) a store of this test's own keeps.
     */
    void approve(String procedure) {
        String accounts = "h2:" + dir.resolve("accounts");
        String typed = "password-of-T-004\n";
        if (!accountsMade) {
            last = CapturedRun.typing(typed, "accounts", "add", "--id", "T-004", "--name", "Dana Reyes", "--roles",
                    "admin,cse", "--store", accounts);
            assertEquals(0, last.exit(), () -> out() + err());
            accountsMade = true;
        }
        last = CapturedRun.typing(typed, "login", "--user", "T-004", "--store", accounts);
        assertEquals(0, last.exit(), () -> out() + err());
        last = CapturedRun.typing(typed, "approve", "--library", library(), "--procedure", procedure, "--personnel",
                EXAMPLES.resolve("personnel.xmi").toString(), "--documents", dir.resolve("documents.jsonl").toString(),
                "--store", accounts);
        assertEquals(0, last.exit(), () -> out() + err());
    }

    private boolean accountsMade;

    /**
     * The plant's work instruction WI-BGA-017 (the library's BGA removal with a deviation, a measurement and a lot)
     * run on the simulated station as fast as it computes, approved first.
     *
     * @return its record
     */
    Path workInstructionJob(String unit, String... more) {
        approve("WI-BGA-017");
        List<String> run = new ArrayList<>(List.of("run", "--library", library(), "--procedure", "WI-BGA-017",
                "--unit", unit, "--designators", "U7", "--technician", "T-001", "--station", "sim", "--speed", "max",
                "--answers", EXAMPLES.resolve("plant/wi-bga-017.answers").toString(), "--records",
                dir.resolve("records").toString()));
        run.addAll(registers());
        run.addAll(List.of(more));
        assertEquals(0, cli(run.toArray(String[]::new)), () -> out() + err());
        Matcher m = Pattern.compile("record: (\\S+\\.jsonl)").matcher(out());
        assertTrue(m.find(), out());
        return Path.of(m.group(1));
    }

    /** The text of every page, as PDFBox extracts it. */
    static List<String> pages(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    /** The text of every page with every run of white space (line breaks in table cells too) as one space. */
    static String flat(Path pdf) throws IOException {
        return String.join("\n", pages(pdf)).replaceAll("\\s+", " ");
    }

    /**
     * The characters a page draws, in the order it draws them, whatever their direction: a watermark (drawn first,
     * under the content, at an angle) comes out whole at the start.
     */
    static String drawn(Path pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            StringBuilder drawn = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    drawn.append(text.getUnicode());
                }
            };
            stripper.setStartPage(page + 1);
            stripper.setEndPage(page + 1);
            stripper.getText(document);
            return drawn.toString();
        }
    }

    /** What PDF/A asks of every document: its identification in XMP, an output intent, every font embedded. */
    static void assertArchival(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains(
                    "<pdfaid:conformance>B</pdfaid:conformance>"), xmp);
            assertEquals(1, document.getDocumentCatalog().getOutputIntents().size(), "an output intent");
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font instanceof PDType0Font && font.isEmbedded(), font.getName() + " is not embedded");
                }
            }
        }
    }

    /**
     * The text of the QR code on a page, read from the page rendered as a scanner held at three distances sees it (200,
     * 150 and 300 dpi): the first that reads. ZXing's detector, like a phone's, misses a few codes at one size that it
     * reads at another.
     */
    static String qrCode(Path pdf, int page) throws IOException {
        List<String> missed = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int dpi : new int[] { 200, 150, 300 }) {
                try {
                    return qrCode(new PDFRenderer(document).renderImageWithDPI(page, dpi));
                } catch (NotFoundException | ChecksumException | FormatException e) {
                    missed.add(dpi + " dpi: " + e);
                }
            }
        }
        throw new AssertionError("no QR code can be read on page " + (page + 1) + " of " + pdf + ": " + missed);
    }

    static String qrCode(BufferedImage image) throws NotFoundException, ChecksumException, FormatException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(
                DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
