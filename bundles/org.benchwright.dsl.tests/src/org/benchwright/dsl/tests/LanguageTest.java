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

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.benchwright.dsl.BenchwrightRuntimeModule;
import org.benchwright.dsl.ide.BenchwrightIdeSetup;
import org.benchwright.model.HeatStep;
import org.benchwright.model.Library;
import org.benchwright.model.Procedure;
import org.benchwright.model.ReflowSegment;
import org.benchwright.model.ThermalProfile;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The language as an engineer writes it: what it builds, what it refuses and how it says so. */
class LanguageTest {

    @Test
    void buildsTheMetamodelWithUnits() {
        Language files = new Language().file("bench.bw", Language.bench());
        Library library = (Library) files.resource(0).getContents().get(0);
        ThermalProfile profile = (ThermalProfile) library.getElements().stream()
                .filter(e -> e.getName().equals("BGA_SAC305")).findFirst().orElseThrow();
        ReflowSegment reflow = (ReflowSegment) profile.getSegments().get(3);
        assertEquals(Temperature.of(245), reflow.getPeak().getMax());
        assertEquals(TimeSpan.ofSeconds(90), reflow.getAboveLiquidus().getMax());
        assertEquals(TimeSpan.ofMinutes(8), profile.getLimits().getMaxTimeToPeak());
        Procedure bga = (Procedure) library.getElements().stream().filter(e -> e.getName().equals("bga-rework"))
                .findFirst().orElseThrow();
        HeatStep heat = (HeatStep) bga.getOperations().get(1).getSteps().get(0);
        assertEquals(profile, heat.getProfile());
        assertEquals("joint", heat.getControlChannel());
    }

