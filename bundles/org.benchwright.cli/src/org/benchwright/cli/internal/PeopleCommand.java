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
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.benchwright.cli.Command;
import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.registry.ExpiryWarnings;
import org.benchwright.engine.registry.PersonnelRegistry;
import org.benchwright.model.Certification;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;

/**
 * {@code people}: the personnel register as of a day: each technician's certifications with their expiry, the
 * renewal warnings (60 and 30 days before, and the expired), and with {@code --library} the qualification matrix:
 * who may run which procedure that day, and why not.
 */
public final class PeopleCommand implements Command {

    @Override
    public String name() {
        return "people";
    }

    @Override
    public String usage() {
        return "[--personnel <file.xmi>] [--on <yyyy-mm-dd>] [--library <dir>] " + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "certifications and renewal warnings; with --library, who may run which procedure and why not";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try (PlantAccess plant = PlantAccess.take(args)) {
            Path personnel = Arguments.optionalFile(args, "--personnel");
            String on = Arguments.take(args, "--on", null);
            String library = Arguments.take(args, "--library", null);
            if (!args.isEmpty()) {
                err.println("usage: benchwright people " + usage());
                return UNUSABLE;
            }
            LocalDate today = on == null ? LocalDate.now() : LocalDate.parse(on);
            PersonnelRegistry people = plant.people(personnel);
            List<Technician> technicians = people.technicians();
            out.println("personnel on " + today + " (" + people.where() + "):");
            for (Technician t : technicians) {
                out.printf("  %-6s %-20s %-12s %s%n", t.getId(), t.getFullName(), t.getSkill().getLiteral(),
                        t.getCertifications().stream().map(PeopleCommand::describe).collect(Collectors.joining("; ")));
            }
            List<ExpiryWarnings.Warning> warnings = ExpiryWarnings.on(technicians, today);
            out.println(warnings.isEmpty() ? "no certification expires within " + ExpiryWarnings.FIRST + " days"
                    : "renewals:");
            for (ExpiryWarnings.Warning w : warnings) {
                out.println("  [" + w.level() + "] " + w);
            }
            if (library != null) {
                matrix(LibraryProcedures.all(Path.of(library)), technicians, today, out);
            }
            return warnings.stream().anyMatch(ExpiryWarnings.Warning::expired) ? FINDINGS : OK;
        } catch (DateTimeParseException e) {
            err.println("benchwright people: --on takes a day as yyyy-mm-dd, not '" + e.getParsedString() + "'");
            return UNUSABLE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("benchwright people: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static void matrix(List<Procedure> procedures, List<Technician> technicians, LocalDate today, PrintStream out) {
        out.println();
        out.println("qualification on " + today + " (yes, or the number of the reason below):");
        StringBuilder header = new StringBuilder(String.format("  %-36s", "procedure"));
        technicians.forEach(t -> header.append(String.format(" %-7s", t.getId())));
        out.println(header.toString().stripTrailing());
        List<String> reasons = new ArrayList<>();
        for (Procedure p : procedures) {
            StringBuilder row = new StringBuilder(String.format("  %-36s", p.getName()));
            for (Technician t : technicians) {
                List<Refusal> why = Gate.qualification(t, p, today);
                if (why.isEmpty()) {
                    row.append(String.format(" %-7s", "yes"));
                } else {
                    String text = why.stream().map(r -> "[" + r.code() + "] " + r.reason()).collect(Collectors.joining("; "));
                    int n = reasons.indexOf(text);
                    if (n < 0) {
                        reasons.add(text);
                        n = reasons.size() - 1;
                    }
                    row.append(String.format(" %-7s", "(" + (n + 1) + ")"));
                }
            }
            out.println(row.toString().stripTrailing());
        }
        for (int i = 0; i < reasons.size(); i++) {
            out.println("  (" + (i + 1) + ") " + reasons.get(i));
        }
    }

    private static String describe(Certification c) {
        return c.getLevel().getLiteral() + " " + (c.getNumber() == null ? "" : c.getNumber() + " ") + "modules "
                + c.getModules().stream().map(String::valueOf).collect(Collectors.joining(",")) + " to " + c.getExpires();
    }
}
