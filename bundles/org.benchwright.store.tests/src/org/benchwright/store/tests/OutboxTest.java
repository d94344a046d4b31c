/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.benchwright.engine.journal.Journal;
import org.benchwright.store.Outbox;
import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.benchwright.store.TraceQuery;
import org.benchwright.store.bench.OutboxPump;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bench's records reaching the plant store through its outbox, with the store going away and coming back. */
class OutboxTest {

    private static PostgresServer postgres;

    @TempDir
    Path records;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.shared();
    }

    /** A job's journal of {@code entries} entries after its request, in the records folder. */
    private Path record(String job, String unit, int entries) throws Exception {
        Path file = records.resolve(job + ".jsonl");
        try (Journal journal = Journal.create(file)) {
            journal.append("job.requested", Map.of("job", job, "unit", unit, "procedure", "bga-removal", "revision",
                    "1", "procedureHash", "h", "technician", "T-001", "station", "sim", "designators", List.of("U7")));
            for (int i = 0; i < entries; i++) {
                journal.append("telemetry", Map.of("step", "remove/1", "channel", "joint", "samples",
                        List.of(List.of(i, 25 + i))));
            }
        }
        return file;
    }

    @Test
    void aStoreThatGoesDownCostsNothingAndTheOutboxDrainsWhenItReturns() throws Exception {
        try (PlantStore store = PlantStores.open(postgres.newDatabase(), PostgresServer.CREDENTIALS)) {
            Outbox outbox = new Outbox(store, records);
            record("J-1", "SN-1", 9);
            assertEquals(10, outbox.drain(null).sent());

            record("J-2", "SN-2", 19);
            // the job goes on with the store down: its entries wait, counted
            postgres.stop();
            Outbox.Pass offline;
            try {
                offline = outbox.drain(null);
            } finally {
                postgres.startAgain();
            }
            assertFalse(offline.online());
            assertEquals(20, offline.waiting());
            assertTrue(offline.describe().startsWith("plant store offline: 20 entries waiting"), offline.describe());

            Outbox.Pass back = outbox.drain(null);
            assertTrue(back.online(), back.describe());
            assertEquals(20, back.sent());
            assertEquals(0, back.waiting());
            assertEquals("plant store up to date", outbox.drain(null).describe());
            assertEquals(10, store.head("J-1"));
            assertEquals(20, store.head("J-2"));
        }
    }

    @Test
    void aRunningJobFollowsToTheStoreAndItsEntriesDrainByThemselvesWhenTheStoreReturns() throws Exception {
        try (PlantStore store = PlantStores.open(postgres.newDatabase(), PostgresServer.CREDENTIALS)) {
            Path file = records.resolve("J-P.jsonl");
            BlockingQueue<Outbox.Pass> passes = new LinkedBlockingQueue<>();
            try (Journal journal = Journal.create(file);
                    OutboxPump pump = new OutboxPump(new Outbox(store, records), file, passes::add).start()) {
                journal.append("job.requested", Map.of("job", "J-P", "unit", "SN-P", "procedure", "bga-removal",
                        "revision", "1", "procedureHash", "h", "technician", "T-001", "station", "sim"));
                for (int i = 0; i < 5; i++) {
                    journal.append("telemetry", Map.of("channel", "joint", "samples", List.of(List.of(i, 25 + i))));
                }
                // nobody asks: the entries follow the job to the store
                until(() -> store.head("J-P") == 6, "the store to hold the job's 6 entries");

                postgres.stop();
                Outbox.Pass offline;
                try {
                    for (int i = 5; i < 8; i++) {
                        journal.append("telemetry", Map.of("channel", "joint", "samples", List.of(List.of(i, 25 + i))));
                    }
                    pump.nudge();
                    offline = next(passes, p -> !p.online() && p.waiting() == 3);
                } finally {
                    postgres.startAgain();
                }
                assertTrue(offline.describe().startsWith("plant store offline: 3 entries waiting ("), offline.describe());
                // the store is back: the pump drains by itself, in its own time
                Outbox.Pass back = next(passes, Outbox.Pass::online);
                assertEquals("plant store up to date: 3 entries sent", back.describe());
                assertEquals(9, store.head("J-P"));
            }
        }
    }

    @Test
    void aJobsRecordNotBegunYetIsNothingToSendNotAnError() throws Exception {
        try (PlantStore store = PlantStores.open("h2:" + records.resolve("store"), PostgresServer.CREDENTIALS)) {
            Outbox.Pass pass = new Outbox(store, records).drain(records.resolve("J-not-yet.jsonl"));
            assertEquals("plant store up to date", pass.describe());
        }
    }

    /** The first pass the pump reports that {@code wanted} accepts (a minute at most: a pass comes every second). */
    private static Outbox.Pass next(BlockingQueue<Outbox.Pass> passes, java.util.function.Predicate<Outbox.Pass> wanted)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (Outbox.Pass p; (p = passes.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS)) != null;) {
            if (wanted.test(p)) {
                return p;
            }
        }
        throw new AssertionError("no such pass within a minute");
    }

    /** Waits for a condition the store will meet (a minute at most). */
    private static void until(java.util.concurrent.Callable<Boolean> met, String what) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!met.call()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited a minute for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aRecordEditedAfterItWasSentIsReportedAndTheStoreKeepsItsCopy() throws Exception {
        try (PlantStore store = PlantStores.open("h2:" + records.resolve("store"), PostgresServer.CREDENTIALS)) {
            Outbox outbox = new Outbox(store, records);
            Path file = record("J-3", "SN-3", 4);
            outbox.drain(null);
            // the file rewritten with a new last entry in place of the old one: a fork of what the store holds
            List<String> lines = Files.readAllLines(file);
            Files.write(file, lines.subList(0, 3));
            try (Journal journal = Journal.resume(file)) {
                journal.append("telemetry", Map.of("step", "remove/1", "channel", "joint", "samples",
                        List.of(List.of(9, 999))));
            }
            Outbox fresh = new Outbox(store, records);
            Outbox.Pass pass = fresh.drain(null);
            assertEquals(Map.of("J-3.jsonl", "the store holds 5 entries of job J-3, the record here 4: it was cut or "
                    + "rewritten after it was sent"), pass.refused());
            try (Journal journal = Journal.resume(file)) {
                journal.append("job.finished", Map.of("outcome", "completed"));
            }
            pass = fresh.drain(null);
            assertTrue(pass.refused().get("J-3.jsonl").startsWith("entry 5 of job J-3 differs from the one the store "
                    + "holds"), pass.toString());
            assertEquals(5, store.head("J-3"));
            assertEquals("interrupted", store.trace(TraceQuery.of("unit", "SN-3")).get(0).outcome());
        }
    }

    @Test
    void anEntryStillBeingWrittenWaitsForItsNewline() throws Exception {
        try (PlantStore store = PlantStores.open("h2:" + records.resolve("store"), PostgresServer.CREDENTIALS)) {
            Path file = record("J-4", "SN-4", 2);
            String text = Files.readString(file);
            Files.writeString(file, text.substring(0, text.length() - 20)); // the writer died mid-line
            Outbox.Pass pass = new Outbox(store, records).drain(null);
            assertEquals(2, pass.sent());
            assertEquals(2, store.head("J-4"));
        }
    }
}
