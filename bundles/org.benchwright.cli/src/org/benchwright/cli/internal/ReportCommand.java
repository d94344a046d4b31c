/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.benchwright.cli.Command;
import org.benchwright.dsl.EffectiveProcedureText;
import org.benchwright.dsl.ProcedureSources;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.engine.record.RecordReviews;
import org.benchwright.engine.registry.PersonnelRegistry;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.Procedure;
import org.benchwright.report.ControlledCopy;
import org.benchwright.report.JobRecord;
import org.benchwright.report.JobTraveler;
import org.benchwright.report.QualificationMatrix;
import org.benchwright.report.ReportFiles;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;

/**
 * {@code benchwright report}: the documents quality, customers and the training coordinator keep, as PDF/A-2b: a
 * job's traveler, a controlled copy of a procedure, the qualification matrix.
 */
public final class ReportCommand implements Command {

    /** How the account of a traveler whose record does not verify begins. */
    private static final String BROKEN = "BROKEN RECORD: ";

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "job <record.jsonl|job id> -o <file.pdf> [--stations <file>] [--documents <file>] | "
                + "procedure <id> --library <dir> -o <file.pdf> [--documents <file>] [--training] | "
                + "matrix -o <file.pdf> [--personnel <file.xmi>] [--library <dir>] [--on <yyyy-mm-dd>]; "
                + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "PDF/A documents: a job's traveler, a controlled copy of a procedure, the qualification matrix";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        if (args.isEmpty() || !List.of("job", "procedure", "matrix").contains(args.get(0))) {
            err.println("usage: benchwright report " + usage());
            return UNUSABLE;
        }
        String what = args.remove(0);
        try (PlantAccess plant = PlantAccess.take(args)) {
            Path target = Arguments.optionalFile(args, "-o");
            if (target == null) {
                throw new IllegalArgumentException("-o <file.pdf> names the file to write");
            }
            Instant printed = Instant.now();
            ZoneId zone = ZoneId.systemDefault();
            String said = switch (what) {
                case "job" -> job(args, plant, target, printed, zone);
                case "procedure" -> procedure(args, plant, target, printed, zone);
                default -> matrix(args, plant, target, printed, zone);
            };
            out.println(said + ": " + target + " (" + describe(target) + ")");
            // a traveler of a record that does not verify is written, and says so: the exit code says it too
            return said.startsWith(BROKEN) ? FINDINGS : OK;
        } catch (IllegalArgumentException e) {
            err.println("benchwright report " + what + ": " + e.getMessage());
            err.println("usage: benchwright report " + usage());
            return UNUSABLE;
        } catch (IOException | DateTimeParseException e) {
            err.println("benchwright report " + what + ": " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static String job(List<String> args, PlantAccess plant, Path target, Instant printed, ZoneId zone)
            throws IOException {
        Path stations = Arguments.optionalFile(args, "--stations");
        Path documents = Arguments.optionalFile(args, "--documents");
        if (args.size() != 1) {
            throw new IllegalArgumentException("name one record (a file, or a job id the plant store holds)");
        }
        try (JobSource source = JobSource.of(args.get(0), plant)) {
            JobRecord record = JobRecord.read(source.file());
            List<DocumentRegister.Approval> approvals = plant.documents(documents).history(record.requested(
                    "procedure"));
            StationRegister register = plant.stations(stations);
            KeyRing ring = register == null ? KeyRing.NONE : register.keyRing();
            // a record whose chain holds is still forged when the bench's key did not sign it as it stands
            String forged = record.chain().broken() || ring.isEmpty() ? null
                    : JournalVerifier.verify(source.file(), ring).forged();
            JobTraveler.Context context = new JobTraveler.Context(register, approvals,
                    source.local() ? RecordReviews.of(source.file()) : List.of(), zone, printed,
                    signatures(plant, record));
            ReportFiles.write(target, o -> JobTraveler.write(record, context, o));
            return (record.chain().broken() || forged != null ? BROKEN : "") + "traveler of job " + record.job()
                    + " (record " + (record.chain().broken() ? "DOES NOT VERIFY: " + record.chain().problem()
                            : forged != null ? "FORGED: " + forged : "verifies") + ")";
        }
    }

    /**
     * The electronic signatures of the record the plant store keeps, each checked against its signer's keys and the
     * record's chain head; none without a store, or when it cannot be reached (the traveler then shows none).
     */
    private static List<JobTraveler.Signed> signatures(PlantAccess plant, JobRecord record) throws IOException {
        if (plant.none()) {
            return List.of();
        }
        try {
            PlantStore store = plant.store();
            Accounts accounts = store.accounts(AccountPolicy.ofThisMachine());
            List<JobTraveler.Signed> signed = new ArrayList<>();
            for (ESignature s : store.recordSignatures(record.job())) {
                String problem = accounts.check(s);
                if (problem == null && !s.content().equals(record.chain().lastHash())) {
                    problem = "it signs the record's head " + s.content().substring(0, 12) + ", not this record's";
                }
                signed.add(new JobTraveler.Signed(s, problem));
            }
            return signed;
        } catch (StoreException e) {
            return List.of();
        }
    }

    private static String procedure(List<String> args, PlantAccess plant, Path target, Instant printed, ZoneId zone)
            throws IOException {
        String library = Arguments.take(args, "--library", null);
        Path documents = Arguments.optionalFile(args, "--documents");
        boolean training = args.remove("--training");
        if (library == null || args.size() != 1) {
            throw new IllegalArgumentException("name one procedure or work instruction, and its --library");
        }
        Procedure procedure = LibraryProcedures.find(Path.of(library), args.get(0));
        String revision = LibraryProcedures.revision(procedure);
        ControlledCopy.Document document = ControlledCopy.Document.of(procedure.getName(), procedure.getTitle() == null
                ? procedure.getName() : procedure.getTitle(), revision, LibraryProcedures.hash(procedure),
                procedure.getInstruction() != null ? EffectiveProcedureText.of(procedure.getInstruction())
                        : ProcedureSources.text(procedure), plant.documents(documents));
        ReportFiles.write(target, o -> ControlledCopy.write(document, training, printed, zone, o));
        return (training ? "training copy" : document.approved() ? "controlled copy" : document.status()
                + " copy (not controlled)") + " of " + procedure.getName() + " revision " + revision;
    }

    private static String matrix(List<String> args, PlantAccess plant, Path target, Instant printed, ZoneId zone)
            throws IOException {
        Path personnel = Arguments.optionalFile(args, "--personnel");
        String library = Arguments.take(args, "--library", null);
        String on = Arguments.take(args, "--on", null);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected " + String.join(" ", args));
        }
        LocalDate day = on == null ? LocalDate.now(zone) : LocalDate.parse(on);
        PersonnelRegistry people = plant.people(personnel);
        List<Procedure> procedures = library == null ? List.of() : LibraryProcedures.all(Path.of(library));
        ReportFiles.write(target, o -> QualificationMatrix.write(people.technicians(), people.where(), procedures, day,
                printed, zone, o));
        return "qualification matrix on " + day + " of " + people.technicians().size() + " people";
    }

    private static String describe(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            return pages + (pages == 1 ? " page, " : " pages, ") + String.format(Locale.ROOT, "%.0f KB",
                    Files.size(pdf) / 1024.0);
        }
    }

