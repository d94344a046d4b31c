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
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.util.Matrix;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A document written page after page as PDF/A-2b: A4, DejaVu fonts embedded (subsets), the sRGB output intent, XMP
 * metadata that matches the document information. Content flows down the page: titles, paragraphs, label and value
 * fields, tables whose cells wrap and whose header repeats on a new page, monospaced listings, drawings.
 * Every page carries a header line, a footer line and "page n of m"; a watermark (draft, training) lies under the
 * content in a light grey, with no transparency.
 *
 * <p>
 * Characters the fonts lack are written as {@code ?} rather than failing the document.
 */
public final class PdfPages implements Closeable {

    public static final float WIDTH = PDRectangle.A4.getWidth();
    public static final float HEIGHT = PDRectangle.A4.getHeight();
    public static final float MARGIN = 48;
    private static final float TOP = HEIGHT - 64;
    private static final float BOTTOM = 56;
    public static final Color INK = new Color(0x20, 0x20, 0x20);
    public static final Color GREY = new Color(0x70, 0x70, 0x70);
    public static final Color RULE = new Color(0xC8, 0xC8, 0xC8);
    public static final Color BAD = new Color(0xB0, 0x10, 0x10);
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    /** What every page says around its content. */
    public record Frame(String header, String footer, String watermark) {
    }

    private final PDDocument document = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final PDFont mono;
    private final Frame frame;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    /**
     * @param title   the document's title (its information and XMP metadata)
     * @param subject what it is about
     * @param created when it was made; the same instant in the information and the metadata
     */
    public PdfPages(String title, String subject, Instant created, Frame frame) throws IOException {
        this.frame = frame;
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
        mono = font("DejaVuSansMono.ttf");
        pdfa(title, subject, created);
        newPage();
    }

