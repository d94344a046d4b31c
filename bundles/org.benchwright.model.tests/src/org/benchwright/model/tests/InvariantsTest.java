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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.benchwright.model.Alloy;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.RampSegment;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.validation.ModelValidation;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;

/** The metamodel rejects values no syntax may produce, each with a message that names the element and the reason. */
class InvariantsTest {

    private final BgaReworkFixture fixture = new BgaReworkFixture();

    @Test
    void solidusAboveLiquidus() {
        fixture.sac305.setSolidus(Temperature.of(221));
        fixture.sac305.setLiquidus(Temperature.of(217));
        assertOnlyError(fixture.library, "alloy 'SAC305': solidus 221 °C is above liquidus 217 °C");
    }

    @Test
    void reversedPeakWindowNamesWhereItIs() {
        ReflowSegment reflow = (ReflowSegment) fixture.profile.getSegments().get(3);
        reflow.getPeak().setMin(Temperature.of(250));
        assertOnlyError(fixture.library,
                "peak of reflow segment 4 of thermal profile 'BGA_SAC305_Removal': minimum 250 °C is above maximum 245 °C");
    }

    @Test
    void fluxNeedsAJStd004Designation() {
        fixture.flux.setDesignation("RX0");
        assertTrue(onlyError(fixture.library).startsWith("flux 'LF-gel': 'RX0' is not a J-STD-004 flux classification"));
    }

    @Test
    void rampWithoutEnd() {
        RampSegment ramp = (RampSegment) fixture.profile.getSegments().get(0);
        ramp.setTarget(null);
        assertOnlyError(fixture.library, "ramp segment 1 of thermal profile 'BGA_SAC305_Removal': has no end: "
                + "give a target temperature or ramp to peak");
    }

    @Test
    void certificationExpiringBeforeIssueAndWithoutModuleOne() {
        var cert = fixture.technician.getCertifications().get(0);
        cert.setExpires(LocalDate.of(2024, 1, 1));
        cert.getModules().remove(Integer.valueOf(1));
        assertOnlyError(fixture.technician, "certification 1 of technician 'T-017': expires 2024-01-01 on or before it "
                + "was issued 2025-03-01; does not cover module 1, which every IPC-7711/7721 certification includes");
    }

    @Test
    void trainingModuleOutOfRange() {
        fixture.procedure.getTrainingModules().add(11);
        assertOnlyError(fixture.library, "procedure 'bga-removal': training module 11 does not exist; "
                + "IPC-7711/7721 modules run from 1 to 10");
    }

    @Test
    void measurementLimitsReversed() {
        MeasureStep step = BgaReworkFixture.F.createMeasureStep();
        step.setName("resistance");
        step.setQuantity("resistance");
        step.setUnit("Ω");
        step.setLowerLimit(5.0);
        step.setUpperLimit(1.0);
        fixture.procedure.getOperations().get(2).getSteps().add(step);
        assertOnlyError(fixture.library, "measure step 'resistance': lower limit 5.0 Ω is above upper limit 1.0 Ω");
    }

    @Test
    void recordFinishedBeforeItStarted() {
        fixture.record.setFinished(Instant.parse("2026-11-26T08:00:00Z"));
        assertTrue(onlyError(fixture.record).startsWith("execution record 'R-1': finished 2026-11-26T08:00:00Z before"));
    }

    @Test
    void missingRequiredValueIsNamed() {
        Alloy alloy = BgaReworkFixture.F.createAlloy();
        alloy.setName("Sn42Bi58");
        alloy.setSolidus(Temperature.of(138));
        fixture.library.getElements().add(alloy);
        String message = onlyError(fixture.library);
        assertTrue(message.contains("'liquidus'") && message.contains("alloy 'Sn42Bi58'"), message);
    }

    @Test
    void completeFixtureIsValid() {
        for (EObject root : List.of(fixture.library, fixture.technician, fixture.record)) {
            assertEquals(List.of(), errors(root));
        }
    }

    private static void assertOnlyError(EObject root, String expected) {
        assertEquals(List.of(expected), errors(root));
    }

    private static String onlyError(EObject root) {
        List<String> errors = errors(root);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.get(0);
    }

    private static List<String> errors(EObject root) {
        return ModelValidation.validate(root).getChildren().stream()
                .filter(d -> d.getSeverity() == Diagnostic.ERROR).map(Diagnostic::getMessage)
                .collect(Collectors.toList());
    }
}
