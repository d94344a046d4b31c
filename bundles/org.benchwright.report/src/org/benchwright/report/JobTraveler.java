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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.report.internal.PdfPages;
import org.benchwright.report.internal.ProfilePlot;
import org.benchwright.report.internal.QrCode;

import com.google.gson.JsonObject;

/**
 * The job traveler: one PDF/A-2b document per job, from its record, for the unit's file and its customer. It says
 * what was done to which unit, by whom, where, with which lots and by which revision of which procedure; each step
 * with its answer, time and measured value against its limits; each heat step's profile as a vector plot with its
 * figures and Process Window Index; interlock events and faults; the approvals and reviews; and the record's chain
 * head, whether the record verifies, and a QR code of its identity.
 */
public final class JobTraveler {

    /**
     * What the plant knows beside the record.
     *
     * @param stations  the station register, for the station's equipment and calibration; {@code null} when none
     * @param approvals the approvals of the record's procedure from document control (any revision: the traveler
     *                  shows those of the record's revision and content); empty when not known
     * @param reviews    quality's reviews of this record file: reviewer, day, finding
     * @param zone       the plant's time zone, in which times are printed
     * @param printed    when the traveler is written
     * @param signatures the electronic signatures of the record the plant store keeps (performed, verified), each
     *                   with what keeps it from holding ({@code null} when it holds)
     */
    public record Context(StationRegister stations, List<DocumentRegister.Approval> approvals,
            List<Map<String, String>> reviews, ZoneId zone, Instant printed, List<Signed> signatures) {

        /** Without the store's signatures of the record. */
        public Context(StationRegister stations, List<DocumentRegister.Approval> approvals,
                List<Map<String, String>> reviews, ZoneId zone, Instant printed) {
            this(stations, approvals, reviews, zone, printed, List.of());
        }
    }

    /** An electronic signature of the record, and what keeps it from holding ({@code null} when it holds). */
    public record Signed(ESignature signature, String problem) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private JobTraveler() {
    }

    /** The identity a traveler's QR code holds: job, unit and the record's chain head. */
    public static String identity(JobRecord record) {
        return "benchwright:job=" + record.job() + ";unit=" + record.requested("unit") + ";head="
                + record.chain().lastHash();
    }

    public static void write(JobRecord record, Context context, OutputStream out) throws IOException {
        String unit = record.requested("unit");
        String title = "Job traveler " + record.job();
        boolean training = "true".equals(record.requested("training"));
        String header = "Benchwright job traveler   unit " + unit + "   " + record.requested("procedure") + " rev "
                + record.requested("revision") + "   job " + record.job();
        String footer = "Printed " + TIME.format(context.printed().atZone(context.zone())) + " from "
                + record.file().getFileName() + "; the record, not this copy, is the evidence";
        try (PdfPages pages = new PdfPages(title, "Rework of unit " + unit + " by " + record.requested("procedure"),
                context.printed(), new PdfPages.Frame(header, footer, training ? "TRAINING" : null))) {
            float qr = 86;
            float top = pages.y();
            QrCode.draw(pages.canvas(), identity(record), PdfPages.WIDTH - PdfPages.MARGIN - qr, top, qr);
            pages.title("Job traveler");
            pages.paragraph("Unit " + unit + " - " + record.requested("title") + " (" + record.requested("procedure")
                    + ")");
            summary(pages, record, context, pages.contentWidth() - qr - 12);
            if (pages.y() > top - qr - 6) {
                pages.space(pages.y() - (top - qr - 6));
            }
            chain(pages, record, context);
            people(pages, record);
            station(pages, record, context);
            procedure(pages, record, context);
            steps(pages, record, context);
            lots(pages, record);
            for (JobRecord.Heat heat : record.heats()) {
                heat(pages, heat);
            }
            faults(pages, record, context);
            reviews(pages, context);
            counts(pages, record);
            pages.save(out);
        }
    }

