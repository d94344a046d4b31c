/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.benchwright.driver.api.Station;
import org.benchwright.driver.api.StationException;
import org.benchwright.driver.api.Stations;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.gating.UnitHistory;
import org.benchwright.engine.journal.BenchKey;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.record.Records;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Job;
import org.benchwright.model.Procedure;
import org.benchwright.model.ProductClass;
import org.benchwright.model.Technician;
import org.benchwright.rules.WorkInstructions;

/**
 * One bench as both faces of the product run jobs on it, the command line and the workbench: what the bench knows
 * (its records folder, document control, the station register and its own name there, the simulator's speed), the
 * job's identity and record file, and the run itself: the station opened through the installed drivers, a simulator
 * run at the bench's speed, the runner told the unit's history and the procedure's state in document control.
 */
public final class BenchSession {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /**
     * What a bench knows.
     *
     * @param records   the records folder: every job's record, and so every unit's history
     * @param documents the document-control register: the bench's own file, or the plant store's
     * @param register  the station register (a file, or the plant store's), {@code null} when the plant keeps none
     * @param bench     this bench's name in the register, {@code null}: not checked against it
     * @param speed     how many times faster than real time a simulated station runs; 0: as fast as it computes
     * @param key       the bench's key, which signs every record it writes; {@code null}: records are not signed
     */
    public record Setup(Path records, DocumentRegister documents, StationRegister register, String bench, double speed,
            BenchKey key) {

        /** A bench that does not sign its records. */
        public Setup(Path records, DocumentRegister documents, StationRegister register, String bench, double speed) {
            this(records, documents, register, bench, speed, null);
        }
    }

    /**
     * What the plant says around a job, for a bench that shares its records (the plant store): before the gate, the
     * unit's history across every bench and what stops the job (another bench has the unit open, the store cannot be
     * reached); after the job, whatever its end, the unit released and the record sent.
     */
    public interface Plant {

        /**
         * The unit's history as the plant knows it, the refusals the gate adds to its own, and what the plant could
         * not confirm when its policy lets a job start without the store (the record keeps it).
         */
        record Before(UnitHistory history, List<Refusal> refusals, List<String> unconfirmed) {

            public Before(UnitHistory history, List<Refusal> refusals) {
                this(history, refusals, List.of());
            }
        }

        /**
         * @param record the job's record file, which the bench is about to write
         * @param local  what the bench's own records say
         */
        Before before(Job job, Path record, UnitHistory local);

        void after(Job job, Path record);
    }

    private final Setup setup;
    private final Plant plant;

    public BenchSession(Setup setup) {
        this(setup, null);
    }

    /** @param plant the plant the bench shares its records with; {@code null}: this bench's records alone */
    public BenchSession(Setup setup, Plant plant) {
        this.setup = setup;
        this.plant = plant;
    }

    public Setup setup() {
        return setup;
    }

    /**
     * A job on a unit, with an id no other job of this bench has: the unit's serial (file-name safe), the
     * procedure and the time to the millisecond.
     */
    public static Job newJob(String unit, Procedure procedure, ProductClass productClass, List<String> designators,
            LocalDateTime now) {
        Job job = BenchwrightFactory.eINSTANCE.createJob();
        job.setId(unit.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + procedure.getName() + "-" + now.format(STAMP));
        job.setUnitSerial(unit);
        job.setProductClass(productClass);
        job.setProcedure(procedure);
        job.getDesignators().addAll(designators);
        return job;
    }

    /** Where the procedure's revision stands in the bench's document control. */
    public DocumentRegister.State document(Procedure procedure, String procedureHash) throws IOException {
        return setup.documents().state(procedure.getName(), WorkInstructions.revision(procedure), procedureHash);
    }

    /** The record file a job gets in the records folder: its id, never a file that exists. */
    public Path recordOf(Job job) throws IOException {
        Files.createDirectories(setup.records());
        Path record = setup.records().resolve(job.getId() + ".jsonl");
        for (int n = 2; Files.exists(record); n++) { // a second job of the same unit in the same millisecond
            record = setup.records().resolve(job.getId() + "-" + n + ".jsonl");
        }
        return record;
    }

    /**
     * Runs {@code job} on the station {@code stationSpec} names (see {@link Stations#open}), closing it afterwards;
     * {@code opened} learns the station as soon as it is open (for a display, or an abort that needs it).
     *
     * @throws RecordNotWrittenException when the record could not be written: the job stopped, heaters off
     */
    public JobRunner.Result run(JobRunner runner, Job job, Technician technician, String procedureHash,
            String stationSpec, boolean training, Operator operator, JobListener listener, Consumer<Station> opened)
            throws IOException, StationException {
        DocumentRegister.State document = document(job.getProcedure(), procedureHash);
        Path record = recordOf(job);
        UnitHistory history = Records.history(setup.records(), job.getUnitSerial());
        List<Refusal> refusals = List.of();
        List<String> unconfirmed = List.of();
        if (plant != null) {
            Plant.Before before = plant.before(job, record, history);
            history = before.history();
            refusals = before.refusals();
            unconfirmed = before.unconfirmed();
        }
        try (Station station = Stations.open(stationSpec)) {
            station.runAt(setup.speed());
            opened.accept(station);
            StationRegister register = setup.register();
            return runner.run(job, technician, procedureHash, new JobRunner.Bench(station, station::pace),
                    new JobRunner.Context(LocalDate.now(), history, Map.of(), document, training, register,
                            register == null ? null : setup.bench(), refusals, unconfirmed),
                    operator, listener, record, file -> Journal.create(file, setup.key()));
        } finally {
            if (plant != null) {
                plant.after(job, record);
            }
        }
    }
}
