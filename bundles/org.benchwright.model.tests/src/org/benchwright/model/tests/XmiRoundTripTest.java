/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.benchwright.model.Alloy;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.HeatStep;
import org.benchwright.model.Library;
import org.benchwright.model.Outcome;
import org.benchwright.model.Procedure;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.Technician;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.benchwright.model.resource.ModelResources;
import org.benchwright.model.validation.ModelValidation;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A complete BGA rework (procedure, profile, materials, people, record) survives being written to XMI and read back. */
class XmiRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void completeBgaReworkSurvivesXmi() throws IOException {
        BgaReworkFixture original = new BgaReworkFixture();
        Path file = dir.resolve("bga-rework.xmi");
        save(file, original.library, original.technician, original.record);

        List<EObject> loaded = load(file);
        assertEquals(3, loaded.size());
        assertTrue(EcoreUtil.equals(List.of(original.library, original.technician, original.record), loaded),
                "what was read differs from what was written");

        Library library = (Library) loaded.get(0);
        ExecutionRecord record = (ExecutionRecord) loaded.get(2);
        Procedure procedure = (Procedure) library.getElements().stream().filter(Procedure.class::isInstance)
                .findFirst().orElseThrow();
        HeatStep heat = (HeatStep) procedure.getOperations().get(1).getSteps().get(0);
        ThermalProfile profile = heat.getProfile();
        ReflowSegment reflow = (ReflowSegment) profile.getSegments().get(3);
        assertEquals(Temperature.of(245), reflow.getPeak().getMax());
        assertEquals(TimeSpan.ofSeconds(75), reflow.getAboveLiquidus().getMax());
        assertEquals("SAC305", ((Alloy) profile.getAlloy()).getName());
        assertEquals(Temperature.of(220), profile.getAlloy().getLiquidus());
        assertEquals(Outcome.COMPLETED, record.getOutcome());
        assertEquals(procedure, record.getProcedure(), "the record points at the procedure in the same file");
        assertEquals(Temperature.of(241.3), record.getStatistics().get(0).getPeak());
        assertEquals(LocalDate.of(2027, 3, 1), ((Technician) loaded.get(1)).getCertifications().get(0).getExpires());
        assertEquals("L2026-118", record.getLots().get(0).getLot());
        for (EObject root : loaded) {
            Diagnostic d = ModelValidation.validate(root);
            assertEquals(Diagnostic.OK, d.getSeverity(), () -> "valid model reported: " + d.getChildren());
        }
    }

    @Test
    void quantitiesAreWrittenAsAnEngineerReadsThem() throws IOException {
        BgaReworkFixture original = new BgaReworkFixture();
        Path file = dir.resolve("profile.xmi");
        save(file, original.library);
        String xml = Files.readString(file);
        assertTrue(xml.contains("liquidus=\"220 °C\""), xml);
        assertTrue(xml.contains("rate=\"1.5 °C/s\""), xml);
        assertTrue(xml.contains("maxTimeToPeak=\"8 min\""), xml);
        assertTrue(xml.contains("thickness=\"2.4 mm\""), xml);
        assertTrue(xml.contains("volume=\"2940 mm³\""), xml);
    }

    private static void save(Path file, EObject... roots) throws IOException {
        ModelResources.save(file, roots);
    }

    private static List<EObject> load(Path file) throws IOException {
        return ModelResources.load(file);
    }
}
