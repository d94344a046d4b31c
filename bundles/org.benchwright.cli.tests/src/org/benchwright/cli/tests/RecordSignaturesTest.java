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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.benchwright.engine.identity.ESignature;
import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.benchwright.store.StoreException;
import org.junit.jupiter.api.Test;

/**
 * A job's record signed by the technician who ran it (performed) and by quality (verified), each signature kept in
 * the plant store beside the record and shown, checked, by {@code verify --store}.
 */
class RecordSignaturesTest extends CommandLineTest {

    @Test
    void theTechnicianSignsWhatTheyDidAndQualityVerifiesIt() throws Exception {
        approve("bga-removal");
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-R1", "--technician", "T-001", "--designators",
                "U7", "--answers", EXAMPLES.resolve("bga-removal.answers").toString()), () -> out() + err());
        Path record = record();
        String store = benchStore();
        assertEquals(0, typing(password("T-001"), "sign", "--meaning", "performed", record.toString(), "--store",
                store), this::err);
        assertTrue(out().contains(": performed by Person T-001 (T-001) on "), out());

        signIn(store, "T-004");
        assertEquals(1, typing(password("T-004"), "sign", "--meaning", "performed", record.toString(), "--store",
                store));
        assertTrue(err().contains("only the technician who ran job SN-R1-bga-removal-"), err());
        assertEquals(1, typing(password("T-004"), "sign", "--meaning", "verified", record.toString(), "--store",
                store));
        assertTrue(err().contains("T-004 may not sign 'verified': it takes the quality role"), err());
        assertEquals(0, typing(password("Q-001"), "accounts", "add", "--id", "Q-001", "--name", "Quinn Berg",
                "--roles", "quality", "--store", store), this::err);
        assertEquals(0, typing(password("Q-001"), "login", "--user", "Q-001", "--store", store), this::err);
        assertEquals(0, typing(password("Q-001"), "sign", "--meaning", "verified", record.toString(), "--store",
                store), this::err);

        // quality's review of the record is signed too, as the one signed in
        assertEquals(1, typing(password("Q-001"), "review-record", record.toString(), "--reviewer", "T-004",
                "--finding", "looked at", "--store", store));
        assertTrue(err().contains("signed in as Q-001; --reviewer T-004 is someone else"), err());
        assertEquals(0, typing(password("Q-001"), "review-record", record.toString(), "--finding", "flux lot confirmed",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--store", store), this::err);
        assertTrue(out().contains("reviewed by Q-001 (content ") && out().contains("signed: verified by Quinn Berg "
                + "(Q-001) on "), out());
        assertTrue(org.benchwright.engine.record.RecordReviews.of(record).get(0).get("signature").startsWith(
                "verified by Quinn Berg (Q-001) on "));

        assertEquals(0, cli("verify", "--store", store, record.toString()), out());
        assertTrue(out().contains(record + ": signed: performed by Person T-001 (T-001) on "), out());
        assertTrue(out().contains(record + ": signed: verified by Quinn Berg (Q-001) on "), out());

        // a signature moved onto another job's record is not taken
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-R2", "--technician", "T-001", "--designators",
                "U8", "--answers", EXAMPLES.resolve("bga-removal.answers").toString()), () -> out() + err());
        String other = record().getFileName().toString().replace(".jsonl", "");
        try (PlantStore plant = PlantStores.open(store, PlantStores.credentials(null))) {
            String job = record.getFileName().toString().replace(".jsonl", "");
            ESignature performed = plant.recordSignatures(job).get(0);
            StoreException e = assertThrows(StoreException.class, () -> plant.signRecord(other, performed));
            assertTrue(e.getMessage().contains("is not of job " + other + " as the store holds it"), e.getMessage());
            assertEquals(2, plant.recordSignatures(job).size());
        }
    }
}
