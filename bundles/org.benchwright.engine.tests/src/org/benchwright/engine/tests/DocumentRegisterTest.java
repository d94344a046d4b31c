/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.documents.DocumentRegister.Status;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.Technician;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Document control: draft, in review, approved by a CSE, obsolete, and an approved text that changed. */
class DocumentRegisterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    private static Technician person(String id, CertificationLevel level, LocalDate expires) {
        Technician t = BenchwrightFactory.eINSTANCE.createTechnician();
        t.setId(id);
        t.setSkill(SkillLevel.EXPERT);
        Certification c = BenchwrightFactory.eINSTANCE.createCertification();
        c.setLevel(level);
        c.setNumber(level.getLiteral() + "-" + id);
        c.getModules().add(1);
        c.setIssued(LocalDate.of(2025, 1, 1));
        c.setExpires(expires);
        t.getCertifications().add(c);
        return t;
    }

    @Test
    void aCseApprovesAndTheApprovalFixesTheContent() throws IOException {
        DocumentRegister register = new DocumentRegister(dir.resolve("documents.jsonl"));
        assertEquals(Status.DRAFT, register.state("bga-removal", "1", "h1").status());
        register.submit("bga-removal", "1", "h1", "T-001");
        assertEquals(Status.IN_REVIEW, register.state("bga-removal", "1", "h1").status());
        register.approve("bga-removal", "1", "h1", person("Q-1", CertificationLevel.CSE, LocalDate.of(2027, 1, 1)), TODAY);
        DocumentRegister.State approved = register.state("bga-removal", "1", "h1");
        assertEquals(Status.APPROVED, approved.status());
        assertTrue(approved.why().startsWith("approved by Q-1 (CSE-Q-1) on "), approved.why());

        DocumentRegister.State edited = register.state("bga-removal", "1", "h2");
        assertEquals(Status.DRAFT, edited.status());
        assertTrue(edited.why().startsWith("its text changed after revision 1 was approved on "), edited.why());

        register.approve("bga-removal", "2", "h2", person("Q-1", CertificationLevel.CSE, LocalDate.of(2027, 1, 1)), TODAY);
        DocumentRegister.State superseded = register.state("bga-removal", "1", "h1");
        assertEquals(Status.OBSOLETE, superseded.status());
        assertTrue(superseded.why().startsWith("superseded by revision 2"), superseded.why());
        assertEquals(List.of("1", "2"), register.history("bga-removal").stream().map(a -> a.revision()).toList());
    }

    @Test
    void anApproverWithoutAValidCseIsRefused() {
        DocumentRegister register = new DocumentRegister(dir.resolve("documents.jsonl"));
        IllegalArgumentException cis = assertThrows(IllegalArgumentException.class, () -> register.approve("bga-removal",
                "1", "h1", person("T-001", CertificationLevel.CIS, LocalDate.of(2027, 1, 1)), TODAY));
        assertEquals("T-001 may not approve documents: approval needs a CSE (Certified Standards Expert) certification "
                + "valid on 2026-11-26; T-001 holds CIS to 2027-01-01", cis.getMessage());
        assertThrows(IllegalArgumentException.class, () -> register.approve("bga-removal", "1", "h1",
                person("Q-2", CertificationLevel.CSE, LocalDate.of(2026, 6, 1)), TODAY), "an expired CSE");
    }

    @Test
    void aChangedRegisterIsRefusedAsEvidence() throws IOException {
        Path file = dir.resolve("documents.jsonl");
        DocumentRegister register = new DocumentRegister(file);
        register.approve("bga-removal", "1", "h1", person("Q-1", CertificationLevel.CSE, LocalDate.of(2027, 1, 1)), TODAY);
        Files.writeString(file, Files.readString(file).replace("\"h1\"", "\"h9\""), StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> register.state("bga-removal", "1", "h9"));
        assertTrue(e.getMessage().contains("the document register was changed after it was written"), e.getMessage());
    }
}
