/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.report.internal.PdfPages;

/**
 * A printed procedure or work instruction (PDF/A-2b): the revision's text as the bench runs it (a work instruction
 * merged with its base), its approvals, and on every page what the copy is: "controlled copy, revision N, printed
 * <day>; uncontrolled when printed" for an approved revision, a DRAFT, TRAINING or OBSOLETE watermark otherwise.
 */
public final class ControlledCopy {

    /**
     * A document as document control sees it.
     *
     * @param status    {@code draft}, {@code in review}, {@code approved} or {@code obsolete}
     * @param why       what document control says of that status
     * @param text      the text the bench runs, line by line
     * @param approvals the document's approvals, of every revision
     */
    public record Document(String id, String title, String revision, String hash, String status, String why,
            List<String> text, List<DocumentRegister.Approval> approvals) {

        /**
         * A document as {@code register} has it now: the status of this revision with this content, and every
         * approval of the document.
         *
         * @param text the text the bench runs (a work instruction's merged with its base)
         */
        public static Document of(String id, String title, String revision, String hash, String text,
                DocumentRegister register) throws IOException {
            DocumentRegister.State state = register.state(id, revision, hash);
            return new Document(id, title, revision, hash, state.status().label(), state.why(), Arrays.asList(text
                    .split("\\R", -1)), register.history(id));
        }

        public boolean approved() {
            return DocumentRegister.Status.APPROVED.label().equals(status);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private ControlledCopy() {
    }

    /** What the copy is: the words every page carries, and the watermark for a copy that is not controlled. */
    public static PdfPages.Frame frame(Document d, boolean training, Instant printed, ZoneId zone) {
        String day = DAY.format(printed.atZone(zone));
        String header = d.id() + " - " + d.title() + "   revision " + d.revision();
        if (training) {
            return new PdfPages.Frame(header, "training copy, revision " + d.revision() + ", printed " + day
                    + "; not for use on product", "TRAINING");
        }
        return switch (d.status()) {
            case "approved" -> new PdfPages.Frame(header, "controlled copy, revision " + d.revision() + ", printed "
                    + day + "; uncontrolled when printed", null);
            case "obsolete" -> new PdfPages.Frame(header, "obsolete, revision " + d.revision() + ", printed " + day
                    + "; not for use", "OBSOLETE");
            default -> new PdfPages.Frame(header, d.status() + ", revision " + d.revision() + ", printed " + day
                    + "; not approved for use", "DRAFT");
        };
    }

    public static void write(Document d, boolean training, Instant printed, ZoneId zone, OutputStream out)
            throws IOException {
        PdfPages.Frame frame = frame(d, training, printed, zone);
        try (PdfPages pages = new PdfPages(d.id() + " revision " + d.revision(), frame.footer(), printed, frame)) {
            pages.title(d.title());
            List<String[]> f = new ArrayList<>();
            f.add(new String[] { "Document", d.id() });
            f.add(new String[] { "Revision", d.revision() });
            f.add(new String[] { "Status", d.status() + (d.why() == null || d.why().isEmpty() ? "" : ": " + d.why()) });
            f.add(new String[] { "Content hash", d.hash() });
            f.add(new String[] { "Printed", TIME.format(printed.atZone(zone)) });
            pages.fields(f);
            pages.emphasis(frame.footer().substring(0, 1).toUpperCase(Locale.ROOT) + frame.footer().substring(1) + ".",
                    "approved".equals(d.status()) && !training ? PdfPages.INK : PdfPages.BAD);

            pages.heading("Approvals");
            List<String[]> rows = new ArrayList<>();
            List<Color> colors = new ArrayList<>();
            for (DocumentRegister.Approval a : d.approvals()) {
                boolean this_ = a.revision().equals(d.revision()) && a.hash().equals(d.hash());
                rows.add(new String[] { a.revision(), a.approver() + (a.certificate() == null ? "" : " ("
                        + a.certificate() + ")") + (a.signature() == null ? ""
                                : ", e-signature of " + a.signature().name() + ", key " + a.signature().key()),
                        TIME.format(a.time().atZone(zone)), a.hash().substring(0, Math.min(16,
                                a.hash().length())) + (this_ ? " (this text)" : " (another text)") });
                colors.add(this_ ? null : PdfPages.GREY);
            }
            if (rows.isEmpty()) {
                pages.paragraph("None: document control holds no approval of " + d.id() + ".", PdfPages.BAD);
            } else {
                pages.table(new String[] { "Revision", "Approved by", "When", "Content" }, new float[] { 1, 3, 2,
                        2.5f }, rows, colors);
            }

            pages.heading("Text");
            pages.listing(d.text(), true);
            pages.paragraph("End of " + d.id() + " revision " + d.revision() + " (" + d.text().size() + " lines).",
                    PdfPages.GREY);
            pages.save(out);
        }
    }
}
