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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.registry.ExpiryWarnings;
import org.benchwright.model.Certification;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;
import org.benchwright.report.internal.PdfPages;

/**
 * The training coordinator's page (PDF/A-2b): every person with their skill and certifications, the renewals due
 * (60 and 30 days ahead, and those expired), and, given the procedures, who may run which on the day and, where
 * not, the reason the gate would give.
 */
public final class QualificationMatrix {

    private QualificationMatrix() {
    }

    /**
     * @param where where the people come from (a file or the plant store), as the page names it
     */
    public static void write(List<Technician> people, String where, List<Procedure> procedures, LocalDate day,
            Instant printed, ZoneId zone, OutputStream out) throws IOException {
        String title = "Qualification matrix on " + day;
        try (PdfPages pages = new PdfPages(title, "Certifications, renewals and qualification of " + people.size()
                + " people", printed, new PdfPages.Frame("Benchwright qualification matrix   " + day + "   " + where,
                        "Printed " + printed.atZone(zone).toLocalDate() + " from " + where
                                + "; the register, not this copy, is the evidence", null))) {
            pages.title(title);
            pages.paragraph(people.size() + " people in " + where + ".");
            pages.heading("People and certifications");
            List<String[]> rows = new ArrayList<>();
            for (Technician t : people) {
                rows.add(new String[] { t.getId(), t.getFullName(), t.getSkill().getLiteral(), t.getCertifications()
                        .stream().map(QualificationMatrix::describe).collect(Collectors.joining("\n")) });
            }
            pages.table(new String[] { "Id", "Name", "Skill", "Certifications" }, new float[] { 0.8f, 2, 1.4f, 5 },
                    rows, null);

            pages.heading("Renewals due");
            List<ExpiryWarnings.Warning> warnings = ExpiryWarnings.on(people, day);
            if (warnings.isEmpty()) {
                pages.paragraph("No certification expires within " + ExpiryWarnings.FIRST + " days of " + day + ".");
            } else {
                List<String[]> due = new ArrayList<>();
                List<Color> colors = new ArrayList<>();
                for (ExpiryWarnings.Warning w : warnings) {
                    Certification c = w.certification();
                    due.add(new String[] { w.level(), w.technician().getId() + " " + w.technician().getFullName(),
                            c.getLevel().getLiteral() + " " + (c.getNumber() == null ? "" : c.getNumber()),
                            c.getExpires().toString(), w.expired() ? -w.daysLeft() + " days ago" : "in " + w.daysLeft()
                                    + " days" });
                    colors.add(w.expired() || w.daysLeft() <= ExpiryWarnings.LAST ? PdfPages.BAD : null);
                }
                pages.table(new String[] { "Warning", "Person", "Certification", "Expires", "" }, new float[] { 1, 2.4f,
                        2.6f, 1.2f, 1.2f }, due, colors);
            }

            if (!procedures.isEmpty()) {
                pages.heading("Who may run what on " + day);
                List<String> reasons = new ArrayList<>();
                List<String[]> matrix = new ArrayList<>();
                String[] header = new String[people.size() + 1];
                header[0] = "Procedure";
                float[] widths = new float[people.size() + 1];
                widths[0] = 3.2f;
                for (int i = 0; i < people.size(); i++) {
                    header[i + 1] = people.get(i).getId();
                    widths[i + 1] = 1;
                }
                for (Procedure p : procedures) {
                    String[] row = new String[people.size() + 1];
                    row[0] = p.getName();
                    for (int i = 0; i < people.size(); i++) {
                        List<Refusal> why = Gate.qualification(people.get(i), p, day);
                        if (why.isEmpty()) {
                            row[i + 1] = "yes";
                            continue;
                        }
                        String text = why.stream().map(r -> "[" + r.code() + "] " + r.reason()).collect(Collectors
                                .joining("; "));
                        int n = reasons.indexOf(text);
                        if (n < 0) {
                            reasons.add(text);
                            n = reasons.size() - 1;
                        }
                        row[i + 1] = "(" + (n + 1) + ")";
                    }
                    matrix.add(row);
                }
                pages.table(header, widths, matrix, null);
                for (int i = 0; i < reasons.size(); i++) {
                    pages.paragraph("(" + (i + 1) + ") " + reasons.get(i));
                }
            }
            pages.save(out);
        }
    }

    private static String describe(Certification c) {
        return c.getLevel().getLiteral() + " " + (c.getNumber() == null ? "" : c.getNumber() + " ") + "modules "
                + c.getModules().stream().map(String::valueOf).collect(Collectors.joining(",")) + ", "
                + c.getIssued() + " to " + c.getExpires();
    }
}