    private PDFont font(String file) throws IOException {
        try (InputStream in = PdfPages.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IOException("the font " + file + " is missing from the bundle net.sf.jasperreports.fonts");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    /** The document information, its XMP twin and the output intent that PDF/A-2b asks for. */
    private void pdfa(String title, String subject, Instant created) throws IOException {
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        when.setTimeInMillis(created.toEpochMilli() / 1000 * 1000);
        String producer = "Benchwright (Apache PDFBox)";
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("Benchwright");
        info.setProducer(producer);
        info.setCreationDate(when);
        info.setModificationDate(when);
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            dc.addDescription(null, subject);
            dc.setFormat("application/pdf");
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool("Benchwright");
            basic.setCreateDate(when);
            basic.setModifyDate(when);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(producer);
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(bytes.toByteArray());
            document.getDocumentCatalog().setMetadata(metadata);
        } catch (javax.xml.transform.TransformerException | org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IOException("the document's XMP metadata cannot be written: " + e.getMessage(), e);
        }
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    public PDDocument document() {
        return document;
    }

    public PDFont regular() {
        return regular;
    }

    public PDFont bold() {
        return bold;
    }

    public PDFont mono() {
        return mono;
    }

    /** The page's content stream, for drawings placed with {@link #reserve}. */
    public PDPageContentStream canvas() {
        return page;
    }

    /** Where the next content starts, from the page's bottom. */
    public float y() {
        return y;
    }

    public float contentWidth() {
        return WIDTH - 2 * MARGIN;
    }

    // ---- flow ----

    public void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        if (frame.watermark() != null) {
            page.saveGraphicsState();
            page.beginText();
            page.setNonStrokingColor(new Color(0xE4, 0xE4, 0xE4));
            page.setFont(bold, 96);
            page.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(50), 150, 200));
            page.showText(printable(bold, frame.watermark()));
            page.endText();
            page.restoreGraphicsState();
        }
        y = TOP;
    }

    /**
     * Makes room for {@code height} points, starting a new page when this one has less left.
     *
     * @return the bottom of the room, from the page's bottom; the flow continues below it
     */
    public float reserve(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
        y -= height;
        return y;
    }

    /** Starts a new page unless {@code height} points are left on this one: what follows stays together. */
    public void keep(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    public void space(float points) {
        y -= points;
    }

    public void title(String text) throws IOException {
        lines(bold, 16, INK, text, 0, contentWidth());
        space(4);
    }

    public void heading(String text) throws IOException {
        if (y - 60 < BOTTOM) {
            newPage(); // a heading never ends a page alone
        }
        space(8);
        lines(bold, 11.5f, INK, text, 0, contentWidth());
        rule();
        space(3);
    }

    public void paragraph(String text) throws IOException {
        lines(regular, 9, INK, text, 0, contentWidth());
        space(3);
    }

    public void paragraph(String text, Color color) throws IOException {
        lines(regular, 9, color, text, 0, contentWidth());
        space(3);
    }

    public void emphasis(String text, Color color) throws IOException {
        lines(bold, 10, color, text, 0, contentWidth());
        space(3);
    }

    /** Label and value pairs, the labels in a column of their own. */
    public void fields(List<String[]> fields) throws IOException {
        fields(fields, contentWidth());
    }

    /** Label and value pairs in the left {@code width} points of the page. */
    public void fields(List<String[]> fields, float width) throws IOException {
        float labels = 130;
        for (String[] f : fields) {
            List<String> value = wrap(regular, 9, f[1] == null ? "" : f[1], width - labels);
            float height = value.size() * leading(9);
            if (y - height < BOTTOM) {
                newPage();
            }
            text(bold, 9, GREY, f[0], MARGIN, y - 9);
            float top = y;
            for (String line : value) {
                text(regular, 9, INK, line, MARGIN + labels, y - 9);
                y -= leading(9);
            }
            y = Math.min(y, top - leading(9));
        }
        space(3);
    }

    /**
     * A table: its header repeats on every page it spans; cells wrap within their column.
     *
     * @param widths each column's share of the width
     * @param colors a row's text color, {@code null} for the default; may be shorter than the rows
     */
    public void table(String[] header, float[] widths, List<String[]> rows, List<Color> colors) throws IOException {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float[] columns = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            columns[i] = widths[i] / total * contentWidth();
        }
        float size = 8.5f;
        tableRow(bold, size, GREY, header, columns);
        ruleAt(y + 1.5f);
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            int lines = 1;
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                List<String> cell = wrap(regular, size, c < row.length && row[c] != null ? row[c] : "", columns[c] - 6);
                cells.add(cell);
                lines = Math.max(lines, cell.size());
            }
            if (y - lines * leading(size) < BOTTOM) {
                newPage();
                tableRow(bold, size, GREY, header, columns);
                ruleAt(y + 1.5f);
            }
            Color color = colors != null && r < colors.size() && colors.get(r) != null ? colors.get(r) : INK;
            float x = MARGIN;
            for (int c = 0; c < columns.length; c++) {
                float line = y;
                for (String s : cells.get(c)) {
                    text(regular, size, color, s, x, line - size);
                    line -= leading(size);
                }
                x += columns[c];
            }
            y -= lines * leading(size) + 1.5f;
        }
        space(4);
    }

    private void tableRow(PDFont font, float size, Color color, String[] cells, float[] columns) throws IOException {
        float x = MARGIN;
        int lines = 1;
        for (int c = 0; c < columns.length; c++) {
            List<String> cell = wrap(font, size, cells[c], columns[c] - 6);
            float line = y;
            for (String s : cell) {
                text(font, size, color, s, x, line - size);
                line -= leading(size);
            }
            lines = Math.max(lines, cell.size());
            x += columns[c];
        }
        y -= lines * leading(size) + 1.5f;
    }

    /** A monospaced listing, one source line after another, long lines wrapped with an indent. */
    public void listing(List<String> lines, boolean numbered) throws IOException {
        float size = 8;
        int n = 0;
        for (String line : lines) {
            n++;
            String prefix = numbered ? String.format("%4d  ", n) : "";
            List<String> parts = wrap(mono, size, line.replace("\t", "    "), contentWidth() - width(mono, size, prefix));
            boolean first = true;
            for (String part : parts) {
                if (y - leading(size) < BOTTOM) {
                    newPage();
                }
                if (first && numbered) {
                    text(mono, size, GREY, prefix, MARGIN, y - size);
                }
                text(mono, size, INK, part, MARGIN + width(mono, size, prefix), y - size);
                y -= leading(size);
                first = false;
            }
        }
        space(4);
    }

    public void rule() throws IOException {
        ruleAt(y - 2);
        y -= 4;
    }

    private void ruleAt(float at) throws IOException {
        page.setStrokingColor(RULE);
        page.setLineWidth(0.6f);
        page.moveTo(MARGIN, at);
        page.lineTo(WIDTH - MARGIN, at);
        page.stroke();
    }

    // ---- text ----

    private void lines(PDFont font, float size, Color color, String text, float indent, float width) throws IOException {
        for (String line : wrap(font, size, text, width - indent)) {
            if (y - leading(size) < BOTTOM) {
                newPage();
            }
            text(font, size, color, line, MARGIN + indent, y - size);
            y -= leading(size);
        }
    }

    public static float leading(float size) {
        return size * 1.3f;
    }

    /** One line of text at a place, on the current page. */
    public void text(PDFont font, float size, Color color, String text, float x, float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        page.beginText();
        page.setNonStrokingColor(color);
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(printable(font, text));
        page.endText();
    }

    public float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    /** The text with every character the font lacks (and every control character) as {@code ?}. */
    public String printable(PDFont font, String text) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean ok = known.computeIfAbsent(c, k -> {
                if (Character.isISOControl(k)) {
                    return false;
                }
                try {
                    font.encode(new String(Character.toChars(k)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.appendCodePoint(ok ? c : '?');
        });
        return out.toString();
    }

    /** Lines of at most {@code width} points: broken at spaces, a word longer than a line broken where it must. */
    public List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    // ---- end ----

    /** Writes the header, footer and page numbers on every page, then the document. */
    public void save(OutputStream out) throws IOException {
        page.close();
        page = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream frameStream = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                PDPageContentStream content = page;
                page = frameStream;
                text(regular, 7.5f, GREY, frame.header(), MARGIN, HEIGHT - 36);
                page.setStrokingColor(RULE);
                page.setLineWidth(0.6f);
                page.moveTo(MARGIN, HEIGHT - 42);
                page.lineTo(WIDTH - MARGIN, HEIGHT - 42);
                page.stroke();
                String number = "page " + (i + 1) + " of " + pages;
                float numberWidth = width(regular, 7.5f, number);
                float baseline = 36;
                for (String line : wrap(regular, 7.5f, frame.footer(), contentWidth() - numberWidth - 12)) {
                    text(regular, 7.5f, GREY, line, MARGIN, baseline);
                    baseline -= leading(7.5f);
                    if (baseline < 20) {
                        break; // two lines at most: the footer says what matters first
                    }
                }
                text(regular, 7.5f, GREY, number, WIDTH - MARGIN - numberWidth, 36);
                page = content;
            }
        }
        document.save(out);
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
        }
        document.close();
    }
}