    private static void summary(PdfPages pages, JobRecord r, Context c, float width) throws IOException {
        List<String[]> f = new ArrayList<>();
        f.add(new String[] { "Outcome", r.outcome().toUpperCase(Locale.ROOT) + (r.reason().isEmpty() ? ""
                : " - " + r.reason()) });
        f.add(new String[] { "Unit", r.requested("unit") + (r.requested("assembly").isEmpty() ? ""
                : ", assembly " + r.requested("assembly")) + (r.requested("customer").isEmpty() ? ""
                        : ", customer " + r.requested("customer")) + ", class " + r.requested("productClass") });
        f.add(new String[] { "Designators", String.join(", ", r.requestedList("designators")) });
        f.add(new String[] { "Started", time(r.startedAt() != null ? r.startedAt() : r.requestedAt(), c) });
        f.add(new String[] { "Ended", r.endedAt() == null ? "not recorded (the record stops: interrupted)"
                : time(r.endedAt(), c) + duration(r) });
        if (r.pwi() != null) {
            f.add(new String[] { "Process Window Index", String.format(Locale.ROOT, "%.1f (worst heat step)",
                    r.pwi()) });
        }
        if ("true".equals(r.requested("training"))) {
            f.add(new String[] { "Training", "a training job: the unit is not shipped on this record" });
        }
        pages.fields(f, width); // beside the QR code
        if (!r.refusals().isEmpty()) {
            pages.emphasis("Refused before it started:", PdfPages.BAD);
            for (String refusal : r.refusals()) {
                pages.paragraph(refusal, PdfPages.BAD);
            }
        }
    }

    private static String duration(JobRecord r) {
        Instant from = r.startedAt() != null ? r.startedAt() : r.requestedAt();
        if (from == null || r.endedAt() == null) {
            return "";
        }
        Duration d = Duration.between(from, r.endedAt());
        return String.format(Locale.ROOT, " (%d min %02d s)", d.toMinutes(), d.toSecondsPart());
    }

    private static void chain(PdfPages pages, JobRecord r, Context c) throws IOException {
        pages.heading("Record");
        JournalVerifier.Report chain = r.chain();
        KeyRing ring = c.stations() == null ? KeyRing.NONE : c.stations().keyRing();
        // checked against the benches' keys of the station register, when it lists them
        JournalVerifier.Report signed = ring.isEmpty() ? chain : JournalVerifier.verify(r.file(), ring);
        List<String[]> f = new ArrayList<>();
        f.add(new String[] { "File", r.file().getFileName().toString() });
        f.add(new String[] { "Entries", chain.entries() + ", of which " + r.telemetrySamples()
                + " telemetry samples" });
        f.add(new String[] { "Chain head", chain.lastHash() });
        f.add(new String[] { "Signed by", signer(chain, signed, ring) });
        pages.fields(f);
        if (chain.broken()) {
            pages.emphasis("DOES NOT VERIFY: the record was changed at entry " + chain.brokenAt() + " ("
                    + chain.problem() + "). This traveler shows the entries before it only.", PdfPages.BAD);
        } else if (signed.forged() != null) {
            pages.emphasis("FORGED: " + signed.forged() + ". Its chain holds, but it is not the record its bench "
                    + "wrote.", PdfPages.BAD);
        } else if (chain.interrupted() || !chain.finished()) {
            pages.emphasis("Verifies, but the job has no end in its record: it was interrupted.", PdfPages.BAD);
        } else {
            pages.paragraph("Verifies: every entry's hash chains to the one before it, from the first entry to the "
                    + "head above" + (ring.isEmpty() ? "" : ", and the bench's key signed it") + " (benchwright verify "
                    + r.file().getFileName() + ").");
        }
    }

    /** Which bench key signed the record, and whether the station register's keys confirm it. */
    private static String signer(JournalVerifier.Report chain, JournalVerifier.Report checked, KeyRing ring) {
        if (chain.signer() == null) {
            return "no bench key (a record written before benches signed theirs)";
        }
        String count = " (" + chain.signed() + " signature" + (chain.signed() == 1 ? "" : "s") + ")";
        if (ring.isEmpty()) {
            return "the key " + chain.signer() + count + "; no station register with the benches' keys was given "
                    + "to check it";
        }
        return checked.forged() == null && checked.signer() != null
                ? checked.signer() + "'s key " + chain.signer() + count + ", checked against the station register"
                : "the key " + chain.signer() + count + ": not confirmed by the station register";
    }

