/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.engine.record.Records;
import org.benchwright.model.Outcome;
import org.junit.jupiter.api.Test;
/**
 * The command line with the plant store: records sent to it and traced back, counts across benches, document control
 * and people shared by desks and benches, units released, a store that cannot be reached.
 */
class PlantStoreCommandsTest extends CommandLineTest {

    @Test
    void aBenchsRecordsGoToThePlantStoreAndTraceFindsTheUnitTheLotAndTheTechnician() throws IOException {
        approve("bga-removal");
        String answers = EXAMPLES.resolve("bga-removal.answers").toString();
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-T1", "--technician", "T-001", "--designators",
                "U7", "--answers", answers), out() + err());
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-T2", "--technician", "T-001", "--designators",
                "U7", "--answers", answers), out() + err());
        String store = "h2:" + dir.resolve("store");
        String records = dir.resolve("records").toString();

        assertEquals(0, cli("store", "status", "--store", store, "--records", records), err());
        assertTrue(out().contains("plant store " + store + ", schema version 3"), out());
        assertTrue(out().matches("(?s).*\\n[1-9][0-9]* entries of " + records + " wait to be sent.*"), out());
        assertEquals(0, cli("store", "import", "--store", store, "--records", records), err());
        assertTrue(out().matches("(?s)plant store up to date: [1-9][0-9]* entries sent\\s*"), out());
        assertEquals(0, cli("store", "import", "--store", store, "--records", records), err());
        assertEquals("plant store up to date", out().strip(), "a second import sends nothing");

        assertEquals(0, cli("trace", "lot", "LF-2026-0412", "--store", store));
        assertTrue(out().startsWith("2 job(s) in " + store + " for lot LF-2026-0412"), out());
        assertTrue(out().contains("unit SN-T1  bga-removal rev 1") && out().contains("unit SN-T2"), out());
        assertTrue(out().contains("by T-001 at sim:bga-15mm  COMPLETED  PWI"), out());
        assertTrue(out().contains("    lot LeadFreeNoCleanGel LF-2026-0412"), out());
        assertTrue(out().matches("(?s).*\\n    record intact, [1-9][0-9]* entries\\n.*"), out());
        assertEquals(0, cli("trace", "unit", "SN-T2", "--store", store, "--format", "csv"));
        List<String> csv = out().lines().toList();
        assertEquals(2, csv.size(), out());
        assertTrue(csv.get(1).contains(",SN-T2,bga-removal,1,")
                && csv.get(1).matches(".*,LeadFreeNoCleanGel LF-2026-0412,\"intact, [1-9][0-9]* entries\""), csv.get(1));
        assertEquals(0, cli("trace", "technician", "T-001", "--store", store, "--format", "json"));
        assertTrue(out().contains("\"outcome\": \"completed\"") && out().contains("\"unit\": \"SN-T1\""), out());
        assertEquals(2, cli("trace", "serial", "SN-T2", "--store", store));
        assertTrue(err().contains("trace takes unit, lot, technician or station, not 'serial'"), err());
        assertEquals(2, cli("trace", "unit", "SN-T2", "--store", "mysql://plant/db"));
        assertTrue(err().contains("'mysql://plant/db' is not a plant store: give h2:<folder> or "
                + "postgresql://host[:port]/database"), err());
    }

    @Test
    void aUnitReworkedAtOneBenchCountsAtAnotherThroughThePlantStore() throws IOException {
        approve("bga-removal");
        String answers = EXAMPLES.resolve("bga-removal.answers").toString();
        String store = "h2:" + dir.resolve("plant");
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-P1", "--technician", "T-001", "--designators",
                "U7", "--answers", answers, "--store", store), out() + err());
        assertTrue(out().contains("plant store up to date"), out());

        // bench 2: its own records folder knows nothing of SN-P1; the plant store does
        Path policy = dir.resolve("policy.properties");
        Files.writeString(policy, "limit.once.rework-actions-per-designator = 1\n");
        List<String> bench2 = new ArrayList<>(List.of("run", "--library", LIBRARY.toString(), "--speed", "max",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--records",
                dir.resolve("bench2").toString(), "--documents", dir.resolve("documents.jsonl").toString(),
                "--station", "sim", "--procedure", "bga-removal", "--unit", "SN-P1", "--technician", "T-001",
                "--designators", "U7", "--answers", answers, "--policy", policy.toString()));
        List<String> withStore = new ArrayList<>(bench2);
        withStore.addAll(List.of("--store", store));
        assertEquals(1, cli(withStore.toArray(String[]::new)), out() + err());
        bench2.addAll(List.of("--store", "none"));
        assertTrue(out().contains("[REWORK_COUNT] U7 of SN-P1 has been reworked once"), out());
        assertEquals(0, cli(bench2.toArray(String[]::new)), () -> "alone, bench 2 would have let it through: " + out() + err());

        // a store that cannot be reached: the job does not start, and its record says why
        Path credentials = dir.resolve("store.credentials");
        Files.writeString(credentials, "user=bw\npassword=\n");
        assertEquals(1, run("--procedure", "bga-removal", "--unit", "SN-P2", "--technician", "T-001", "--answers",
                answers, "--store", "postgresql://127.0.0.1:1/plant", "--store-credentials", credentials.toString()),
                out() + err());
        assertTrue(out().contains("[STORE] the plant store postgresql://127.0.0.1:1/plant cannot be reached ("), out());
        assertEquals(Outcome.REFUSED, Records.read(record()).getOutcome());

        // a plant whose policy lets a bench start without the store: the job runs, and its record says what the
        // store did not confirm
        Path lenient = dir.resolve("lenient-policy.properties");
        Files.writeString(lenient, "store.unreachable = start\n");
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-P3", "--technician", "T-001", "--answers",
                answers, "--designators", "U7", "--policy", lenient.toString(), "--store",
                "postgresql://127.0.0.1:1/plant", "--store-credentials", credentials.toString()), out() + err());
        assertTrue(out().contains("outcome: COMPLETED"), out());
        assertTrue(out().contains("UNCONFIRMED: the plant store postgresql://127.0.0.1:1/plant could not confirm the "
                + "unit's counts across benches"), out());
        assertTrue(Files.readAllLines(record()).get(0).contains("\"unconfirmed\":[\"the plant store "), "the record keeps it");
        Files.writeString(lenient, "store.unreachable = maybe\n");
        assertEquals(2, run("--procedure", "bga-removal", "--unit", "SN-P3", "--technician", "T-001", "--answers",
                answers, "--policy", lenient.toString()));
        assertTrue(err().contains(lenient + ":1: store.unreachable takes refuse or start, not 'maybe'"), err());
    }

    @Test
    void anApprovalAtTheEngineersDeskReachesEveryBenchThroughThePlantStore() throws Exception {
        String plant = "h2:" + dir.resolve("plant");
        String answers = EXAMPLES.resolve("bga-removal.answers").toString();
        // the plant brings its registers in once
        assertEquals(0, cli("store", "import", "--store", plant, "--records", dir.resolve("none").toString(),
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--stations",
                EXAMPLES.resolve("stations.properties").toString()), () -> out() + err());
        assertTrue(out().contains("personnel register " + EXAMPLES.resolve("personnel.xmi") + ": 4 people stored "
                + "(T-001, T-002, T-003, T-004)"), out());
        assertTrue(out().contains("station register " + EXAMPLES.resolve("stations.properties") + ": 2 stations "
                + "stored (bench-1, bench-2)"), out());
        // a bench that names no register files: the store's people, the store's document control
        List<String> atBench = List.of("run", "--library", LIBRARY.toString(), "--speed", "max", "--station", "sim",
                "--procedure", "bga-removal", "--unit", "SN-D1", "--technician", "T-001", "--designators", "U7",
                "--answers", answers, "--records", dir.resolve("bench").toString(), "--store", plant);
        assertEquals(1, cli(atBench.toArray(String[]::new)), () -> out() + err());
        assertTrue(out().contains("[DOCUMENT] bga-removal revision 1 is draft (never approved)"), out());
        // the engineer's desk approves it, in the same store
        assertEquals(0, signed("T-004", "approve", "--library", LIBRARY.toString(), "--procedure", "bga-removal",
                "--approver", "T-004", "--store", plant), () -> out() + err());
        assertEquals(1, signed("T-004", "approve", "--library", LIBRARY.toString(), "--procedure", "bga-removal",
                "--store", plant));
        assertTrue(err().contains("bga-removal revision 1 is approved already: approved by T-004"), () -> out() + err());
        // the plant now keeps accounts: only the person signed in runs a job in their name
        assertEquals(1, cli(atBench.toArray(String[]::new)), out() + err());
        assertTrue(err().contains("benchwright run: signed in as T-004; --technician T-001 is someone else"), err());
        signIn(plant, "T-001");
        assertEquals(0, cli(atBench.toArray(String[]::new)), out() + err());
        assertTrue(out().contains("revision 1, approved (approved by T-004 (CSE-7711-20250905-004) on "), out());
        assertTrue(out().contains("outcome: COMPLETED"), out());
        // a store nobody brought the people into knows no technician, and says how to bring them in
        List<String> elsewhere = new ArrayList<>(atBench);
        elsewhere.set(elsewhere.indexOf(plant), benchStore());
        assertEquals(2, cli(elsewhere.toArray(String[]::new)));
        assertTrue(err().contains("no technician 'T-001' in the plant store " + benchStore()
                + " (bring a personnel register in with: benchwright store import --personnel <file.xmi>)"), () -> out() + err());
        // a bench that broke down for good leaves its unit open: a CSE releases it, saying why, and the store keeps it
        try (org.benchwright.store.PlantStore store = org.benchwright.store.PlantStores.open(plant, null)) {
            store.lockUnit("SN-D9", "J-dead", "bench-9");
        }
        assertEquals(1, cli("store", "unlock", "SN-D9", "--by", "T-001", "--reason", "bench-9 burnt out", "--store",
                plant));
        assertTrue(err().contains("T-001 may not release a unit: that needs a CSE certification valid on "), err());
        assertEquals(0, cli("store", "unlock", "SN-D9", "--by", "T-004", "--reason", "bench-9 burnt out", "--store",
                plant), () -> out() + err());
        assertTrue(out().startsWith("unit SN-D9 released: job J-dead of bench-9 (open since ")
                && out().strip().endsWith("), by T-004: bench-9 burnt out"), out());
        assertEquals(1, cli("store", "unlock", "SN-D9", "--by", "T-004", "--reason", "again", "--store", plant));
        assertTrue(err().contains("unit SN-D9 has no open job in " + plant + ": nothing to release"), err());
        try (org.benchwright.store.PlantStore store = org.benchwright.store.PlantStores.open(plant, null)) {
            List<String> releases = store.releases("SN-D9");
            assertEquals(1, releases.size(), releases.toString());
            assertTrue(releases.get(0).matches("job J-dead of bench-9, released by T-004 on .*: bench-9 burnt out"),
                    releases.get(0));
        }

        // the station register the plant keeps, as the store holds it: an overdue calibration is a finding
        assertEquals(1, cli("stations", "--register", "plant", "--store", plant, "--on", "2026-11-15"),
                () -> out() + err());
        assertTrue(out().contains("stations on 2026-11-15 (the plant store " + plant + "):"), out());
        assertTrue(out().matches("(?s).*bench-1 +thermocouple-logger +K204 +K204-77810 +calibration due 2026-10-31 "
                + " OVERDUE.*"), out());
    }
}