    /** A job's record: a file, or a job the plant store holds, copied to a temporary file for the reading. */
    static final class JobSource implements AutoCloseable {
        private final Path file;
        private final Path temporary;

        private JobSource(Path file, Path temporary) {
            this.file = file;
            this.temporary = temporary;
        }

        static JobSource of(String name, PlantAccess plant) throws IOException {
            Path file = Path.of(name);
            if (Files.isRegularFile(file)) {
                return new JobSource(file, null);
            }
            if (plant.none() || name.contains("/") || name.endsWith(".jsonl")) {
                throw new IOException(name + ": no such record");
            }
            try {
                var stored = plant.store().record(name).orElseThrow(() -> new IOException(name
                        + ": no such record, and the plant store " + plant.location() + " holds no job of that id"));
                Path folder = Files.createTempDirectory("benchwright-record");
                Path copy = folder.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl");
                Files.write(copy, stored.lines());
                return new JobSource(copy, folder);
            } catch (StoreException e) {
                throw new IOException(name + ": no such record file, and the plant store cannot be asked: "
                        + e.getMessage(), e);
            }
        }

        Path file() {
            return file;
        }

        /** Whether the record is the bench's own file (which quality's reviews lie beside). */
        boolean local() {
            return temporary == null;
        }

        @Override
        public void close() throws IOException {
            if (temporary != null) {
                Files.deleteIfExists(file);
                Files.deleteIfExists(temporary);
            }
        }
    }
}
