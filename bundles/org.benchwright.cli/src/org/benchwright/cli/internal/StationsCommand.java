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
import java.util.Map;
import java.util.stream.Collectors;

import org.benchwright.cli.Command;
import org.benchwright.driver.api.StationFactory;
import org.benchwright.driver.api.Stations;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.Procedure;
import org.benchwright.store.StoreException;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code stations}: lists the station types the installed drivers offer, with the bundle of each; with a station
 * register, the plant's stations with their equipment and calibration, and which procedures each may run.
 */
public final class StationsCommand implements Command {

    @Override
    public String name() {
        return "stations";
    }

    @Override
    public String usage() {
        return "[--register <stations.properties>|plant [--library <dir>] [--on <yyyy-mm-dd>]] " + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "the installed drivers' station types; with --register, the plant's stations, their calibration and "
                + "which procedures each may run";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        String register;
        String library;
        LocalDate today;
        PlantAccess plant;
        try {
            plant = PlantAccess.take(args);
            register = Arguments.take(args, "--register", null);
            library = Arguments.take(args, "--library", null);
            String on = Arguments.take(args, "--on", null);
            today = on == null ? LocalDate.now() : LocalDate.parse(on);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("benchwright stations: " + e.getMessage());
            return UNUSABLE;
        }
        if (!args.isEmpty() || library != null && register == null) {
            err.println("usage: benchwright stations " + usage());
            return UNUSABLE;
        }
        Map<String, StationFactory> factories = Stations.factories();
        if (factories.isEmpty()) {
            err.println("benchwright stations: no driver is installed (or Declarative Services is not running)");
            return FINDINGS;
        }
        factories.forEach((type, factory) -> {
            var bundle = FrameworkUtil.getBundle(factory.getClass());
            out.printf("%-10s %s%n", type, bundle == null ? factory.getClass().getName()
                    : bundle.getSymbolicName() + " " + bundle.getVersion());
        });
        if (register == null) {
            return OK;
        }
        try (PlantAccess closing = plant) {
            StationRegister stations = register.equals("plant") ? plant.store().stations().orElse(null)
                    : new StationRegister(Path.of(register));
            if (stations == null) {
                err.println("benchwright stations: the plant store " + plant.location() + " keeps no stations (bring a "
                        + "register in with: benchwright store import --stations <stations.properties>)");
                return FINDINGS;
            }
            out.println();
            out.println("stations on " + today + " (" + stations.source() + "):");
            boolean overdue = false;
            for (String id : stations.stations()) {
                for (StationRegister.Equipment e : stations.equipment(id)) {
                    boolean late = e.calibrationDue().isBefore(today);
                    overdue |= late;
                    out.printf("  %-10s %-20s %-18s %-12s calibration due %s%s%n", id, e.kind(), e.model(), e.serial(),
                            e.calibrationDue(), late ? "  OVERDUE" : "");
                }
            }
            if (library != null) {
                matrix(stations, LibraryProcedures.all(Path.of(library)), today, out);
            }
            return overdue ? FINDINGS : OK;
        } catch (IOException | StoreException e) {
            err.println("benchwright stations: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static void matrix(StationRegister stations, List<Procedure> procedures, LocalDate today, PrintStream out) {
        out.println();
        out.println("procedures each station may run on " + today + " (yes, or the number of the reason below):");
        StringBuilder header = new StringBuilder(String.format("  %-36s", "procedure"));
        stations.stations().forEach(s -> header.append(String.format(" %-10s", s)));
        out.println(header.toString().stripTrailing());
        List<String> reasons = new ArrayList<>();
        for (Procedure p : procedures) {
            StringBuilder row = new StringBuilder(String.format("  %-36s", p.getName()));
            for (String s : stations.stations()) {
                List<Refusal> why = stations.check(s, p, today);
                // without the procedure's name, so that one missing instrument is one reason for every procedure
                String text = why.stream().map(r -> "[" + r.code() + "] " + r.reason().replace(", which " + p.getName()
                        + " needs", "")).collect(Collectors.joining("; "));
                if (why.isEmpty()) {
                    row.append(String.format(" %-10s", "yes"));
                } else {
                    if (!reasons.contains(text)) {
                        reasons.add(text);
                    }
                    row.append(String.format(" %-10s", "(" + (reasons.indexOf(text) + 1) + ")"));
                }
            }
            out.println(row.toString().stripTrailing());
        }
        for (int i = 0; i < reasons.size(); i++) {
            out.println("  (" + (i + 1) + ") " + reasons.get(i));
        }
    }
}
