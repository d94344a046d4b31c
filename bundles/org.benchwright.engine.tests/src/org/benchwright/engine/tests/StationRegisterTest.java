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
import java.time.LocalDate;
import java.util.List;

import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.BenchwrightFactory;
import org.benchwright.model.Capability;
import org.benchwright.model.EquipmentCategory;
import org.benchwright.model.EquipmentKind;
import org.benchwright.model.EquipmentRequirement;
import org.benchwright.model.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station register: equipment a procedure needs, the capabilities it asks for, calibration on the day. */
class StationRegisterTest {

    private static final BenchwrightFactory F = BenchwrightFactory.eINSTANCE;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    private StationRegister register(String text) throws IOException {
        Path file = dir.resolve("stations.properties");
        Files.writeString(file, text);
        return new StationRegister(file);
    }

    private static Procedure bgaRemoval() {
        EquipmentKind ir = F.createEquipmentKind();
        ir.setName("focused-ir");
        ir.setCategory(EquipmentCategory.FOCUSED_IR);
        EquipmentRequirement need = F.createEquipmentRequirement();
        need.setEquipment(ir);
        need.getCapabilities().addAll(List.of(Capability.BOTTOM_PREHEATER, Capability.PROFILE_CONTROL));
        Procedure p = F.createProcedure();
        p.setName("bga-removal");
        p.getEquipment().add(need);
        return p;
    }

    private static List<String> codes(List<Refusal> refusals) {
        return refusals.stream().map(Refusal::code).toList();
    }

    @Test
    void aStationWithTheRightCalibratedEquipmentMayRunTheProcedure() throws IOException {
        StationRegister r = register("b1.equipment = ir\nb1.ir.kind = focused-ir\nb1.ir.model = IR-3\nb1.ir.serial = 1\n"
                + "b1.ir.capabilities = focused-ir, bottom-preheater, profile-control\nb1.ir.calibration-due = 2027-01-01\n");
        assertEquals(List.of(), r.check("b1", bgaRemoval(), TODAY));
    }

    @Test
    void missingEquipmentAMissingCapabilityAndOverdueCalibrationAreRefused() throws IOException {
        StationRegister r = register("b1.equipment = iron\nb1.iron.kind = soldering-station\nb1.iron.calibration-due = 2027-01-01\n"
                + "b2.equipment = ir\nb2.ir.kind = focused-ir\nb2.ir.capabilities = focused-ir, profile-control\n"
                + "b2.ir.calibration-due = 2027-01-01\n"
                + "b3.equipment = ir\nb3.ir.kind = focused-ir\nb3.ir.model = IR-3\nb3.ir.serial = 77\n"
                + "b3.ir.capabilities = bottom-preheater, profile-control\nb3.ir.calibration-due = 2026-11-25\n");
        assertEquals("[EQUIPMENT] b1 has no focused-ir, which bga-removal needs",
                "[" + r.check("b1", bgaRemoval(), TODAY).get(0).code() + "] " + r.check("b1", bgaRemoval(), TODAY).get(0).reason());
        assertEquals("b2's focused-ir lacks bottom-preheater, which bga-removal needs",
                r.check("b2", bgaRemoval(), TODAY).get(0).reason());
        assertEquals(List.of("CALIBRATION"), codes(r.check("b3", bgaRemoval(), TODAY)));
        assertEquals("b3's focused-ir (IR-3, serial 77) was due for calibration on 2026-11-25",
                r.check("b3", bgaRemoval(), TODAY).get(0).reason());
        assertEquals(List.of(), r.check("b3", bgaRemoval(), LocalDate.of(2026, 11, 25)), "due today is still in date");
        assertEquals(List.of("STATION"), codes(r.check("b9", bgaRemoval(), TODAY)));
    }

    @Test
    void aBrokenRegisterNamesTheKey() {
        IOException e = assertThrows(IOException.class, () -> register("b1.equipment = ir\nb1.ir.kind = focused-ir\n"
                + "b1.ir.calibration-due = soon\n"));
        assertTrue(e.getMessage().endsWith("b1.ir.calibration-due takes a day as yyyy-mm-dd, not 'soon'"), e.getMessage());
    }
}
