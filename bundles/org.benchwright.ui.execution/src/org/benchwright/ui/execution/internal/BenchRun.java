/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.execution.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import org.benchwright.driver.api.CompositeStation;
import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.Stations;
import org.benchwright.driver.sim.SimClock;
import org.benchwright.driver.sim.SimStation;
import org.benchwright.dsl.ProcedureSources;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.heat.HeatStepRunner;
import org.benchwright.engine.job.JobListener;
import org.benchwright.engine.job.JobRunner;
import org.benchwright.engine.job.Operator;
import org.benchwright.engine.record.Records;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.Job;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;
import org.benchwright.rules.WorkInstructions;

/**
 * One job at the bench, with no window in it: opens the station the technician picked, paces a simulated one at the
 * configured speed, gives the runner what the bench's settings know (document control, the unit's history, the
 * station register) and writes the record into the records folder. Runs on the job's own thread.
 */
final class BenchRun {

    private BenchRun() {
    }

    /**
     * Runs {@code job} on the station {@code spec} names; {@code opened} learns the station as soon as it is open (an
     * abort needs it).
     */
    static JobRunner.Result run(JobRunner runner, Job job, Technician who, Procedure procedure, String spec,
            boolean training, Operator operator, JobListener listener, Consumer<Station> opened)
            throws IOException, StationException {
        Path records = BenchSettings.records();
        Files.createDirectories(records);
        Path record = records.resolve(job.getId() + ".jsonl");
        String hash = ProcedureSources.hash(procedure);
        DocumentRegister.State document = new DocumentRegister(BenchSettings.documents()).state(procedure.getName(),
                WorkInstructions.revision(procedure), hash);
        Path register = BenchSettings.stations();
        try (Station station = Stations.open(spec)) {
            opened.accept(station);
            SimStation sim = station instanceof SimStation s ? s : station instanceof CompositeStation bench
                    ? bench.parts().stream().filter(SimStation.class::isInstance).map(SimStation.class::cast)
                            .findFirst().orElse(null)
                    : null;
            double speed = BenchSettings.speed();
            SimClock clock = sim != null && speed > 0 ? new SimClock(sim, speed) : null;
            HeatStepRunner.Pacer pacer = clock == null && sim != null ? sim::advance : BenchRun::sleep;
            try {
                return runner.run(job, who, hash, new JobRunner.Bench(station, pacer),
                        new JobRunner.Context(LocalDate.now(), Records.history(records, job.getUnitSerial()), Map.of(),
                                document, training, register == null ? null : new StationRegister(register),
                                register == null ? null : spec),
                        operator, listener, record);
            } finally {
                if (clock != null) {
                    clock.close();
                }
            }
        }
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep(Math.max(1, Math.round(seconds * 1000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
