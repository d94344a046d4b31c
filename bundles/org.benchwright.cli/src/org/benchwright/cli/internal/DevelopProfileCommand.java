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
import java.util.Locale;

import org.benchwright.cli.Command;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.stats.Figures;
import org.benchwright.engine.stats.ProcessWindow.Judged;
import org.benchwright.model.Library;
import org.benchwright.model.ThermalProfile;
import org.benchwright.profiling.BoardFit;
import org.benchwright.profiling.HeatRun;
import org.benchwright.profiling.ProfileBenchmark;
import org.benchwright.profiling.ProfileDevelopment;
import org.benchwright.profiling.ProfileDevelopment.Check;
import org.benchwright.profiling.ProfileDevelopment.Development;
import org.benchwright.profiling.ProfileSettings;
import org.benchwright.profiling.ProfileText;
import org.benchwright.profiling.Proposal;

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
            List<ProfileDevelopment.Run> runs = new ArrayList<>();
            for (String record : records) {
                if (!Files.isRegularFile(Path.of(record))) {
                    throw new IllegalArgumentException(record + ": no such record");
                }
                List<HeatRun> steps = HeatRun.read(Path.of(record));
                if (steps.isEmpty()) {
                    throw new IllegalArgumentException(record + ": the record holds no heat step");
                }
                HeatRun step = steps.get(steps.size() - 1);
                ThermalProfile ran = SimulateCommand.find(files, step.profile());
                if (ran == null) {
                    throw new IllegalArgumentException(record + ": it ran the profile '" + step.profile()
                            + "', which is in none of " + String.join(", ", args));
                }
                runs.add(new ProfileDevelopment.Run(step, ran));
            }
            String specName = name != null ? name : runs.get(0).run().profile();
            ThermalProfile specification = SimulateCommand.find(files, specName);
            if (specification == null) {
                throw new IllegalArgumentException("no profile named '" + specName + "' in " + String.join(", ", args));
            }
            HeatRun first = runs.get(0).run();
            double packageTc = Double.isNaN(tc) ? first.packageCeiling() : tc;
            if (Double.isNaN(packageTc)) {
                throw new IllegalArgumentException(records.get(0) + ": the record states no package Tc; give --tc");
            }
            Limits limits = ProfileBenchmark.limits(specification, packageTc);
            Development development = ProfileDevelopment.develop(specification, runs, limits, boardLimit);
            print(development, specification, limits, out);
            if (development.refusal() != null) {
                err.println("benchwright develop-profile: nothing proposed: " + development.refusal());
                return FINDINGS;
            }
            String developed = newName != null ? newName : specification.getName() + "_developed";
            Path file = output != null ? output : Path.of(developed + ".bw");
            Files.writeString(file, ProfileText.of(development.proposal().profile(), developed, "developed",
                    comments(development, specification, records, limits)));
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

    private static void print(Development d, ThermalProfile specification, Limits limits, PrintStream out) {
        BoardFit.Result fit = d.fit();
        out.printf(Locale.ROOT, "board learned from the record(s), starting from the reference %s: it misses the joint"
                + " by %.2f °C, the package by %.2f °C, the board by %.2f °C and the air by %.2f °C RMS%n", fit.prior(),
                fit.rms()[0], fit.rms()[1], fit.rms()[2], fit.rms()[3]);
        List<String> fitted = BoardFit.fitted();
        StringBuilder line = new StringBuilder("  parameters (factor on the reference ± 1 σ):");
        for (int i = 0; i < fitted.size(); i++) {
            line.append(String.format(Locale.ROOT, "%s %s %.2f ±%.0f%%", i % 4 == 0 ? "\n   " : ",", fitted.get(i),
                    Math.exp(fit.logFactors()[i]), 100 * fit.sigma()[i]));
        }
        out.println(line);
        Check check = d.check();
        if (check != null && check.measured() != null) {
            out.println("how the last run was predicted from the runs before it:");
            if (check.predicted() == null) {
                out.println("  predicted: the run would not complete");
            } else {
                out.printf(Locale.ROOT, "  peak %.1f °C predicted, %.1f measured; time above liquidus %.1f s predicted,"
                        + " %.1f measured; PWI %.0f predicted, %.0f measured; package %.1f °C predicted, %.1f"
                        + " measured%n", check.predicted().peak(), check.measured().peak(),
                        check.predicted().timeAboveLiquidus(), check.measured().timeAboveLiquidus(),
                        check.predictedPwi(), check.measuredPwi(), check.predictedPackage(), check.measuredPackage());
            }
        }
        Proposal p = d.proposal();
        if (p == null) {
            return;
        }
        ProfileSettings from = ProfileSettings.of(specification);
        out.printf(Locale.ROOT, "proposed (%d runs predicted): bottom %s (was %s), ramp %s (was %s), ramp to peak %s"
                + " (was %s), peak aimed at %.1f °C (was %.1f)%n", p.tried(), c(p.settings().bottom()),
                c(from.bottom()), rate(p.settings().rampUp()), rate(from.rampUp()), rate(p.settings().rampToPeak()),
                rate(from.rampToPeak()), p.settings().peakAim(), from.peakAim());
        for (String l : predicted(p, limits)) {
            out.println("  " + l);
        }
    }

    /** The predicted figures against the library's windows, and the margins to the interlocks. */
    private static List<String> predicted(Proposal p, Limits limits) {
        List<String> lines = new ArrayList<>();
        if (!p.predicted().result().completed()) {
            lines.add("predicted: the run does not complete (" + p.predicted().result().fault() + ")");
            return lines;
        }
        for (Judged j : p.predicted().judgement().statistics()) {
            lines.add(String.format(Locale.ROOT, "%-20s %7.1f %-5s window %.1f .. %.1f  index %3.0f%s", j.statistic(),
                    j.measured(), j.unit(), j.min(), j.max(), j.index(), j.inside() ? "" : "  OUTSIDE"));
        }
        Figures figures = p.predicted().result().figures();
        double baseline = p.baseline().judgement() == null ? Double.NaN : p.baseline().judgement().pwi();
        lines.add(String.format(Locale.ROOT, "predicted PWI %.0f (the library's profile on this board: %s)",
                p.predicted().judgement().pwi(), Double.isNaN(baseline) ? "does not complete"
                        : String.format(Locale.ROOT, "%.0f", baseline)));
        lines.add(String.format(Locale.ROOT, "margins: package %.1f °C under its Tc %.0f °C; joint %.1f °C under its"
                + " interlock %.0f °C; over the fit's uncertainty the peak spreads ±%.1f °C, the time above liquidus"
                + " ±%.1f s", limits.packageCeiling() - p.predicted().packagePeak(), limits.packageCeiling(),
                limits.jointCeiling() - figures.peak(), limits.jointCeiling(), p.peakSpread(), p.talSpread()));
        return lines;
    }

    private static List<String> comments(Development d, ThermalProfile specification, List<String> records,
            Limits limits) {
        List<String> lines = new ArrayList<>();
        lines.add("Developed by benchwright develop-profile from " + specification.getName() + " ("
                + (specification.eContainer() instanceof Library l ? l.getName() : "?") + ") and the record(s):");
        records.forEach(r -> lines.add("  " + Path.of(r).getFileName()));
        lines.add("Its windows are the library profile's; the settings are what the board, as learned from the"
                + " records, runs best with.");
        lines.add("Predicted on the learned board (review, approve, then run it with a thermocouple at the joint):");
        predicted(d.proposal(), limits).forEach(l -> lines.add("  " + l));
        return lines;
    }

    private static String c(double celsius) {
        return Double.isNaN(celsius) ? "none" : String.format(Locale.ROOT, "%.0f °C", celsius);
    }

    private static String rate(double rate) {
        return Double.isNaN(rate) ? "none" : String.format(Locale.ROOT, "%.2f °C/s", rate);
    }
}
