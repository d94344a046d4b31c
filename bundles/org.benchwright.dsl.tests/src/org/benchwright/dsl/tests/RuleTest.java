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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.benchwright.rules.RuleChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the catalogue, as an engineer meets it in a file: the bench file passes every rule, and one edit
 * of it makes exactly the rule under test speak, at the right line, citing its source.
 */
class RuleTest {

    static Stream<Arguments> edits() {
        return Stream.of(
                edit("BW-PEAK-LIQUIDUS", "reflow peak 235 C .. 245 C", "reflow peak 215 C .. 245 C", "does not exceed the liquidus 220 °C"),
                edit("BW-PEAK-MARGIN", "reflow peak 235 C .. 245 C", "reflow peak 228 C .. 245 C", "less than 15 °C above the liquidus"),
                edit("BW-PEAK-LF-BGA", "reflow peak 235 C .. 245 C", "reflow peak 235 C .. 250 C", "peak 250 °C of profile BGA_SAC305 exceeds 245 °C for lead-free BGA rework"),
                edit("BW-RAMP-UP", "ramp to 150 C at 1 C/s", "ramp to 150 C at 4 C/s", "J-STD-020 Table 5-2: ramp-up 4 °C/s exceeds 3 °C/s"),
                edit("BW-RAMP-DOWN", "cool at 2 C/s to 100 C", "cool at 7 C/s to 100 C", "J-STD-020 Table 5-2: ramp-down 7 °C/s exceeds 6 °C/s"),
                edit("BW-TAL-MAX", "above liquidus 60 s .. 90 s\n    cool at 2", "above liquidus 60 s .. 160 s\n    cool at 2", "time above liquidus up to 160 s exceeds 150 s"),
                edit("BW-TAL-MIN", "above liquidus 60 s .. 90 s\n    cool at 2", "above liquidus 45 s .. 90 s\n    cool at 2", "time above liquidus from 45 s is under 60 s"),
                edit("BW-NEAR-PEAK", "within 5 C of peak at most 30 s", "within 5 C of peak at most 40 s", "time within 5 °C of peak 40 s exceeds 30 s for Pb-free"),
                edit("BW-TIME-TO-PEAK", "peak within 8 min", "peak within 9 min", "a time-to-peak limit of 9 min allows more than 8 min for Pb-free"),
                edit("BW-PREHEAT", "soak 150 C .. 180 C", "soak 120 C .. 180 C", "Pb-free preheat is 150-200 °C"),
                edit("BW-SEGMENT-ORDER", "    reflow peak 235 C .. 245 C above liquidus 60 s .. 90 s\n    cool at 2 C/s to 100 C",
                        "    cool at 2 C/s to 100 C\n    reflow peak 235 C .. 245 C above liquidus 60 s .. 90 s", "reflow after cooling has begun"),
                edit("BW-SEGMENT-ORDER", "    ramp to 150 C at 1 C/s\n    soak", "    ramp to 150 C at 1 C/s\n    preheat to 100 C\n    soak",
                        "segment 2 is out of physical order: a preheat after heating has begun; it comes first"),
                edit("BW-SEGMENT-ORDER", "    zone bottom hold 150 C\n    ramp to 150 C", "    preheat to 100 C\n    ramp to 150 C",
                        "a preheat, but no bottom zone held ('zone bottom hold ...') to bring the joint up"),
                edit("BW-TIP-TEMP", "zone tip hold 370 C", "zone tip hold 300 C", "tip 300 °C is outside 345-400 °C for SAC305"),
                edit("BW-PEAK-TC", "component U9 \"PQFP-208\" {\n    family QFP\n    thickness 1.2 mm\n    volume 300 mm3",
                        "component U9 \"PQFP-208\" {\n    family QFP\n    thickness 3.4 mm\n    volume 2500 mm3",
                        "J-STD-020 Table 4-2: peak 250 °C of profile QFP_SAC305 exceeds the classification temperature 245 °C of U9"),
                edit("BW-ALLOY-MIX", "materials GelFlux, Wire305, RepairEpoxy", "materials GelFlux, Wire305, WireSnPb, RepairEpoxy", "mixes SnPb and lead-free alloys"),
                edit("BW-FLUX-ALLOY", "    for SAC305, Sn63Pb37\n}", "    for Sn63Pb37\n}", "flux GelFlux is not meant for SAC305"),
                edit("BW-CLASS3-CONFORMANCE", "conformance high", "conformance medium", "class 3 work requires High conformance"),
                edit("BW-SKILL-AREA-ARRAY", "skill expert", "skill advanced", "BGA/CSP and QFN/LGA rework requires Expert"),
                edit("BW-REPAIR-APPROVAL", "activity rework\n    skill expert", "activity repair\n    skill expert", "repairs need customer or engineering approval"),
                edit("BW-MOD-ECO", "activity rework\n    skill expert", "activity modification\n    skill expert", "modifications need an engineering change order"),
                edit("BW-COATING-SOLVENT", "by laser", "by solvent", "solvent does not remove parylene"),
                edit("BW-COATING-METHOD", "by laser", "by peeling", "peeling is not a recommended removal for parylene coating"),
                edit("BW-HEAT-EQUIPMENT", "equipment focused-ir with bottom-preheater, iron", "equipment focused-ir with bottom-preheater", "uses iron, which procedure bga-rework does not declare"),
                edit("BW-EQUIPMENT-RANGE", "zone top 50 C .. 450 C ramp at most 4 C/s", "zone top 50 C .. 230 C ramp at most 4 C/s", "focused-ir reaches 230 °C on its top zone, below the peak 245 °C"),
                edit("BW-FOCUSED-IR-PREHEAT", "capabilities focused-ir, bottom-preheater, profile-control", "capabilities focused-ir, profile-control",
                        "equipment focused-ir with bottom-preheater, iron", "equipment focused-ir, iron", "focused-IR BGA work without a bottom preheater"),
                edit("BW-CURE-SCHEDULE", "cure material RepairEpoxy at 65 C for 1 h", "cure material RepairEpoxy at 40 C for 1 h", "none of its cure schedules allows (1 h at 65 °C or 24 h at 25 °C)"),
                edit("BW-BAKE-TEMP", "step \"Lift the part at peak\"", "step \"Lift the part at peak\"\n        bake part U7 at 150 C for 24 h", "bakes at 150 °C, above 125 °C"),
                edit("BW-BAKE-MSL", "step \"Lift the part at peak\"", "step \"Lift the part at peak\"\n        bake part U9 at 125 C for 24 h", "U9 is MSL 1"),
                edit("BW-MSL-CHECK", "        check-floor-life msl part U7 \"Check floor life; bake if exceeded\"\n", "", "reflows moisture-sensitive U7 without a bake or floor-life check step"),
                edit("BW-FINAL-INSPECTION", "        inspect \"Lands intact\"", "        step \"Done\"", "does not end in an inspection"),
                edit("BW-DUPLICATE-NAME", "operation repair {", "operation remove {", "'remove' names an operation already"),
                edit("BW-WI-BASE-REVISION", "based-on bga-rework revision 1", "based-on bga-rework revision 3", "WI-042 is based on bga-rework revision 3, but the library has revision 1"),
                edit("BW-WI-ANCHOR", "after remove step 2", "after remove step 5", "operation remove of bga-rework has 2 steps; there is no step 5"),
                edit("BW-WI-LOOSENS", "    modules 10\n", "    modules 10\n    omit repair step 2\n", "leaving out repair step 2 of bga-rework (cure"),
                edit("BW-WI-PROFILE", "above liquidus 60 s .. 80 s", "above liquidus 60 s .. 100 s", "BGA_CELL3 has a wider time above liquidus (60 s .. 100 s, not within 60 s .. 90 s) than BGA_SAC305"),
                edit("BW-WI-STANDARD", "step \"Clean the site with IPA\"", "step \"Clean the site with IPA\"\n        bake part U7 at 150 C for 24 h", "the effective procedure breaks [BW-BAKE-TEMP]"),
                edit("BW-WI-DEVIATED", "    modules 10\n", "    modules 10\n    deviation DV-7 \"Customer waiver CW-14\" {\n        omit repair step 2\n    }\n", "allowed by deviation DV-7 (Customer waiver CW-14): leaving out repair step 2"),
                edit("BW-WI-DEVIATION", "    modules 10\n", "    deviation DV-8 \"Cell practice\" {\n        modules 10\n    }\n", "deviation DV-8 loosens nothing of bga-rework or the standard"),
                edit("BW-WI-EQUIPMENT", "equipment focused-ir model", "equipment hot-air model", "WI-042 does not use hot-air"),
                edit("BW-WI-MATERIAL", "material GelFlux part-number", "material WireSnPb part-number", "WI-042 does not use WireSnPb"),
                edit("BW-REVISION-MAPPING", "reference IPC-7711 rev D \"QFP\"", "reference IPC-7711 rev D 4.1 \"QFP\"\n    reference IPC-7711 rev D 4.2", "IPC-7711 rev D is mapped twice, to 4.1 and 4.2"));
    }

