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
import org.benchwright.driver.api.ChannelRole;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.Stations;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.heat.HeatStepRunner.Result;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.stats.ProcessWindow.Judged;
import org.benchwright.model.Alloy;
import org.benchwright.model.Library;
import org.benchwright.model.NamedElement;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.ThermalProfile;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * {@code simulate}: runs a thermal profile of a library closed loop on the simulated station and prints how the
 * joint followed it (figures, each judged against its window, and the PWI), what the interlocks said, how long
 * each control decision took and how much faster than real time the bench ran.
 */
public final class SimulateCommand implements Command {

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String usage() {
        return "--profile <name> [--scenario chip-0603|bga-15mm|bga-35mm] [--station sim:<settings>] [--tc <°C>] "
                + "<files or folders>...";
    }

    @Override
    public String summary() {
        return "run a profile on the simulated station: figures, PWI, interlocks, control latency";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        String name;
        String station;
        double tc;
        try {
            name = Arguments.take(args, "--profile", null);
            String scenario = Arguments.take(args, "--scenario", "bga-15mm");
            // sim:fault=open-tc@200C and the like: the interlocks of a trainer's or an acceptance test's choosing
            station = Arguments.take(args, "--station", "sim:scenario=" + scenario + ",seed=1");
            tc = Arguments.number(args, "--tc", 260);
        } catch (IllegalArgumentException e) {
            err.println("benchwright simulate: " + e.getMessage());
            return UNUSABLE;
        }
        if (name == null || args.isEmpty()) {
            err.println("usage: benchwright simulate " + usage());
            return UNUSABLE;
        }
        List<Path> files = LanguageFiles.collect(args, err);
        if (files == null) {
            return UNUSABLE;
        }
        try {
            ThermalProfile profile = find(files, name);
            if (profile == null) {
                err.println("benchwright simulate: no profile named '" + name + "' in " + String.join(", ", args));
                return UNUSABLE;
            }
            return simulate(profile, station, tc, out);
        } catch (IOException | StationException | IllegalArgumentException e) {
            err.println("benchwright simulate: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static int simulate(ThermalProfile profile, String stationSpec, double tc, PrintStream out)
            throws IOException, StationException {
        Alloy alloy = profile.getAlloy();
        ReflowSegment reflow = (ReflowSegment) profile.getSegments().stream().filter(ReflowSegment.class::isInstance)
                .findFirst().orElse(null);
        double ceiling = reflow == null ? 300 : reflow.getPeak().getMax().celsius() + 10;
        Limits limits = new Limits(ceiling, tc, alloy.getLiquidus().celsius(), alloy.getSolidus().celsius() - 30);
        try (Station station = Stations.open(stationSpec)) {
            if (!station.simulated()) {
                throw new IllegalArgumentException("--station " + stationSpec + " is not a simulated station; run a "
                        + "profile on real equipment with benchwright run");
            }
            station.runAt(0); // as fast as it computes
            return simulate(profile, station, limits, out);
        }
    }

    private static int simulate(ThermalProfile profile, Station station, Limits limits, PrintStream out)
            throws IOException {
        Path record = Files.createTempFile("benchwright-simulate", ".jsonl");
        Files.delete(record);
        long wall = System.nanoTime();
        HeatStepRunner runner;
        Result result;
        try (Journal journal = Journal.create(record)) {
            runner = new HeatStepRunner(station, profile, limits, journal, "simulate/" + profile.getName());
            result = runner.run(station::pace);
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        out.printf(Locale.ROOT, "profile %s on %s: %s%n", profile.getName(), station.id(),
                result.completed() ? "completed" : "FAILED: " + result.fault());
        if (result.completed()) {
            for (Judged j : result.judgement().statistics()) {
                out.printf(Locale.ROOT, "  %-20s %8.2f %-5s window %.1f .. %.1f   index %5.1f%s%n", j.statistic(),
                        j.measured(), j.unit(), j.min(), j.max(), j.index(), j.inside() ? "" : "  OUTSIDE");
            }
            out.printf(Locale.ROOT, "  Process Window Index %.1f (%s)%n", result.judgement().pwi(),
                    result.judgement().inside() ? "inside the window" : "out of specification");
        }
        List<Long> latencies = new ArrayList<>(runner.latencies());
        latencies.sort(null);
        if (!latencies.isEmpty()) {
            double median = latencies.get(latencies.size() / 2) / 1e3;
            double p99 = latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(latencies.size() * 0.99))) / 1e3;
            double period = station.channel(ChannelRole.JOINT).samplePeriod() * 1e6;
            out.printf(Locale.ROOT, "control latency, sample in to setpoint out: median %.1f µs, p99 %.1f µs over %d "
                    + "decisions (p99 = %.3f %% of the %.0f ms sample period)%n", median, p99, latencies.size(),
                    100 * p99 / period, period / 1e3);
        }
        out.printf(Locale.ROOT, "simulated %.0f s in %.2f s of wall time: %.0f times real time%n", station.now(),
                seconds, station.now() / seconds);
        out.println("record: " + record);
        return result.completed() && result.judgement().inside() ? OK : FINDINGS;
    }

    static ThermalProfile find(List<Path> files, String name) throws IOException {
        ValidateCommand.Checked checked = ValidateCommand.check(files);
        long errors = checked.report().values().stream().flatMap(List::stream).filter(d -> d.severity().equals("error"))
                .count();
        if (errors > 0) {
            throw new IOException("the library has " + errors + " error(s); run benchwright validate");
        }
        for (Resource resource : checked.resources()) {
            for (EObject root : resource.getContents()) {
                if (root instanceof Library library) {
                    for (NamedElement element : library.getElements()) {
                        if (element instanceof ThermalProfile p && p.getName().equals(name)) {
                            return p;
                        }
                    }
                }
            }
        }
        return null;
    }
}
