/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.benchwright.dsl.EffectiveProcedureText;
import org.benchwright.model.HeatStep;
import org.benchwright.model.InspectStep;
import org.benchwright.model.Library;
import org.benchwright.model.MeasureStep;
import org.benchwright.model.Procedure;
import org.benchwright.model.SkillLevel;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.WorkInstructions;
import org.benchwright.rules.WorkInstructions.Derivation;
import org.junit.jupiter.api.Test;

/**
 * Work instructions as a plant writes them on a library procedure: what the merged procedure holds, where added
 * steps land, what a deviation allows and how it is cited, and that the merged view reads back as the language.
 */
class WorkInstructionTest {

    private static final String BASE = """
            package base

            alloy SAC305 { lead-free solidus 217 C liquidus 220 C tip 345 C .. 400 C }
            equipment iron is soldering-station { zone tip 200 C .. 450 C }
            profile Iron_SAC305 for SAC305 {
                zone tip hold 370 C
                hold 370 C for 4 s
            }
            procedure chip-removal "Chip removal" {
                revision 3
                activity rework
                skill intermediate
                classes 1, 2, 3
                conformance medium to high
                modules 1, 3
                equipment iron
                operation remove {
                    step a "Fit the tweezer tips"
                    heat b with Iron_SAC305 on iron "Heat both joints"
                    step c "Lift the part"
                }
                operation inspect {
                    measure gap "Pad height" in "mm" from 0 to 0.2
                    inspect "Lands intact"
                }
            }
            """;

    private static Derivation derive(String instruction) {
        Language language = new Language().file("base.bw", BASE).file("plant.bw", """
                package plant
                import base.*
                """ + instruction);
        language.issues(); // resolves every reference
        Library plant = (Library) language.resource(1).getContents().get(0);
        return WorkInstructions.derive(plant.getElements().stream().filter(WorkInstruction.class::isInstance)
                .map(WorkInstruction.class::cast).findFirst().orElseThrow());
    }

    private static List<String> steps(Procedure procedure) {
        return WorkInstructions.steps(procedure).stream()
                .map(s -> s.getName() != null ? s.getName() : s instanceof InspectStep i ? i.getCriteria() : s.getText())
                .toList();
    }

    @Test
    void inheritsTheBaseAndAddsStepsWhereTheBaseHadThem() {
        Derivation d = derive("""
                instruction WI-1 "Chip removal, cell 2" based-on chip-removal revision 3 {
                    revision 2
                    skill advanced
                    modules 7
                    before remove { step x0 "Check the unit's traveller" }
                    after remove step 1 { step x1 "Preheat the board" }
                    after remove step 1 { step x2 "Flux the joints" }
                    before remove.c { step x3 "Check both joints are molten" }
                    after remove { step x4 "Bag the part" }
                    limit inspect.gap from 0.05 to 0.15
                }
                """);
        Procedure p = d.effective();
        assertEquals(List.of("x0", "a", "x1", "x2", "b", "x3", "c", "x4", "gap", "Lands intact"), steps(p));
        assertEquals("WI-1", p.getName());
        assertEquals("2", p.getRevision());
        assertEquals(SkillLevel.ADVANCED, p.getSkill());
        assertEquals(List.of(1, 3, 7), p.getTrainingModules());
        MeasureStep gap = (MeasureStep) WorkInstructions.steps(p).get(8);
        assertEquals(0.05, gap.getLowerLimit());
        assertEquals(0.15, gap.getUpperLimit());
        assertEquals(List.of(), d.problems(), "tightening is not a problem");
        assertSame(d.instruction(), p.getInstruction());
        // the base itself is untouched
        Procedure base = d.instruction().getBase();
        assertEquals(5, WorkInstructions.steps(base).size());
        assertEquals(SkillLevel.INTERMEDIATE, base.getSkill());
    }

