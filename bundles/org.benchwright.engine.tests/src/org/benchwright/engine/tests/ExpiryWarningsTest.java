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

import java.time.LocalDate;
import java.util.List;

import org.benchwright.engine.registry.ExpiryWarnings;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.Technician;
import org.junit.jupiter.api.Test;

/** Renewal warnings on a fixed day: 60 and 30 days before expiry, expired, and a renewed certification is quiet. */
class ExpiryWarningsTest {

    private static Technician person(String id, LocalDate... expiries) {
        Technician t = BenchwrightFactory.eINSTANCE.createTechnician();
        t.setId(id);
        t.setFullName("Person " + id);
        t.setSkill(SkillLevel.ADVANCED);
        for (LocalDate e : expiries) {
            Certification c = BenchwrightFactory.eINSTANCE.createCertification();
            c.setLevel(CertificationLevel.CIS);
            c.setNumber("CIS-" + id + "-" + e.getYear());
            c.getModules().add(1);
            c.setIssued(e.minusYears(2));
            c.setExpires(e);
            t.getCertifications().add(c);
        }
        return t;
    }

    @Test
    void warningsComeAtSixtyAndThirtyDaysAndForTheExpired() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        List<ExpiryWarnings.Warning> warnings = ExpiryWarnings.on(List.of(
                person("A", today.plusDays(61)), // nothing yet
                person("B", today.plusDays(60)), // first warning
                person("C", today.plusDays(30)), // last warning
                person("D", today.minusDays(3)), // expired
                person("E", today.minusDays(10), today.plusDays(700))), today); // renewed: quiet
        assertEquals(List.of("D expired", "C 30 days", "B 60 days"),
                warnings.stream().map(w -> w.technician().getId() + " " + w.level()).toList());
        assertEquals("C (Person C): CIS CIS-C-2026 expires on 2026-12-26, in 30 days", warnings.get(1).toString());
        assertEquals("D (Person D): CIS CIS-D-2026 expired on 2026-11-23, 3 days ago", warnings.get(0).toString());
    }
}