    private static void people(PdfPages pages, JobRecord r) throws IOException {
        pages.heading("Technician");
        List<String[]> f = new ArrayList<>();
        f.add(new String[] { "Technician", r.requested("technician") + " " + r.requested("technicianName")
                + ", skill " + r.requested("skill") });
        for (JsonObject cert : r.requestedObjects("certifications")) {
            f.add(new String[] { "Certification", JobRecord.text(cert, "level") + " " + JobRecord.text(cert, "number")
                    + ", modules " + JobRecord.text(cert, "modules").replaceAll("[\\[\\]]", "").replace(",", ", ")
                    + ", valid to " + JobRecord.text(cert, "expires") });
        }
        if (r.requestedObjects("certifications").isEmpty()) {
            f.add(new String[] { "Certification", "none valid on the day" });
        }
        pages.fields(f);
    }

    private static void station(PdfPages pages, JobRecord r, Context c) throws IOException {
        pages.heading("Station");
        String bench = r.requested("bench");
        List<String[]> f = new ArrayList<>();
        f.add(new String[] { "Station", r.requested("station") + " (as its driver names it)" });
        if (!bench.isEmpty()) {
            f.add(new String[] { "Bench", bench });
        }
        pages.fields(f);
        String registered = bench.isEmpty() ? r.requested("station") : bench; // the register knows benches by name
        List<StationRegister.Equipment> equipment = c.stations() == null ? List.of()
                : c.stations().equipment(registered);
        if (equipment.isEmpty()) {
            pages.paragraph(c.stations() == null ? "No station register was given: equipment and calibration are not "
                    + "shown." : "The station register (" + c.stations().source() + ") lists no equipment for "
                            + registered + (bench.isEmpty() ? " (the job named no bench)." : "."), PdfPages.GREY);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        java.time.LocalDate day = r.requested("day").isEmpty() ? null : java.time.LocalDate.parse(r.requested("day"));
        for (StationRegister.Equipment e : equipment) {
            boolean due = day != null && e.calibrationDue() != null && e.calibrationDue().isBefore(day);
            rows.add(new String[] { e.name(), e.kind(), e.model() + (e.serial() == null ? "" : " s/n " + e.serial()),
                    e.calibrationDue() == null ? "-" : e.calibrationDue() + (due ? " (overdue on the day)" : "") });
            colors.add(due ? PdfPages.BAD : null);
        }
        pages.table(new String[] { "Equipment", "Kind", "Model", "Calibration due" }, new float[] { 2, 2, 3, 2 },
                rows, colors);
    }

    private static void procedure(PdfPages pages, JobRecord r, Context c) throws IOException {
        pages.heading("Procedure");
        List<String[]> f = new ArrayList<>();
        f.add(new String[] { "Procedure", r.requested("procedure") + " - " + r.requested("title") });
        f.add(new String[] { "Revision", r.requested("revision") + (r.requested("documentStatus").isEmpty() ? ""
                : " (" + r.requested("documentStatus") + " on the day)") });
        f.add(new String[] { "Content hash", r.requested("procedureHash") });
        if (!r.requested("basedOn").isEmpty()) {
            f.add(new String[] { "Work instruction", "based on " + r.requested("basedOn") + " rev "
                    + r.requested("baseRevision") });
        }
        pages.fields(f);
        List<String> deviations = r.requestedList("deviations");
        if (!deviations.isEmpty()) {
            pages.emphasis("Deviations from the base procedure, with their justification:", PdfPages.INK);
            for (String d : deviations) {
                pages.paragraph("- " + d);
            }
        }
        pages.emphasis("Approvals and signatures", PdfPages.INK);
        List<String[]> rows = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (DocumentRegister.Approval a : c.approvals()) {
            boolean this_ = a.revision().equals(r.requested("revision")) && a.hash().equals(r.requested(
                    "procedureHash"));
            rows.add(new String[] { "approved", a.approver() + (a.certificate() == null ? "" : " (" + a.certificate()
                    + ")") + (a.signature() == null ? "" : ", e-signature of " + a.signature().name() + ", key "
                            + a.signature().key()), time(a.time(), c), "revision " + a.revision() + ", "
                                    + shortHash(a.hash()) + (this_ ? ": the content this job ran"
                                            : ": not the content this job ran") });
            colors.add(this_ ? null : PdfPages.GREY);
        }
        for (JsonObject a : r.requestedObjects("approvals")) {
            rows.add(new String[] { JobRecord.text(a, "kind") + " approval", JobRecord.text(a, "reference"),
                    r.requested("day"), "recorded with the job" });
            colors.add(null);
        }
        if (r.startedAt() != null) {
            rows.add(new String[] { "performed", r.requested("technician") + " " + r.requested("technicianName"),
                    r.endedAt() == null ? "- (interrupted)" : time(r.endedAt(), c), "the job's record, chain head "
                            + shortHash(r.chain().lastHash()) });
            colors.add(null);
        }
        for (Signed signed : c.signatures()) {
            ESignature s = signed.signature();
            rows.add(new String[] { s.meaning().label() + ", e-signature", s.name() + " (" + s.signer() + "), key "
                    + s.key(), time(s.time(), c), signed.problem() == null ? "the job's record, chain head "
                            + shortHash(s.content()) : "DOES NOT HOLD: " + signed.problem() });
            colors.add(signed.problem() == null ? null : PdfPages.BAD);
        }
        pages.table(new String[] { "Meaning", "By", "When", "Of what" }, new float[] { 1.3f, 2.2f, 1.8f, 3.2f }, rows,
                colors);
        if (c.approvals().isEmpty()) {
            pages.paragraph("Document control holds no approval of this procedure"
                    + ("draft".equals(r.requested("documentStatus")) ? " (it was a draft on the day)." : "."),
                    PdfPages.GREY);
        }
    }

    private static void steps(PdfPages pages, JobRecord r, Context c) throws IOException {
        pages.heading("Steps");
        List<String[]> rows = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (JobRecord.Step s : r.steps()) {
            rows.add(new String[] { s.path, kind(s.kind), s.state, answer(s), s.by, s.ended == null ? "-"
                    : TIME_OF_DAY.format(s.ended.atZone(c.zone())) });
            boolean bad = s.state.equals("failed") || s.state.equals("aborted") || Boolean.FALSE.equals(
                    s.withinLimits) || Boolean.FALSE.equals(s.passed);
            colors.add(bad ? PdfPages.BAD : null);
        }
        pages.table(new String[] { "Step", "Kind", "Result", "Answer", "By", "Time" }, new float[] { 1.6f, 1.4f, 0.9f,
                3.6f, 0.9f, 0.9f }, rows, colors);
    }

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private static String kind(String kind) {
        return kind.replaceFirst("Step$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** What the technician answered, as a reader of the traveler needs it. */
    static String answer(JobRecord.Step s) {
        List<String> parts = new ArrayList<>();
        if (s.value != null) {
            String limits = s.lower == null && s.upper == null ? ""
                    : String.format(Locale.ROOT, " (limits %s .. %s %s)", s.lower == null ? "-" : number(s.lower),
                            s.upper == null ? "-" : number(s.upper), s.unit);
            parts.add((s.quantity.isEmpty() ? "measured " : s.quantity + " ") + number(s.value) + " " + s.unit + limits
                    + (Boolean.FALSE.equals(s.withinLimits) ? ": OUTSIDE" : ""));
        }
        if (s.lot != null) {
            parts.add("lot " + s.lot + (s.material == null || s.material.isEmpty() ? "" : " of " + s.material));
        }
        if (s.passed != null) {
            parts.add((s.passed ? "pass" : "FAIL") + (s.note.isEmpty() ? "" : ": " + s.note));
        }
        if (!s.reason.isEmpty()) {
            parts.add(s.reason);
        }
        return String.join("; ", parts);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v).replaceFirst("0$", "");
    }

    private static void lots(PdfPages pages, JobRecord r) throws IOException {
        List<String[]> rows = r.steps().stream().filter(s -> s.lot != null).map(s -> new String[] { s.material == null
                ? "" : s.material, s.lot, s.path }).collect(Collectors.toList());
        pages.heading("Materials");
        if (rows.isEmpty()) {
            pages.paragraph("No material lot was captured.", PdfPages.GREY);
            return;
        }
        pages.table(new String[] { "Material", "Lot", "Step" }, new float[] { 3, 3, 2 }, rows, null);
    }

    private static void heat(PdfPages pages, JobRecord.Heat heat) throws IOException {
        float height = 230;
        pages.keep(height + 40); // the heading with its plot
        pages.heading("Thermal profile " + heat.profile + " - step " + heat.step);
        float bottom = pages.reserve(height);
        ProfilePlot.draw(pages, heat, PdfPages.MARGIN, bottom, pages.contentWidth(), height);
        pages.space(6);
        List<String[]> rows = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (JobRecord.Figure f : heat.figures) {
            rows.add(new String[] { f.name(), number(f.value()) + " " + f.unit(), f.min() == null && f.max() == null
                    ? "-" : (f.min() == null ? "-" : number(f.min())) + " .. " + (f.max() == null ? "-"
                            : number(f.max())) + " " + f.unit(), f.inside() ? "inside" : "OUTSIDE" });
            colors.add(f.inside() ? null : PdfPages.BAD);
        }
        if (heat.pwi != null) {
            rows.add(new String[] { "Process Window Index", String.format(Locale.ROOT, "%.1f", heat.pwi), "at most 100",
                    heat.pwi <= 100 ? "inside" : "OUTSIDE" });
            colors.add(heat.pwi <= 100 ? null : PdfPages.BAD);
        }
        if (!rows.isEmpty()) {
            pages.table(new String[] { "Figure", "Measured", "Window", "" }, new float[] { 3, 2, 3, 1.2f }, rows,
                    colors);
        }
        List<String> notes = new ArrayList<>();
        notes.add(switch (heat.result) {
            case "done" -> heat.inside ? "Ended with every figure inside its window." : "Ended with a figure outside "
                    + "its window.";
            case "failed" -> "Failed: " + heat.reason;
            case "stopped" -> "Stopped: " + heat.reason + " (heaters off).";
            default -> "The record stops during this step.";
        });
        if (heat.jointCeiling != null) {
            notes.add(String.format(Locale.ROOT, "Interlocks: joint above %.0f °C or package above %.0f °C puts the "
                    + "station in safe state.", heat.jointCeiling, heat.packageCeiling));
        }
        int samples = heat.curves.getOrDefault("joint", List.of()).size();
        notes.add(samples + " joint samples" + (heat.curves.containsKey("package") ? ", "
                + heat.curves.get("package").size() + " package samples" : "") + " in the record; station "
                + heat.station + ".");
        pages.paragraph(String.join(" ", notes), "done".equals(heat.result) && heat.inside ? PdfPages.INK
                : PdfPages.BAD);
    }

    private static void faults(PdfPages pages, JobRecord r, Context c) throws IOException {
        pages.heading("Interlock events and faults");
        if (r.faults().isEmpty()) {
            pages.paragraph("None: no interlock tripped and no fault was recorded.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (JobRecord.Fault f : r.faults()) {
            rows.add(new String[] { time(f.time(), c), f.step(), f.kind(), f.source(), f.message()
                    + " (heaters put in safe state)" });
        }
        pages.table(new String[] { "When", "Step", "Kind", "Source", "What" }, new float[] { 1.8f, 1.2f, 1.6f, 1,
                3.5f }, rows, java.util.Collections.nCopies(rows.size(), PdfPages.BAD));
    }

    private static void reviews(PdfPages pages, Context c) throws IOException {
        if (c.reviews().isEmpty()) {
            return;
        }
        pages.heading("Quality reviews of this record");
        List<String[]> rows = new ArrayList<>();
        for (Map<String, String> review : c.reviews()) {
            rows.add(new String[] { review.getOrDefault("reviewer", "") + (review.containsKey("signature")
                    ? ", e-signature: " + review.get("signature") : ""), review.getOrDefault("day", ""),
                    review.getOrDefault("problem", ""), review.getOrDefault("finding", "") });
        }
        pages.table(new String[] { "Reviewer", "Day", "Problem", "Finding" }, new float[] { 1, 1, 3, 3 }, rows, null);
    }

    private static void counts(PdfPages pages, JobRecord r) throws IOException {
        if (r.counts().isEmpty()) {
            return;
        }
        pages.heading("What this job added to the unit's counts");
        pages.table(new String[] { "Designator", "Rework actions", "Thermal cycles" }, new float[] { 2, 2, 2 },
                r.counts(), null);
    }

    private static String time(Instant time, Context c) {
        return time == null ? "-" : TIME.format(time.atZone(c.zone()));
    }

    private static String shortHash(String hash) {
        return hash == null ? "?" : hash.substring(0, Math.min(16, hash.length()));
    }
}
