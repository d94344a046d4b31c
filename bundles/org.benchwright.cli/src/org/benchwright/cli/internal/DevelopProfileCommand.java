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
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.model.ThermalProfile;
import org.benchwright.profiling.ProfileDevelopment;
import org.benchwright.profiling.ProfileDevelopment.Development;
import org.benchwright.profiling.ProfileReport;

/**
 * {@code develop-profile}: learns a board from its recorded runs (the first with the library's profile, then the
 * confirmation runs), says how well the last run was predicted, proposes the settings the board runs best with and
 * writes them as a profile in the language for the engineer to review, approve and run.
 */
public final class DevelopProfileCommand implements Command {

    @Override
    public String name() {
        return "develop-profile";
    }

    @Override
    public String usage() {
        return "--record <record.jsonl>... [--profile <library profile>] [--name <new profile>] [--tc <°C>]"
                + " [--board-limit <°C>] [-o <file.bw>] <library file or folder>...";
    }

    @Override
    public String summary() {
        return "learn a board from its recorded runs and propose its profile, with the predicted figures";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        List<String> records;
        String name;
        String newName;
        double tc;
        double boardLimit;
        Path output;
        try {
            records = Arguments.takeAll(args, "--record");
            name = Arguments.take(args, "--profile", null);
            newName = Arguments.take(args, "--name", null);
            tc = Arguments.number(args, "--tc", Double.NaN);
            boardLimit = Arguments.number(args, "--board-limit", 200);
            output = Arguments.optionalFile(args, "-o");
        } catch (IllegalArgumentException e) {
            err.println("benchwright develop-profile: " + e.getMessage());
            return UNUSABLE;
        }
        if (records.isEmpty() || args.isEmpty()) {
            err.println("usage: benchwright develop-profile " + usage());
            return UNUSABLE;
        }
        List<Path> files = LanguageFiles.collect(args, err);
        if (files == null) {
            return UNUSABLE;
        }
        try {
            List<ProfileDevelopment.Run> runs = ProfileDevelopment.runs(records.stream().map(Path::of).toList(),
                profile -> find(files, profile), String.join(", ", args));
            String specName = name != null ? name : runs.get(0).run().profile();
            ThermalProfile specification = find(files, specName);
            if (specification == null) {
                throw new IllegalArgumentException("no profile named '" + specName + "' in " + String.join(", ", args));
            }
            Limits limits = ProfileDevelopment.limits(specification, runs, tc);
            Development development = ProfileDevelopment.develop(specification, runs, limits, boardLimit);
            ProfileReport.of(development, specification, limits).forEach(out::println);
            if (development.refusal() != null) {
                err.println("benchwright develop-profile: nothing proposed: " + development.refusal());
                return FINDINGS;
            }
            String developed = newName != null ? newName : specification.getName() + "_developed";
            Path file = output != null ? output : Path.of(developed + ".bw");
            Files.writeString(file, ProfileReport.profile(development, specification, developed,
                    records.stream().map(r -> Path.of(r).getFileName().toString()).toList(), limits));
            List<Path> check = new ArrayList<>(files);
            check.remove(file);
            check.add(file);
            List<FileDiagnostic> problems = ValidateCommand.check(check).report().getOrDefault(file, List.of())
                    .stream().filter(d -> d.severity().equals("error")).toList();
            problems.forEach(p -> err.println(p));
            long errors = problems.size();
            out.println("wrote " + file + ": profile " + developed + (errors == 0 ? ", valid" : ", with " + errors
                    + " error(s): run benchwright validate"));
            return errors == 0 ? OK : FINDINGS;
        } catch (IOException | IllegalArgumentException e) {
            err.println("benchwright develop-profile: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static ThermalProfile find(List<Path> files, String name) {
        try {
            return SimulateCommand.find(files, name);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
