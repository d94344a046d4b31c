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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.benchwright.cli.Command;
import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.Technician;
import org.benchwright.store.Outbox;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;
import org.benchwright.store.UnitLock;

/**
 * {@code store status}: where the plant store is, its schema version and how many of the bench's record entries wait
 * to be sent; {@code store import}: sends the bench's records to it, every entry checked against its job's chain.
 */
public final class StoreCommand implements Command {

    @Override
    public String name() {
        return "store";
    }

    @Override
    public String usage() {
        return "status|import|unlock " + StoreAccess.OPTIONS + " [--records <dir>] [--documents <file>] "
                + "[--personnel <file.xmi>] [--stations <stations.properties>]; unlock <unit> --by <CSE id> "
                + "--reason \"<why the job will not end>\"";
    }

    @Override
    public String summary() {
        return "the plant store: where it is and what waits (status); bring a bench's records and registers in "
                + "(import); release a unit whose bench broke down (unlock)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        String what = args.isEmpty() ? "" : args.remove(0);
        if (what.equals("unlock")) {
            return unlock(args, out, err);
        }
        if (!what.equals("status") && !what.equals("import")) {
            err.println("usage: benchwright store " + usage());
            return UNUSABLE;
        }
        Path records;
        List<Path> registers;
        try {
            records = Arguments.file(args, "--records", "records");
            registers = java.util.Arrays.asList(register(args, "--documents", "documents.jsonl"),
                    register(args, "--personnel", "personnel.xmi"), register(args, "--stations", "stations.properties"));
        } catch (IllegalArgumentException e) {
            err.println("benchwright store: " + e.getMessage());
            return UNUSABLE;
        }
        try (PlantStore store = StoreAccess.open(args)) {
            if (!args.isEmpty()) {
                err.println("benchwright store: unexpected " + String.join(" ", args));
                return UNUSABLE;
            }
            Outbox outbox = new Outbox(store, records);
            if (what.equals("status")) {
                out.println("plant store " + store.location() + ", schema version " + store.schemaVersion() + ", "
                        + store.entries() + " entries");
                Outbox.Pass pass = outbox.survey();
                out.println(pass.online() ? pass.waiting() + " entries of " + records + " wait to be sent"
                        : "plant store offline: " + pass.offline());
                return OK;
            }
            importRegisters(store, registers.get(0), registers.get(1), registers.get(2), out);
            Outbox.Pass pass = outbox.drain(null);
            pass.refused().forEach((record, why) -> err.println(record + ": REFUSED: " + why));
            out.println(pass.describe() + (pass.refused().isEmpty() ? "" : "; " + pass.refused().size()
                    + " record(s) refused"));
            return !pass.online() ? UNUSABLE : pass.refused().isEmpty() ? OK : FINDINGS;
        } catch (StoreException | IOException | IllegalArgumentException e) {
            err.println("benchwright store: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /**
     * {@code store unlock <unit> --by <id> --reason <why>}: releases a unit whose job will not end (its bench broke
     * down for good), in the name of a person of the store holding a CSE certification valid today; the store keeps
     * who, when and why.
     */
    private static int unlock(List<String> args, PrintStream out, PrintStream err) {
        String by;
        String reason;
        try {
            by = Arguments.take(args, "--by", null);
            reason = Arguments.take(args, "--reason", null);
        } catch (IllegalArgumentException e) {
            err.println("benchwright store unlock: " + e.getMessage());
            return UNUSABLE;
        }
        try (PlantStore store = StoreAccess.open(args)) {
            if (args.size() != 1 || by == null || reason == null || reason.isBlank()) {
                err.println("usage: benchwright store unlock <unit> --by <CSE id> --reason \"<why the job will not "
                        + "end>\" " + StoreAccess.OPTIONS);
                return UNUSABLE;
            }
            Technician person = People.find(store.people(), by);
            LocalDate today = LocalDate.now();
            if (person.getCertifications().stream().noneMatch(c -> c.getLevel() == CertificationLevel.CSE
                    && !today.isBefore(c.getIssued()) && !today.isAfter(c.getExpires()))) {
                err.println("benchwright store unlock: " + by + " may not release a unit: that needs a CSE "
                        + "certification valid on " + today);
                return FINDINGS;
            }
            UnitLock released = store.releaseUnit(args.get(0), by, reason.strip());
            out.println("unit " + released.unit() + " released: job " + released.job() + " of " + released.bench()
                    + " (open since " + released.since() + "), by " + by + ": " + reason.strip());
            return OK;
        } catch (StoreException | IOException | IllegalArgumentException e) {
            err.println("benchwright store unlock: " + e.getMessage());
            return e instanceof StoreException && e.getMessage().contains("nothing to release") ? FINDINGS
                    : UNUSABLE;
        }
    }

    /** A register file to import: the one named, else the bench's own when it exists; {@code null}: none. */
    private static Path register(List<String> args, String option, String name) {
        Path given = Arguments.optionalFile(args, option);
        if (given != null && !Files.isRegularFile(given)) {
            throw new IllegalArgumentException(option + ": no such file " + given);
        }
        Path own = Arguments.home(name);
        return given != null ? given : Files.isRegularFile(own) ? own : null;
    }

    /** Brings the registers in: documents entry by entry (each once), people and stations as the files say them. */
    private static void importRegisters(PlantStore store, Path documents, Path personnel, Path stations,
            PrintStream out) throws IOException, StoreException {
        if (documents != null) {
            int added = store.importDocuments(documents);
            out.println("document register " + documents + ": chain verified; " + added + " entries new to the store");
        }
        if (personnel != null) {
            List<Technician> people = new FilePersonnelRegistry(personnel).technicians();
            store.putPeople(people);
            out.println("personnel register " + personnel + ": " + people.size() + " people stored ("
                    + people.stream().map(Technician::getId).collect(Collectors.joining(", ")) + ")");
        }
        if (stations != null) {
            StationRegister register = new StationRegister(stations);
            store.putStations(register);
            out.println("station register " + stations + ": " + register.stations().size() + " stations stored ("
                    + String.join(", ", register.stations()) + ")");
        }
    }
}
