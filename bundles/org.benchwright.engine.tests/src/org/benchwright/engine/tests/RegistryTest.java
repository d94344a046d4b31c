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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.Technician;
import org.benchwright.model.resource.ModelResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The personnel register as a file a plant keeps: found, re-read when changed, refused whole when wrong. */
class RegistryTest {

    @TempDir
    Path dir;

    @Test
    void findsTechniciansAndSeesChangesToTheFile() throws IOException {
        Path file = dir.resolve("personnel.xmi");
        ModelResources.save(file, technician("T-017", SkillLevel.EXPERT, 2027), technician("T-020", SkillLevel.ADVANCED, 2027));
        FilePersonnelRegistry registry = new FilePersonnelRegistry(file);
        assertEquals(SkillLevel.EXPERT, registry.technician("T-017").orElseThrow().getSkill());
        assertEquals(Optional.empty(), registry.technician("T-999"));

        ModelResources.save(dir.resolve("next.xmi"), technician("T-017", SkillLevel.INTERMEDIATE, 2027));
        Files.move(dir.resolve("next.xmi"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(SkillLevel.INTERMEDIATE, registry.technician("T-017").orElseThrow().getSkill());
        assertEquals(1, registry.technicians().size());
    }

    @Test
    void aBadEntryRefusesTheWholeRegisterWithItsReason() throws IOException {
        Path file = dir.resolve("personnel.xmi");
        Technician bad = technician("T-017", SkillLevel.EXPERT, 2020); // expires before it was issued
        ModelResources.save(file, bad);
        IOException e = assertThrows(IOException.class, () -> new FilePersonnelRegistry(file).technician("T-017"));
        assertTrue(e.getMessage().startsWith(file + ": the personnel register is refused: certification 1 of technician "
                + "'T-017': expires 2020-03-01 on or before it was issued 2025-03-01"), e.getMessage());
    }

    @Test
    void aMissingRegisterIsSaidSo() {
        Path file = dir.resolve("nowhere.xmi");
        IOException e = assertThrows(IOException.class, () -> new FilePersonnelRegistry(file).technicians());
        assertEquals(file + ": no personnel register", e.getMessage());
    }

    private static Technician technician(String id, SkillLevel skill, int expiryYear) {
        Technician t = BenchwrightFactory.eINSTANCE.createTechnician();
        t.setId(id);
        t.setSkill(skill);
        Certification c = BenchwrightFactory.eINSTANCE.createCertification();
        c.setLevel(CertificationLevel.CIS);
        c.getModules().add(1);
        c.getModules().add(8);
        c.setIssued(LocalDate.of(2025, 3, 1));
        c.setExpires(LocalDate.of(expiryYear, 3, 1));
        t.getCertifications().add(c);
        return t;
    }
}