    @Test
    void looseningIsAProblemUnlessADeviationJustifiesIt() {
        Derivation d = derive("""
                instruction WI-2 based-on chip-removal revision 3 {
                    limit inspect.gap to 0.3
                    conformance low
                    deviation DV-9 "Customer waiver CW-4 for the prototype lot" {
                        omit remove.a
                        classes 1
                    }
                }
                """);
        List<String> loose = d.problems().stream().filter(p -> p.deviation() == null).map(p -> p.message()).toList();
        assertEquals(2, loose.size(), loose::toString);
        assertTrue(loose.get(0).contains("upper limit 0.3 mm is above the base's 0.2 mm"), loose::toString);
        assertTrue(loose.get(1).contains("conformance low is lower than chip-removal achieves (medium to high)"),
                loose::toString);
        List<String> allowed = d.problems().stream().filter(p -> p.deviation() != null).map(p -> p.message())
                .toList();
        assertEquals(List.of("leaving out remove.a of chip-removal (Fit the tweezer tips) loosens it"), allowed);
        assertEquals(List.of("DV-9: omit remove.a; classes 1 (Customer waiver CW-4 for the prototype lot)"),
                d.deviations());
        assertEquals(List.of("b", "c", "gap", "Lands intact"), steps(d.effective()));
    }

    @Test
    void aReplacementProfileIsForTheSameAlloyAndReplacesOneTheBaseRuns() {
        Derivation d = derive("""
                alloy Sn63Pb37 { solidus 183 C liquidus 183 C tip 315 C .. 370 C }
                profile Iron_SnPb for Sn63Pb37 {
                    zone tip hold 330 C
                    hold 330 C for 3 s
                }
                instruction WI-3 based-on chip-removal revision 3 {
                    use profile Iron_SnPb instead of Iron_SAC305
                    use profile Iron_SAC305 instead of Iron_SnPb
                }
                """);
        List<String> messages = d.problems().stream().map(p -> p.kind() + " " + p.message()).toList();
        assertEquals(List.of("PROFILE Iron_SnPb is for Sn63Pb37, not SAC305, so it is no tighter than Iron_SAC305 it "
                + "replaces", "ANCHOR no heat step of chip-removal runs Iron_SnPb"), messages);
        HeatStep heat = (HeatStep) WorkInstructions.steps(d.effective()).get(1);
        assertEquals("Iron_SnPb", heat.getProfile().getName());
    }

    @Test
    void theMergedViewReadsBackAsTheSameProcedure() {
        Derivation d = derive("""
                instruction WI-4 "Chip removal, cell 4" based-on chip-removal revision 3 {
                    after remove.b { measure t "Joint temperature" in "C" from 220 to 250 }
                    deviation "Waiver W-1" { omit inspect step 1 }
                }
                """);
        String text = EffectiveProcedureText.of(d.instruction());
        assertTrue(text.contains("// DEVIATION deviation: omit inspect step 1 (Waiver W-1)"), text);
        assertTrue(text.contains("measure t \"Joint temperature\" in \"C\" from 220 to 250  // added by WI-4"), text);
        Language again = new Language().file("base.bw", BASE).file("merged.bw", "package merged\nimport base.*\n" + text);
        assertEquals(List.of(), again.issues());
        Procedure read = (Procedure) ((Library) again.resource(1).getContents().get(0)).getElements().get(0);
        assertEquals(steps(d.effective()), steps(read));
        HeatStep heat = (HeatStep) WorkInstructions.steps(read).get(1);
        assertEquals("Iron_SAC305", heat.getProfile().getName());
    }

    @Test
    void anAnchorTheBaseLacksIsNamedWithWhatItHas() {
        Derivation d = derive("""
                instruction WI-5 based-on chip-removal revision 2 {
                    after remov { step "x" }
                    before remove.z { step "y" }
                    limit remove step 1 to 3
                }
                """);
        List<String> messages = d.problems().stream().map(p -> p.kind() + " " + p.message()).toList();
        assertEquals(List.of(
                "BASE_REVISION WI-5 is based on chip-removal revision 2, but the library has revision 3",
                "ANCHOR chip-removal has no operation 'remov' (it has remove, inspect)",
                "ANCHOR operation remove of chip-removal has no step named 'z' (it has a, b, c)",
                "ANCHOR remove step 1 is not a measurement; limit names a measure step"), messages);
    }
}
