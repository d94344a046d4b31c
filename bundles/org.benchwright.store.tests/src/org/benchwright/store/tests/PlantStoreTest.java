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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.benchwright.engine.journal.BenchKey;
import org.benchwright.engine.journal.Journal;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.store.ChainRefusedException;
import org.benchwright.store.JobTrace;
import org.benchwright.store.PlantStore;
import org.benchwright.store.SchemaTooNewException;
import org.benchwright.store.TraceQuery;
import org.benchwright.store.UnitCounts;
import org.benchwright.store.UnitLockedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plant store as benches use it, on both backends with one suite: the embedded H2 file and a real PostgreSQL
 * server started for the class.
 */
class PlantStoreTest extends BothBackends {


    /** A whole job's journal as a bench writes it: requested, started, counted, a lot, heat counted, finished. */
    private List<String> journal(String job, String unit, String lot, String technician, String bench)
            throws IOException {
        return journal(job, unit, lot, technician, bench, null);
    }

    /** A job's journal as a bench writes it, signed by {@code key} (or not: {@code null}). */
    private List<String> journal(String job, String unit, String lot, String technician, String bench, BenchKey key)
            throws IOException {
        Path file = dir.resolve(job + ".jsonl");
        try (Journal journal = Journal.create(file, key)) {
            journal.append("job.requested", Map.of("job", job, "unit", unit, "procedure", "bga-removal", "revision",
                    "1", "procedureHash", "823c712b491a", "technician", technician, "station", "sim:bga-15mm", "bench",
                    bench, "designators", List.of("U7")));
            journal.append("job.started", Map.of("unit", unit, "technician", technician));
            journal.append("unit.counted", Map.of("unit", unit, "designators", List.of("U7"), "reworkActions", 1,
                    "thermalCycles", 0, "step", "prepare/2", "why", "the part is disturbed"));
            journal.append("step.done", Map.of("step", "prepare/flux", "material", "LeadFreeNoCleanGel", "lot", lot,
                    "by", "operator"));
            journal.append("unit.counted", Map.of("unit", unit, "designators", List.of("U7"), "reworkActions", 0,
                    "thermalCycles", 1, "step", "remove/1", "why", "heat is applied"));
            journal.append("job.finished", Map.of("outcome", "completed", "pwi", 88.5, "counts", List.of(Map.of("unit",
                    unit, "designator", "U7", "reworkActions", 1, "thermalCycles", 1))));
        }
        return Files.readAllLines(file);
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void onceTheRegisterHoldsTheBenchesKeysOnlyTheirSignaturesAreTaken(String backend) throws Exception {
        BenchKey bench3 = BenchKey.generate();
        try (PlantStore store = open(location(backend))) {
            store.receiveAll("J-0", journal("J-0", "SN-1000", "LF-1", "T-001", "bench-9", BenchKey.generate()));
            assertEquals(6, store.head("J-0"), "a plant without keys in its register takes any bench's records");
            store.putStations(new StationRegister("test", List.of(), Map.of("bench-3", List.of(bench3
                    .publicKeyText()))));
            assertEquals(6, store.receiveAll("J-5", journal("J-5", "SN-1005", "LF-1", "T-001", "bench-3", bench3)));
            List<String> stranger = journal("J-6", "SN-1006", "LF-1", "T-001", "bench-3", BenchKey.generate());
            ChainRefusedException e = assertThrows(ChainRefusedException.class, () -> store.receiveAll("J-6",
                    stranger));
            assertTrue(e.getMessage().matches("entry 1 of job J-6 is signed with key [0-9a-f]{16}, which no station "
                    + "of the register has: not as a bench of the plant wrote it"), e.getMessage());
            assertEquals(0, store.head("J-6"), "none of it is taken");
            List<String> swapped = journal("J-7", "SN-1007", "LF-1", "T-001", "bench-3", bench3);
            String other = journal("J-8", "SN-1008", "LF-1", "T-001", "bench-3", bench3).get(0);
            String forged = swapped.get(0).replaceAll(",\"sig\":\"[^\"]*\"", other.replaceAll(
                    "^.*(,\"sig\":\"[^\"]*\").*$", "$1"));
            assertTrue(assertThrows(ChainRefusedException.class, () -> store.receive("J-7", forged)).getMessage()
                    .endsWith("and the signature is not that key's: not as a bench of the plant wrote it"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aJobArrivesEntryByEntryAndAResendChangesNothing(String backend) throws Exception {
        try (PlantStore store = open(location(backend))) {
            assertEquals(3, store.schemaVersion());
            List<String> lines = journal("J-1", "SN-1001", "LF-2026-0412", "T-001", "bench-3");
            for (String line : lines) {
                assertTrue(store.receive("J-1", line).stored());
            }
            for (String line : lines) {
                assertFalse(store.receive("J-1", line).stored(), "a resend is taken without effect");
            }
            assertEquals(6, store.head("J-1"));
            UnitCounts counts = store.counts("SN-1001");
            assertEquals(Map.of("U7", 1), counts.reworkActions());
            assertEquals(Map.of("U7", 1), counts.thermalCycles());
            assertEquals(1, counts.unitCycles());

            List<JobTrace> byLot = store.trace(TraceQuery.of("lot", "LF-2026-0412"));
            assertEquals(1, byLot.size());
            JobTrace job = byLot.get(0);
            assertEquals("SN-1001", job.unit());
            assertEquals("completed", job.outcome());
            assertEquals(88.5, job.pwi());
            assertEquals(List.of("LeadFreeNoCleanGel LF-2026-0412"), job.lots());
            assertEquals(6, job.entries());
            assertEquals(byLot, store.trace(TraceQuery.of("unit", "SN-1001")));
            assertEquals(byLot, store.trace(TraceQuery.of("technician", "T-001")));
            assertEquals(byLot, store.trace(TraceQuery.of("station", "bench-3")));
            assertEquals(List.of(), store.trace(TraceQuery.of("unit", "SN-1002")));

            // a job refused at the gate: no heat, so no PWI
            Path refused = dir.resolve("J-R.jsonl");
            try (Journal journal = Journal.create(refused)) {
                journal.append("job.requested", Map.of("job", "J-R", "unit", "SN-1001", "procedure", "bga-removal",
                        "technician", "T-002", "station", "sim"));
                journal.append("job.refused", Map.of("refusals", List.of(Map.of("code", "SKILL", "reason", "..."))));
            }
            for (String line : Files.readAllLines(refused)) {
                store.receive("J-R", line);
            }
            JobTrace gate = store.trace(TraceQuery.of("technician", "T-002")).get(0);
            assertEquals("refused", gate.outcome());
            assertTrue(Double.isNaN(gate.pwi()), "PWI " + gate.pwi());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void anEditedForkedOrOutOfOrderEntryIsRefusedAndTheStoreKeepsWhatItHad(String backend) throws Exception {
        try (PlantStore store = open(location(backend))) {
            List<String> lines = journal("J-2", "SN-2", "LF-1", "T-001", "bench-1");
            ChainRefusedException early = assertThrows(ChainRefusedException.class,
                    () -> store.receive("J-2", lines.get(1)));
            assertEquals("entry 2 of job J-2 arrived before entry 1: entries are taken in order", early.getMessage());
            for (String line : lines.subList(0, 4)) {
                store.receive("J-2", line);
            }
            // the lot edited in place: its hash no longer matches
            String edited = lines.get(3).replace("LF-1", "LF-9");
            assertTrue(assertThrows(ChainRefusedException.class, () -> store.receive("J-2", edited)).getMessage()
                    .endsWith("does not match its hash: it was changed after it was written"));
            // the same journal rewritten from entry 4 on, hashes recomputed: a fork of what the store holds
            List<String> forked = journal("J-2x", "SN-2", "LF-9", "T-001", "bench-1");
            ChainRefusedException fork = assertThrows(ChainRefusedException.class,
                    () -> store.receive("J-2", forked.get(4)));
            assertEquals("entry 5 of job J-2 does not follow entry 4 as the store holds it: the bench's journal "
                    + "forked or was edited", fork.getMessage());
            assertTrue(assertThrows(ChainRefusedException.class, () -> store.receive("J-2", forked.get(3)))
                    .getMessage().startsWith("entry 4 of job J-2 differs from the one the store holds"));
            assertEquals(4, store.head("J-2"));
            assertEquals(List.of("LeadFreeNoCleanGel LF-1"), store.trace(TraceQuery.of("unit", "SN-2")).get(0).lots());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void benchesOpeningJobsOnOneUnitAtOnceLeaveExactlyOneWinner(String backend) throws Exception {
        try (PlantStore store = open(location(backend))) {
            int benches = 8;
            ExecutorService pool = Executors.newFixedThreadPool(benches);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> tries = new ArrayList<>();
            for (int i = 1; i <= benches; i++) {
                String job = "J-" + i;
                tries.add(pool.submit(() -> {
                    go.await();
                    try {
                        store.lockUnit("SN-7", job, "bench-" + job);
                        return "won";
                    } catch (UnitLockedException e) {
                        return e.getMessage();
                    }
                }));
            }
            go.countDown();
            List<String> said = new ArrayList<>();
            for (Future<String> f : tries) {
                said.add(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertEquals(1, Collections.frequency(said, "won"), said.toString());
            String winner = store.lockOf("SN-7").orElseThrow().job();
            said.stream().filter(s -> !s.equals("won")).forEach(s -> assertTrue(
                    s.startsWith("unit SN-7 has an open job already: " + winner + " at bench-" + winner), s));
            store.lockUnit("SN-7", winner, "bench-" + winner); // asking again for the same job is no error
            store.releaseUnit("SN-7", "J-none");
            assertEquals(winner, store.lockOf("SN-7").orElseThrow().job(), "only the holder releases");
            store.releaseUnit("SN-7", winner);
            store.lockUnit("SN-7", "J-next", "bench-1");
            // a bench that stopped before releasing: once its job's record has ended in the store, the lock is stale
            store.receiveAll("J-next", journal("J-next", "SN-7", "LF-7", "T-001", "bench-1"));
            store.lockUnit("SN-7", "J-after", "bench-2");
            assertEquals("J-after", store.lockOf("SN-7").orElseThrow().job());
        }
    }

    @Test
    void benchesInSeparateProcessesOpeningJobsOnOneUnitLeaveExactlyOneWinner() throws Exception {
        // a plant's benches are separate machines on one PostgreSQL server; the embedded store serves one bench
        String location = location("postgresql");
        open(location).close(); // created, as the plant's first bench does
        List<String> said = Bench.race(location, List.of(List.of("lock", "SN-8", "J-1"), List.of("lock", "SN-8", "J-2"),
                List.of("lock", "SN-8", "J-3"), List.of("lock", "SN-8", "J-4")));
        assertEquals(1, Collections.frequency(said, "won"), said.toString());
        try (PlantStore store = open(location)) {
            String winner = store.lockOf("SN-8").orElseThrow().job();
            said.stream().filter(s -> !s.equals("won")).forEach(s -> assertTrue(
                    s.startsWith("unit SN-8 has an open job already: " + winner), s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aRecordChangedInTheDatabaseItselfReadsAsBroken(String backend) throws Exception {
        String location = location(backend);
        try (PlantStore store = open(location)) {
            store.receiveAll("J-6", journal("J-6", "SN-6", "LF-6", "T-001", "bench-1"));
            assertEquals("intact, 6 entries", store.record("J-6").orElseThrow().describe());
            assertEquals(java.util.Optional.empty(), store.record("J-none"));
        }
        // someone with the database's password rewrites the lot of entry 4
        execute(postgres, backend, location, "UPDATE entries SET line = REPLACE(line, 'LF-6', 'LF-7') WHERE seq = 4");
        try (PlantStore store = open(location)) {
            assertEquals("BROKEN: entry 4: an entry of job J-6 does not match its hash: it was changed after it was "
                    + "written", store.record("J-6").orElseThrow().describe());
        }
    }

    @Test
    void aLockWhoseBenchProcessDiedOnThisMachineIsTakenOverAndALiveOneHolds() throws Exception {
        String location = location("postgresql");
        open(location).close();
        // a bench process takes the unit and is killed without releasing it, its job's record never ended
        Process killed = Bench.start(location, "lock", "SN-K", "J-killed");
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(killed.getInputStream()));
        assertEquals("ready", out.readLine());
        killed.getOutputStream().write('\n');
        killed.getOutputStream().flush();
        assertEquals("won", out.readLine());
        assertEquals("done", out.readLine());
        try (PlantStore store = open(location)) {
            assertThrows(UnitLockedException.class, () -> store.lockUnit("SN-K", "J-early", "bench-1"),
                    "a bench process that runs holds its unit");
        }
        killed.destroyForcibly(); // SIGKILL, as a crash or a pulled plug ends it
        assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
        try (PlantStore store = open(location)) {
            assertEquals("J-killed", store.lockOf("SN-K").orElseThrow().job());
            // the same machine's next job on the unit: the holder is gone, so the lock is stale
            store.lockUnit("SN-K", "J-next", "bench-1");
            assertEquals("J-next", store.lockOf("SN-K").orElseThrow().job());
            // a holder that runs (this process, another job) holds
            UnitLockedException e = assertThrows(UnitLockedException.class,
                    () -> store.lockUnit("SN-K", "J-third", "bench-1"));
            assertTrue(e.getMessage().startsWith("unit SN-K has an open job already: J-next"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void twoSendersOfOneJobAtOnceStoreEachEntryOnce(String backend) throws Exception {
        try (PlantStore store = open(location(backend))) {
            List<String> lines = journal("J-3", "SN-3", "LF-3", "T-001", "bench-1");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> senders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                senders.add(pool.submit(() -> {
                    go.await();
                    int stored = 0;
                    for (String line : lines) {
                        while (true) {
                            try {
                                stored += store.receive("J-3", line).stored() ? 1 : 0;
                                break;
                            } catch (ChainRefusedException e) {
                                // the other sender is behind: its entry before this one is not there yet
                                assertTrue(e.getMessage().contains("arrived before"), e.getMessage());
                                Thread.onSpinWait();
                            }
                        }
                    }
                    return stored;
                }));
            }
            go.countDown();
            int stored = 0;
            for (Future<Integer> f : senders) {
                stored += f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(lines.size(), stored, "every entry stored once, whichever sender brought it");
            assertEquals(6, store.head("J-3"));
            assertEquals(1, store.counts("SN-3").reworkActions().get("U7"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aStoreALaterProgramWroteIsRefusedWithBothVersionsAndOneReopensAsItWas(String backend) throws Exception {
        String location = location(backend);
        try (PlantStore store = open(location)) {
            store.receiveAll("J-4", journal("J-4", "SN-4", "LF-4", "T-001", "bench-1"));
        }
        try (PlantStore again = open(location)) {
            assertEquals(6, again.head("J-4"), "what was stored is there after reopening");
        }
        // a later program's schema
        try (PlantStore store = open(location)) {
            execute(postgres, backend, location, "INSERT INTO bw_schema (version) VALUES (4)");
        }
        SchemaTooNewException e = assertThrows(SchemaTooNewException.class, () -> open(location));
        assertEquals(location + " has schema version 4, newer than the 3 this program knows: update Benchwright on "
                + "this bench before it uses this store", e.getMessage());
    }

    /** Runs SQL on the store's database directly, as a later program or an older one would have left it. */
    static void execute(PostgresServer postgres, String backend, String location, String sql) throws Exception {
        if (backend.equals("h2")) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + Path.of(location.substring(3)).toAbsolutePath().resolve("store")
                    + ";AUTO_SERVER=TRUE");
            h2.setUser("benchwright");
            try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        } else {
            try (Connection c = postgres.dataSource(location.substring(location.lastIndexOf('/') + 1))
                    .getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