    @Test
    void standardLibraryValidatesClean() throws IOException {
        Bundle library = findLibrary();
        List<URL> entries = Collections.list(library.findEntries("library", "*.bw", true));
        assertTrue(entries.size() >= 10, "library files: " + entries);
        Language files = new Language();
        for (URL entry : entries) {
            try (InputStream in = entry.openStream()) {
                files.file(entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of(), files.issues());
        long procedures = 0;
        for (int i = 0; i < entries.size(); i++) {
            procedures += ((Library) files.resource(i).getContents().get(0)).getElements().stream()
                    .filter(Procedure.class::isInstance).count();
        }
        assertTrue(procedures >= 45, "procedures in the library: " + procedures);
    }

    private static Bundle findLibrary() {
        for (Bundle b : FrameworkUtil.getBundle(LanguageTest.class).getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.benchwright.library")) {
                return b;
            }
        }
        throw new AssertionError("org.benchwright.library is not installed");
    }

    @Test
    void filesOfOnePackageAndImportsResolveAcrossFiles() {
        Language files = new Language()
                .file("alloys.bw", "package materials\nalloy SAC305 { lead-free solidus 217 C liquidus 220 C }\n")
                .file("fluxes.bw", "package materials\nflux Gel { class ROL0 for SAC305 }\n")
                .file("profiles.bw", "package profiles\nimport materials.*\nprofile P for SAC305 { hold 240 C for 5 s }\n")
                .file("broken.bw", "package other\nprofile Q for SAC305 { hold 240 C for 5 s }\n");
        assertEquals(List.of("2: error [org.eclipse.xtext.diagnostics.Diagnostic.Linking] "
                + "Couldn't resolve reference to Alloy 'SAC305'."), files.issues());
    }

    @Test
    void aWrongUnitIsNamed() {
        List<String> issues = new Language().file("a.bw", "package a\nalloy X { solidus 217 K/s liquidus 220 C }\n").issues();
        assertTrue(issues.get(0).startsWith("2: error"), issues.toString());
        assertTrue(issues.get(0).contains("'217 K/s' is not a temperature: unknown unit 'K/s'; use one of °C, C, degC"),
                issues.toString());
    }

    @Test
    void modelInvariantsSpeakThroughTheLanguage() {
        List<String> issues = new Language().file("a.bw",
                "package a\nalloy X { solidus 221 C liquidus 217 C }\nflux Gel { class RX9 }\n").issues();
        assertEquals(List.of("2: error [org.benchwright.model.1] alloy 'X': solidus 221 °C is above liquidus 217 °C",
                "3: error [org.benchwright.model.2] flux 'Gel': 'RX9' is not a J-STD-004 flux classification "
                        + "(RO, RE, OR or IN; activity L, M or H; halide 0 or 1, as in ROL0)"),
                issues);
    }

    @Test
    void singleLettersOfTheTradeAreReservedAndSaidSo() {
        List<String> issues = new Language().file("a.bw", "package a\nflux F { class ROL0 }\n").issues();
        assertTrue(issues.get(0).startsWith("2: error [org.eclipse.xtext.diagnostics.Diagnostic.Syntax]"), issues.toString());
    }

    @Test
    void garbageGivesDiagnosticsNotExceptions() {
        List<String> issues = new Language().file("junk.bw", "}}} procedure ( \u0007 \"unterminated\n").issues();
        assertTrue(!issues.isEmpty() && issues.stream().allMatch(i -> i.contains("error")), issues.toString());
    }

    @Test
    void unverifiedLimitsAreConfigurable(@TempDir Path dir) throws IOException {
        String steep = Language.bench().replace("ramp to 150 C at 1 C/s", "ramp to 150 C at 4 C/s");
        Path settings = dir.resolve("rules.properties");
        Files.writeString(settings, "rampUp.max = 5\n");
        System.setProperty(BenchwrightRuntimeModule.RULE_SETTINGS_PROPERTY, settings.toString());
        try {
            var injector = new BenchwrightIdeSetup().createInjector();
            var checker = injector.getInstance(org.benchwright.rules.RuleChecker.class);
            Language files = new Language().file("bench.bw", steep);
            Library library = (Library) files.resource(0).getContents().get(0);
            assertEquals(List.of(), checker.check(library).stream().map(Object::toString).toList());
            Files.writeString(settings, "rampUp.max = 2\n");
            checker = new BenchwrightIdeSetup().createInjector().getInstance(org.benchwright.rules.RuleChecker.class);
            assertEquals(List.of("error [BW-RAMP-UP] configured rampUp.max: ramp-up 4 °C/s exceeds 2 °C/s",
                    "error [BW-RAMP-UP] configured rampUp.max: a ramp-up limit of 3 °C/s allows more than 2 °C/s"),
                    checker.check(library).stream().map(Object::toString).toList());
        } finally {
            System.clearProperty(BenchwrightRuntimeModule.RULE_SETTINGS_PROPERTY);
        }
    }

    private static final String PROCEDURE = "procedure bga-removal { revision %s operation inspect { inspect site \"ok\" } }\n";

    @Test
    void aProcedureIdThatTwoFilesOfOnePackageDeclareIsAnErrorInBoth() {
        List<String> issues = new Language().file("a.bw", "package procedures\n" + PROCEDURE.formatted(1))
                .file("b.bw", "package procedures\n" + PROCEDURE.formatted(2)).issues();
        assertEquals(2, issues.size(), issues.toString());
        assertTrue(issues.get(0).startsWith("2: error [BW-DUPLICATE-NAME] 'bga-removal' is also declared in test:/b.bw: "
                + "procedure and instruction ids are unique across the library"), issues.toString());
        assertTrue(issues.get(1).contains("is also declared in test:/a.bw"), issues.toString());
    }

    @Test
    void aProcedureIdThatTwoPackagesDeclareIsAnErrorInBoth() {
        List<String> issues = new Language().file("lib.bw", "package procedures\n" + PROCEDURE.formatted(1))
                .file("plant.bw", "package plant\n" + PROCEDURE.formatted(2)).issues();
        String rule = ": procedure and instruction ids are unique across the library, since run, approve and the records "
                + "name them by id";
        assertEquals(List.of("2: error [BW-DUPLICATE-NAME] 'bga-removal' is also declared in test:/plant.bw" + rule,
                "2: error [BW-DUPLICATE-NAME] 'bga-removal' is also declared in test:/lib.bw" + rule), issues);
    }

    @Test
    void otherElementsAreUniquePerPackageAcrossFiles() {
        String alloy = "alloy SAC305 { lead-free solidus 217 C liquidus 220 C }\n";
        List<String> onePackage = new Language().file("a.bw", "package materials\n" + alloy)
                .file("b.bw", "package materials\n" + alloy).issues();
        assertEquals(List.of("2: error [BW-DUPLICATE-NAME] 'SAC305' is also declared in test:/b.bw: names are unique "
                + "within package materials", "2: error [BW-DUPLICATE-NAME] 'SAC305' is also declared in test:/a.bw: "
                        + "names are unique within package materials"), onePackage);
        // materials.SAC305 and vendor.SAC305 are two names: an import says which one a file means
        assertEquals(List.of(), new Language().file("a.bw", "package materials\n" + alloy)
                .file("b.bw", "package vendor\n" + alloy).issues());
    }

    @Test
    void aProfileWhoseAlloyDoesNotResolveIsNotJudgedAsAnotherFamily() {
        // a lead-free preheat and times; judged as tin-lead they would break BW-PREHEAT and more
        String profile = "package p\nprofile P for SAC305X {\n ramp to 170 C at 1 C/s\n soak 170 C .. 190 C for 60 s .. 120 s\n"
                + " ramp to peak at 1 C/s\n reflow peak 240 C .. 245 C above liquidus 60 s .. 90 s\n cool at 2 C/s to 100 C\n"
                + " limits { within 5 C of peak at most 40 s peak within 8 min }\n}\n";
        assertEquals(List.of("2: error [org.eclipse.xtext.diagnostics.Diagnostic.Linking] Couldn't resolve reference to "
                + "Alloy 'SAC305X'."), new Language().file("p.bw", profile).issues());
        // the same profile for a tin-lead alloy: the family's rules do speak
        List<String> codes = new Language().file("p.bw", profile.replace("SAC305X", "Sn63")
                + "alloy Sn63 { solidus 183 C liquidus 183 C }\n").codes();
        assertTrue(codes.contains("BW-PREHEAT"), codes.toString());
    }
}
