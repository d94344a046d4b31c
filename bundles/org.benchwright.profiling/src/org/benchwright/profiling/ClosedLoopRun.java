/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.profiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.benchwright.driver.sim.SimStation;
import org.benchwright.driver.sim.ThermalParameters;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.heat.HeatStepRunner.Limits;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.stats.ProcessWindow;
import org.benchwright.model.ThermalProfile;

/**
 * A profile run closed loop by the engine's own heat step on a board of given thermal parameters: a prediction when
 * the parameters are fitted ones, a trial run when they are a simulated board's. The run's record goes to a scratch
 * file that is read back and deleted.
 *
 * @param run       the step as its record keeps it
 * @param result    how the engine judged it
 * @param judgement against the windows of the profile that sets the specification (which a developed profile's own
 *                  narrower aims do not change); {@code null} unless the step completed
 */
public record ClosedLoopRun(HeatRun run, HeatStepRunner.Result result, ProcessWindow.Judgement judgement) {

    /** Whether the run completed inside every window with a PWI of at most {@code pwi} and no interlock. */
    public boolean good(double pwi) {
        return result.completed() && judgement != null && judgement.pwi() <= pwi;
    }

    /** The hottest the package got, °C. */
    public double packagePeak() {
        return run.peak("package");
    }

    /**
     * Runs {@code profile} on a simulated board.
     *
     * @param specification the profile whose windows judge the run (the library's, for a developed profile)
     * @param seed          the sensors' noise and offsets
     */
    public static ClosedLoopRun of(ThermalProfile profile, ThermalProfile specification, ThermalParameters board,
            Limits limits, long seed) {
        return run(profile, specification, new SimStation(board, seed), limits);
    }

    /**
     * Predicts {@code profile}'s run on a board learned from records: as {@link #of}, on a station whose thermocouples
     * read what the model's temperatures are (the fit took the real ones' offsets in already).
     */
    public static ClosedLoopRun predict(ThermalProfile profile, ThermalProfile specification, ThermalParameters board,
            Limits limits, long seed) {
        return run(profile, specification, SimStation.model(board, seed), limits);
    }

    private static ClosedLoopRun run(ThermalProfile profile, ThermalProfile specification, SimStation simulated,
            Limits limits) {
        try {
            Path scratch = Files.createTempFile("benchwright-profile", ".jsonl");
            Files.delete(scratch);
            try (SimStation station = simulated) {
                station.runAt(0);
                HeatStepRunner.Result result;
                try (Journal journal = Journal.create(scratch, (channel, bytes) -> {
                    while (bytes.hasRemaining()) {
                        channel.write(bytes); // a prediction's scratch record: nothing to keep through a crash
                    }
                })) {
                    result = new HeatStepRunner(station, profile, limits, journal, "heat").run(station::pace);
                }
                List<HeatRun> runs = HeatRun.read(scratch);
                ProcessWindow.Judgement judgement = result.completed()
                        ? ProcessWindow.judge(result.figures(), specification)
                        : null;
                return new ClosedLoopRun(runs.get(0), result, judgement);
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a simulated run could not keep its scratch record", e);
        }
    }
}
