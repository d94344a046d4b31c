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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.documents.DocumentRegister.Status;
import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.Technician;
import org.benchwright.store.PlantStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registers in the plant store, on both backends: document control shared by a desk and a bench, approvals that
 * race, people and stations brought in from a bench's files, and a store an older program left, migrated.
 */
class RegistersTest extends BothBackends {

    private static final Path EXAMPLES = Path.of("../../releng/examples");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);


    /** A Certified Standards Expert, valid through 2027. */
    static Technician cse(String id) {
        Technician t = BenchwrightFactory.eINSTANCE.createTechnician();
        t.setId(id);
        t.setFullName("Expert " + id);
        t.setSkill(SkillLevel.EXPERT);
        Certification c = BenchwrightFactory.eINSTANCE.createCertification();
        c.setLevel(CertificationLevel.CSE);
        c.setNumber("CSE-" + id);
        c.getModules().add(1);
        c.setIssued(LocalDate.of(2025, 1, 1));
        c.setExpires(LocalDate.of(2027, 12, 31));
        t.getCertifications().add(c);
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void anApprovalGivenAtTheDeskIsKnownAtTheBench(String backend) throws Exception {
        String location = location(backend);
        try (PlantStore desk = open(location); PlantStore bench = open(location)) {
            DocumentRegister atDesk = new DocumentRegister(desk.documents());
            DocumentRegister atBench = new DocumentRegister(bench.documents());
            assertEquals(Status.DRAFT, atBench.state("bga-removal", "2", "h-2").status());
            atDesk.submit("bga-removal", "2", "h-2", "T-001");
            assertEquals(Status.IN_REVIEW, atBench.state("bga-removal", "2", "h-2").status());
            atDesk.approve("bga-removal", "2", "h-2", cse("T-004"), DAY);
            DocumentRegister.State state = atBench.state("bga-removal", "2", "h-2");
            assertEquals(Status.APPROVED, state.status(), state.why());
            assertTrue(state.why().startsWith("approved by T-004 (CSE-T-004) on "), state.why());
            assertEquals(Status.DRAFT, atBench.state("bga-removal", "2", "h-edited").status(),
                    "the approval fixes the content: an edited text is not approved");
            atDesk.withdraw("bga-removal", "2", "T-004", "superseded by ECO-17");
            assertEquals(Status.OBSOLETE, atBench.state("bga-removal", "2", "h-2").status());
            assertTrue(atBench.where().startsWith("the plant store " + location), atBench.where());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void twoApprovalsOfOneRevisionAtOnceLeaveExactlyOne(String backend) throws Exception {
        String location = location(backend);
        int approvers = 4;
        CyclicBarrier go = new CyclicBarrier(approvers);
        ExecutorService pool = Executors.newFixedThreadPool(approvers);
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        try (PlantStore store = open(location)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= approvers; i++) {
                String id = "T-10" + i;
                done.add(pool.submit((Callable<Void>) () -> {
                    DocumentRegister register = new DocumentRegister(store.documents());
                    go.await(30, TimeUnit.SECONDS);
                    try {
                        register.approve("bga-removal", "2", "h-2", cse(id), DAY);
                        said.add("won");
                    } catch (IllegalArgumentException e) {
                        said.add(e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(1, Collections.frequency(said, "won"), said.toString());
            List<DocumentRegister.Approval> history = new DocumentRegister(store.documents()).history("bga-removal");
            assertEquals(1, history.size(), history.toString());
            String winner = history.get(0).approver();
            said.stream().filter(s -> !s.equals("won")).forEach(s -> assertTrue(s.startsWith(
                    "bga-removal revision 2 is approved already: approved by " + winner + " (CSE-" + winner + ")"), s));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void approvalsFromSeparateProcessesLeaveExactlyOne() throws Exception {
        String location = location("postgresql");
        open(location).close();
        List<String> said = Bench.race(location, List.of(List.of("approve", "bga-removal", "T-201"),
                List.of("approve", "bga-removal", "T-202"), List.of("approve", "bga-removal", "T-203"),
                List.of("approve", "bga-removal", "T-204")));
        assertEquals(1, Collections.frequency(said, "won"), said.toString());
        try (PlantStore store = open(location)) {
            List<DocumentRegister.Approval> history = new DocumentRegister(store.documents()).history("bga-removal");
            assertEquals(1, history.size(), history.toString());
            String winner = history.get(0).approver();
            said.stream().filter(s -> !s.equals("won"))
                    .forEach(s -> assertTrue(s.contains("is approved already: approved by " + winner), s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void twoImportsOfABenchsRegistersAtOnceStoreEachEntryOnce(String backend) throws Exception {
        String location = location(backend);
        Path file = dir.resolve("documents.jsonl");
        DocumentRegister own = new DocumentRegister(file);
        own.submit("bga-removal", "1", "h-1", "T-001");
        own.approve("bga-removal", "1", "h-1", cse("T-004"), DAY);
        own.submit("qfp-replacement", "3", "h-3", "T-002");
        Path personnel = EXAMPLES.resolve("personnel.xmi");
        Path stations = EXAMPLES.resolve("stations.properties");
        CyclicBarrier go = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (PlantStore one = open(location); PlantStore two = open(location)) {
            List<Future<Integer>> imports = new ArrayList<>();
            for (PlantStore store : List.of(one, two)) {
                imports.add(pool.submit(() -> {
                    go.await(30, TimeUnit.SECONDS);
                    int added = store.importDocuments(file);
                    store.putPeople(new FilePersonnelRegistry(personnel).technicians());
                    store.putStations(new StationRegister(stations));
                    return added;
                }));
            }
            int added = 0;
            for (Future<Integer> f : imports) {
                added += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(3, added, "each of the file's 3 entries is new to the store once");
            assertEquals(0, one.importDocuments(file), "a third import adds nothing");
            DocumentRegister shared = new DocumentRegister(two.documents());
            assertEquals(Status.APPROVED, shared.state("bga-removal", "1", "h-1").status());
            assertEquals(Status.IN_REVIEW, shared.state("qfp-replacement", "3", "h-3").status());

            List<Technician> file4 = new FilePersonnelRegistry(personnel).technicians();
            List<Technician> stored = one.people().technicians();
            assertEquals(file4.stream().map(Technician::getId).toList(), stored.stream().map(Technician::getId).toList());
            Technician t = one.people().technician("T-004").orElseThrow();
            Technician expected = file4.stream().filter(x -> x.getId().equals("T-004")).findFirst().orElseThrow();
            assertEquals(expected.getFullName(), t.getFullName());
            assertEquals(expected.getCertifications().get(0).getExpires(), t.getCertifications().get(0).getExpires());
            assertEquals(expected.getCertifications().get(0).getModules(), t.getCertifications().get(0).getModules());

            StationRegister register = one.stations().orElseThrow();
            StationRegister fromFile = new StationRegister(stations);
            assertEquals(fromFile.stations(), register.stations());
            for (String s : fromFile.stations()) {
                assertEquals(fromFile.equipment(s), register.equipment(s));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aRegisterFileEditedAfterItWasWrittenIsNotImported(String backend) throws Exception {
        Path file = dir.resolve("documents.jsonl");
        DocumentRegister own = new DocumentRegister(file);
        own.approve("bga-removal", "1", "h-1", cse("T-004"), DAY);
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("T-004", "T-009"));
        try (PlantStore store = open(location(backend))) {
            java.io.IOException e = assertThrows(java.io.IOException.class, () -> store.importDocuments(file));
            assertTrue(e.getMessage().startsWith(file + ": the document register was changed after it was written"),
                    e.getMessage());
            assertEquals(List.of(), new DocumentRegister(store.documents()).history("bga-removal"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aStoreAnOlderProgramLeftIsMigratedWithWhatItHeld(String backend) throws Exception {
        String location = location(backend);
        try (PlantStore store = open(location)) {
            store.lockUnit("SN-9", "J-9", "bench-1");
        }
        // what the first program left: schema version 1, without the registers' tables nor the accounts'
        for (String sql : List.of("DROP TABLE bench_keys", "DROP TABLE record_signatures", "DROP TABLE sessions", "DROP TABLE account_events",
                "DROP TABLE account_keys", "DROP TABLE accounts", "DELETE FROM databasechangelog WHERE id = '3'",
                "DROP TABLE equipment", "DROP TABLE certifications", "DROP TABLE people",
                "DROP TABLE document_entries", "DROP TABLE documents", "DROP TABLE unit_lock_releases", "ALTER TABLE unit_locks DROP COLUMN holder", "ALTER TABLE entries DROP COLUMN received",
                "DELETE FROM databasechangelog WHERE id = '2'",
                "UPDATE bw_schema SET version = 1")) {
            PlantStoreTest.execute(postgres, backend, location, sql);
        }
        try (PlantStore store = open(location)) {
            assertEquals(3, store.schemaVersion());
            assertEquals("J-9", store.lockOf("SN-9").orElseThrow().job(), "what the store held is kept");
            store.putPeople(List.of(cse("T-004")));
            assertEquals("Expert T-004", store.people().technician("T-004").orElseThrow().getFullName());
        }
    }
}