    @Test
    void benchPassesEveryRule() {
        assertEquals(List.of(), new Language().file("bench.bw", Language.bench()).issues());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void oneEditTriggersExactlyItsRule(String code, List<String> replacements, String expected) {
        String text = Language.bench();
        for (int i = 0; i < replacements.size(); i += 2) {
            assertTrue(text.contains(replacements.get(i)), "the bench no longer has: " + replacements.get(i));
            text = text.replace(replacements.get(i), replacements.get(i + 1));
        }
        List<String> issues = new Language().file("bench.bw", text).issues();
        assertEquals(Set.of(code), codes(issues), () -> "issues: " + issues);
        assertTrue(issues.stream().anyMatch(i -> i.contains(expected)), () -> "no message with '" + expected + "': " + issues);
    }

    @Test
    void aPreheatFirstWithTheBottomZoneHeldPassesEveryRule() {
        String text = Language.bench().replace("    zone bottom hold 150 C\n    ramp to 150 C",
                "    zone bottom hold 150 C\n    preheat to 100 C\n    ramp to 150 C");
        assertTrue(text.contains("preheat to 100 C"));
        assertEquals(List.of(), new Language().file("bench.bw", text).issues());
    }

    @Test
    void everyRuleOfTheCatalogueIsTested() {
        Set<String> tested = edits().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> catalogue = new RuleChecker().rules().stream().map(r -> r.code()).collect(Collectors.toSet());
        assertEquals(catalogue, tested);
    }

    private static Set<String> codes(List<String> issues) {
        return issues.stream().map(s -> s.substring(s.indexOf('[') + 1, s.indexOf(']'))).collect(Collectors.toSet());
    }

    private static Arguments edit(String code, String... replacementsThenMessage) {
        List<String> all = List.of(replacementsThenMessage);
        return Arguments.of(code, all.subList(0, all.size() - 1), all.get(all.size() - 1));
    }
}
