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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Cli;
import org.benchwright.engine.record.Records;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code benchwright run} on the shipped library and the simulated station, as a technician's bench runs it. */
class RunCommandTest extends CommandLineTest {

    /** The library as the repository holds it; tests run in their bundle's folder. */
    @Test
    void aLeadFreeBgaRemovalAndInstallationCompleteInsideTheProfileWindow() throws IOException {
        approve("bga-removal");
        approve("bga-installation");
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-1001", "--technician", "T-001", "--designators",
                "U7", "--answers", EXAMPLES.resolve("bga-removal.answers").toString()), out() + err());
        assertTrue(out().contains("outcome: COMPLETED"), out());
        ExecutionRecord removal = Records.read(record());
        assertTrue(removal.getPwi() < 100, "PWI " + removal.getPwi());
        assertEquals("LF-2026-0412", removal.getLots().get(0).getLot());

        Path answers = dir.resolve("install.answers");
        Files.writeString(answers,
                "prepare/msl = done\nprepare/flux = LF-2026-0412\ninspect/joints = pass\n* = done\n");
        assertEquals(0, run("--procedure", "bga-installation", "--unit", "SN-1001", "--technician", "T-001",
                "--designators", "U7", "--answers", answers.toString()), out() + err());
        ExecutionRecord installation = Records.read(record());
        assertEquals(Outcome.COMPLETED, installation.getOutcome());
        assertTrue(installation.getPwi() < 100, "PWI " + installation.getPwi());
        // the unit's history now holds both jobs: two rework actions, two thermal cycles on U7
        assertEquals(2, Records.history(dir.resolve("records"), "SN-1001").designator("U7").getThermalCycles());
    }

    @Test
    void anIntermediateTechnicianIsRefusedBgaWorkWithTheReason() {
        assertEquals(1, run("--procedure", "bga-removal", "--unit", "SN-1002", "--technician", "T-002", "--answers",
                EXAMPLES.resolve("bga-removal.answers").toString()));
        assertTrue(out().contains("REFUSED: the job may not start"), out());
        assertTrue(out().contains(
                "[SKILL] Intermediate technician T-002 may not run bga-removal, which requires Expert"),
                out());
        assertTrue(out().contains("[MODULE]"), out());
    }

    @Test
    void aRepairWithoutApprovalIsRefusedAndWithOneItIsNot() {
        approve("laminate-2-2");
        assertEquals(1, run("--procedure", "laminate-2-2", "--unit", "SN-1003", "--technician", "T-001",
                "--answers", EXAMPLES.resolve("bga-removal.answers").toString()));
        assertTrue(out().contains("[APPROVAL] the repair of SN-1003 has no customer or engineering approval"), out());
        run("--procedure", "laminate-2-2", "--unit", "SN-1003", "--technician", "T-001", "--approval",
                "customer:CAR-2026-117", "--answers", EXAMPLES.resolve("bga-removal.answers").toString());
        assertTrue(!out().contains("REFUSED"), out());
    }

    @Test
    void anAnswersFileWithoutTheLotAbortsAndSaysWhichStep() throws IOException {
        approve("bga-removal");
        Path answers = dir.resolve("short.answers");
        Files.writeString(answers, "* = done\n");
        assertEquals(1, run("--procedure", "bga-removal", "--unit", "SN-1004", "--technician", "T-001", "--answers",
                answers.toString()));
        assertTrue(out().contains("outcome: ABORTED (prepare/flux: " + answers + " has no answer for prepare/flux"),
                out());
        assertEquals(Outcome.ABORTED, Records.read(record()).getOutcome());
    }

    @Test
    void aStationConfigurationFileComposesItsParts() throws IOException {
        approve("bga-removal");
        Path bench = dir.resolve("bench.properties");
        Files.writeString(bench, "id=bench-9\nparts=heat,tc\nheat.type=sim\nheat.scenario=bga-35mm\ntc.type=k204x\n");
        assertEquals(2, run("--procedure", "bga-removal", "--unit", "SN-5", "--technician", "T-001", "--station",
                bench.toString()));
        assertTrue(err().startsWith(
                "benchwright run: " + bench + " (tc): no driver for station type 'k204x'; installed: "),
                err());
        Files.writeString(bench, "id=bench-9\nparts=heat\nheat.type=sim\nheat.seed=4\n");
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-5", "--technician", "T-001", "--station",
                bench.toString(), "--answers", EXAMPLES.resolve("bga-removal.answers").toString()), out() + err());
        assertTrue(out().contains("station bench-9, as fast as it computes"), out());
    }

    @Test
    void aDraftIsRefusedUnlessInTrainingAndAnEditedApprovedTextIsADraftAgain() throws IOException {
        String answers = EXAMPLES.resolve("bga-removal.answers").toString();
        assertEquals(1, run("--procedure", "bga-removal", "--unit", "SN-6", "--technician", "T-001", "--answers",
                answers));
        assertTrue(out().contains("[DOCUMENT] bga-removal revision 1 is draft (never approved): only an approved "
                + "revision runs"), out());
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-6", "--technician", "T-001", "--answers",
                answers,
                "--training"), out());
        assertTrue(out().contains("TRAINING run"), out());
        assertTrue(Records.read(record()).isTraining());

        assertEquals(1, signed("T-001", "approve", "--library", LIBRARY.toString(), "--procedure", "bga-removal",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString()));
        assertTrue(err().contains("T-001 may not sign 'approved': it takes the cse role, and T-001 has "
                + "engineer,technician"), err());
        assertEquals(1, signed("T-001", "approve", "--library", LIBRARY.toString(), "--procedure", "bga-removal",
                "--approver", "T-004", "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString()));
        assertTrue(err().contains("signed in as T-001; --approver T-004 is someone else: one signs only as oneself"),
                err());

        assertEquals(0, signed("T-001", "submit", "--library", LIBRARY.toString(), "--procedure", "bga-installation",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString()), err());
        assertTrue(out().startsWith("bga-installation revision 1 submitted for review by T-001"), out());

        Path library = dir.resolve("library");
        copy(LIBRARY, library);
        Path bga = library.resolve("procedures/bga.bw");
        assertEquals(0, signed("T-004", "approve", "--library", library.toString(), "--procedure", "bga-removal",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString()), err());
        assertTrue(out().contains("signature: approved by Dana Reyes (T-004) on "), out());
        Files.writeString(bga, Files.readString(bga).replace("Lift the part with the vacuum pick-up",
                "Lift the part with the vacuum pen"));
        cli("status", "--library", library.toString(), "--documents", dir.resolve("documents.jsonl").toString(),
                "--store", benchStore());
        assertTrue(out().matches("(?s).*draft +bga-removal +rev 1 +its text changed after revision 1 was approved.*"),
                out());
        assertTrue(out().matches("(?s).*in review +bga-installation +rev 1 +submitted, not yet approved.*"), out());
    }

    @Test
    void aProcedureIdDeclaredInTwoFilesIsNeitherApprovedNorRunAndValidateNamesBoth() throws IOException {
        Path library = dir.resolve("library");
        copy(LIBRARY, library);
        // revision 2 written beside the library as a plant's own file, the library's revision 1 left in place
        String removal = Files.readString(library.resolve("procedures/bga.bw"));
        String own = removal.substring(removal.indexOf("procedure bga-removal"), removal.indexOf("procedure bga-site"))
                .replace("revision 1", "revision 2");
        Path plant = library.resolve("plant/bga-removal-2.bw");
        Files.createDirectories(plant.getParent());
        Files.writeString(plant, "package plant\nimport materials.*\nimport profiles.*\nimport equipment.*\n" + own);

        String[] approve = { "approve", "--library", library.toString(), "--procedure", "bga-removal", "--approver",
                "T-004", "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString() };
        out.reset();
        err.reset();
        assertEquals(2, new Cli().run(approve, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), out() + err());
        assertTrue(err().contains("procedure id 'bga-removal' is ambiguous: 2 files declare it"), err());
        assertTrue(err().contains("procedures/bga.bw") && err().contains("plant/bga-removal-2.bw"), err());

        List<String> all = new ArrayList<>(List.of("run", "--library", library.toString(), "--speed", "max",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--records",
                dir.resolve("records").toString(), "--procedure", "bga-removal", "--unit", "SN-7", "--technician",
                "T-001", "--station", "sim", "--training", "--answers", EXAMPLES.resolve("bga-removal.answers")
                        .toString()));
        out.reset();
        err.reset();
        assertEquals(2, new Cli().run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), out() + err());
        assertTrue(err().contains("procedure id 'bga-removal' is ambiguous"), err());
        assertTrue(!Files.exists(dir.resolve("records")), "no job was started");

        out.reset();
        assertEquals(1, new Cli().run(new String[] { "validate", library.toString() }, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        List<String> duplicates = out().lines().filter(l -> l.contains("[BW-DUPLICATE-NAME]")).toList();
        assertEquals(2, duplicates.size(), out());
        assertTrue(duplicates.get(0).contains("plant/bga-removal-2.bw:") && duplicates.get(0).contains(
                "is also declared in " + library.resolve("procedures/bga.bw") + ": procedure and instruction ids"),
                duplicates.toString());
        assertTrue(duplicates.get(1).contains("procedures/bga.bw:") && duplicates.get(1).contains(
                "is also declared in " + library.resolve("plant/bga-removal-2.bw") + ": "), duplicates.toString());
    }

    @Test
    void thePlantPolicyLimitsReworkPerCustomerAndADamagedRecordWaitsForQualitysReview() throws IOException {
        approve("bga-removal");
        Path policy = dir.resolve("policy.properties");
        Files.writeString(policy, "# ACME's class 3 contract\nlimit.acme.customer = ACME\nlimit.acme.classes = 3\n"
                + "limit.acme.rework-actions-per-designator = 1\n");
        String answers = EXAMPLES.resolve("bga-removal.answers").toString();
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-9", "--technician", "T-001", "--designators",
                "U7", "--class", "3", "--customer", "ACME", "--policy", policy.toString(), "--answers", answers),
                out() + err());
        assertTrue(out().contains("rework limits: policy.properties, limit 'acme' (customer ACME, class 3)"), out());
        Path first = record();

        assertEquals(1, run("--procedure", "bga-removal", "--unit", "SN-9", "--technician", "T-001", "--designators",
                "U7", "--class", "3", "--customer", "ACME", "--policy", policy.toString(), "--answers", answers));
        assertTrue(out().contains("[REWORK_COUNT] U7 of SN-9 has been reworked once; policy.properties, limit 'acme' "
                + "(customer ACME, class 3) allows 1 rework action(s) per designator"), out());
        // the same unit as another customer's class 2 work: the contract's limit does not apply
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-9", "--technician", "T-001", "--designators",
                "U7", "--policy", policy.toString(), "--answers", answers), out() + err());
        assertTrue(out().contains("rework limits: none of " + policy + " applies"), out());

        assertEquals(2, run("--procedure", "bga-removal", "--unit", "SN-9", "--technician", "T-001", "--policy",
                dir.resolve("polcy.properties").toString(), "--answers", answers));
        assertTrue(err().contains("--policy: no such file"), err());

        // one byte of the first record changed: SN-9 waits for quality
        Files.writeString(first, Files.readString(first).replace("LF-2026-0412", "LF-2026-0413"));
        assertEquals(1, run("--procedure", "bga-removal", "--unit", "SN-9", "--technician", "T-001", "--designators",
                "U7", "--answers", answers));
        assertTrue(out().contains("[RECORD] record " + first.getFileName() + " of SN-9 cannot be trusted (damaged: "),
                out());
        out.reset();
        err.reset();
        assertEquals(0, new Cli().run(new String[] { "review-record", first.toString(), "--reviewer", "T-004",
                "--finding", "lot confirmed from the flux log", "--personnel", EXAMPLES.resolve("personnel.xmi")
                        .toString() }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                                StandardCharsets.UTF_8)), err());
        assertTrue(out().contains("BROKEN at entry"), out());
        assertTrue(out().contains("reviewed by T-004"), out());
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-9", "--technician", "T-001", "--designators",
                "U7", "--answers", answers), out() + err());
    }

    @ParameterizedTest
    @CsvSource({ "open-tc@200C, 1, SENSOR_OPEN", "telemetry-stop@120s, 1, TELEMETRY_STOPPED",
            "heater-stuck@200C, 1, HEATER_STUCK", "link-lost@120s, 1, LINK_LOST", "noise@30s, 0, " })
    void aFaultOnCueFromTheCommandLineEndsAsTheReadmeSays(String fault, int exit, String kind) throws IOException {
        approve("bga-removal");
        assertEquals(exit, run("--procedure", "bga-removal", "--unit", "SN-F", "--technician", "T-001", "--station",
                "sim:fault=" + fault, "--answers", EXAMPLES.resolve("bga-removal.answers").toString()), out() + err());
        ExecutionRecord record = Records.read(record());
        if (kind == null) {
            // spikes are neither steered on nor tripped over: the job completes inside its window
            assertEquals(Outcome.COMPLETED, record.getOutcome(), out());
            assertTrue(record.getPwi() < 100, "PWI " + record.getPwi());
            return;
        }
        assertEquals(Outcome.FAILED, record.getOutcome(), out());
        assertTrue(out().contains("failed   remove/"), out());
        assertTrue(record.getFaults().stream().anyMatch(f -> f.getMessage().startsWith(kind)),
                () -> record.getFaults().stream().map(f -> f.getSource() + " " + f.getMessage()).toList().toString());
        assertTrue(Files.readString(record()).contains("\"safeState\""), "the heaters were put in safe state");
    }

    @Test
    void simulateTakesAStationWithFaultsOnCue() {
        out.reset();
        err.reset();
        int code = new Cli().run(new String[] { "simulate", "--profile", "BGA_SAC305", "--station",
                "sim:fault=open-tc@200C", LIBRARY.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(out().contains("FAILED: ") && out().contains("SENSOR_OPEN"), out() + err());
        assertEquals(1, code, out() + err());
        err.reset();
        assertEquals(2, new Cli().run(new String[] { "simulate", "--profile", "BGA_SAC305", "--station",
                "sim:fault=open-tc@hot", LIBRARY.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err().contains("fault 'open-tc@hot' is not <fault>@<temperature>C"), err());
    }

    @Test
    void peopleWarnsBeforeExpiryAndTheMatrixSaysWhoMayRunWhatAndWhyNot() {
        String personnel = EXAMPLES.resolve("personnel.xmi").toString();
        out.reset();
        assertEquals(1, new Cli().run(new String[] { "people", "--personnel", personnel, "--on", "2027-07-20",
                "--library",
                LIBRARY.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err());
        assertTrue(out().contains(
                "  [expired] T-003 (Chen Wei): CIS CIS-7711-20240210-003 expired on 2026-02-10, 525 days ago"),
                out());
        assertTrue(out().contains(
                "  [60 days] T-004 (Dana Reyes): CSE CSE-7711-20250905-004 expires on 2027-09-05, in 47 days"),
                out());
        assertTrue(out().matches("(?s).*\\n  bga-removal +yes +\\(\\d+\\) +\\(\\d+\\) +yes\\n.*"), out());
        assertTrue(out().contains(
                "[SKILL] Intermediate technician T-002 may not run bga-removal, which requires Expert"),
                out());
        assertTrue(out().contains("[CERTIFICATION] T-003 holds no IPC-7711/7721 certification valid on 2027-07-20"), out());
        out.reset();
        new Cli().run(new String[] { "people", "--personnel", personnel, "--on", "2027-08-10" },
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(out().contains("  [30 days] T-004 (Dana Reyes)"), out());
    }

    @Test
    void aStationWhoseLoggerIsOverdueForCalibrationIsRefusedAndTheMatrixSaysWhy() {
        approve("bga-removal");
        String register = EXAMPLES.resolve("stations.properties").toString();
        assertEquals(1, run("--procedure", "bga-removal", "--unit", "SN-8", "--technician", "T-001", "--bench", "bench-1",
                "--stations", register, "--answers", EXAMPLES.resolve("bga-removal.answers").toString()));
        assertTrue(out().contains("[CALIBRATION] bench-1's thermocouple-logger (K204, serial K204-77810) was due for "
                + "calibration on 2026-10-31"), out());
        out.reset();
        assertEquals(1, new Cli().run(new String[] { "stations", "--register", register, "--library", LIBRARY.toString(),
                "--on", "2026-11-26" }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err());
        assertTrue(out().contains("calibration due 2026-10-31  OVERDUE"), out());
        assertTrue(out().matches("(?s).*\\n  bga-removal +\\(\\d+\\) +\\(\\d+\\)\\n.*"), out());
        assertTrue(out().contains(") [EQUIPMENT] bench-2 has no focused-ir; [EQUIPMENT] bench-2 has no thermocouple-logger\n"),
                out());
    }

    @Test
    void aWorkInstructionRunsMergedAndItsRecordCitesItsDeviation() throws IOException {
        String library = LIBRARY + java.io.File.pathSeparator + EXAMPLES.resolve("plant");
        assertEquals(0, signed("T-004", "approve", "--library", library, "--procedure", "WI-BGA-017", "--personnel",
                EXAMPLES.resolve("personnel.xmi").toString(), "--documents", dir.resolve("documents.jsonl").toString()),
                () -> out() + err());
        List<String> args = new ArrayList<>(List.of("--procedure", "WI-BGA-017", "--unit", "SN-77", "--technician",
                "T-001", "--designators", "U7", "--answers", EXAMPLES.resolve("plant/wi-bga-017.answers").toString()));
        List<String> all = new ArrayList<>(args);
        all.addAll(0, List.of("--library", library));
        assertEquals(0, runWith(all), () -> out() + err());
        assertTrue(out().contains("work instruction based on bga-removal revision 1"), out());
        assertTrue(out().contains("DEVIATION DV-2026-031: omit prepare step 2 (QA report QR-2026-031"), out());
        assertTrue(out().contains("(lot of LeadFreeNoCleanGel, part number LF-GEL-10CC)"), out());
        ExecutionRecord record = Records.read(record());
        assertEquals(Outcome.COMPLETED, record.getOutcome());
        assertEquals("WI-BGA-017", record.getProcedureId());
        assertEquals(1, record.getDeviations().size());
        assertTrue(record.getDeviations().get(0).startsWith("DV-2026-031: omit prepare step 2"), record::toString);
        List<String> paths = record.getSteps().stream().map(s -> s.getPath()).toList();
        assertTrue(paths.containsAll(List.of("remove/lifted", "inspect/dress", "inspect/flatness")), paths::toString);
        assertEquals(0.04, record.getSteps().stream().filter(s -> s.getPath().equals("inspect/flatness")).findFirst()
                .orElseThrow().getMeasurements().get(0).getValue(), 1e-9);

        // the instruction names its station: another bench is refused, and says why
        all.addAll(List.of("--bench", "bench-2", "--stations", EXAMPLES.resolve("stations.properties").toString()));
        assertEquals(1, runWith(all));
        assertTrue(out().contains("[STATION] WI-BGA-017 runs only on bench-1, not on bench-2"), out());
    }

    private int runWith(List<String> args) {
        List<String> all = new ArrayList<>(List.of("run", "--speed", "max", "--station", "sim",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--records",
                dir.resolve("records").toString(), "--documents", dir.resolve("documents.jsonl").toString()));
        all.addAll(args);
        return onTheBench(all);
    }

    @Test
    void stationsListsTheDriversDeclarativeServicesRegistered() {
        out.reset();
        assertEquals(0, new Cli().run(new String[] { "stations" }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(out().matches("(?s).*sim +org\\.benchwright\\.driver\\.sim 0\\.1\\.0\\..*"), out());
    }

    @Test
    void unknownNamesAreNamed() {
        assertEquals(2, run("--procedure", "bga-removal", "--unit", "SN-1", "--technician", "T-999"));
        assertTrue(err().contains("no technician 'T-999' in"), err());
        assertEquals(2, run("--procedure", "bga-remvoal", "--unit", "SN-1", "--technician", "T-001"));
        assertTrue(err().contains("no procedure 'bga-remvoal'"), err());
        List<String> args = new ArrayList<>(List.of("--procedure", "bga-removal", "--unit", "SN-1", "--technician",
                "T-001"));
        args.addAll(List.of("--station", "jbc:/dev/ttyUSB0"));
        assertEquals(2, run(args.toArray(String[]::new)));
        assertTrue(err().contains("no driver for station type 'jbc'; installed: sim"), err());
        args.addAll(List.of("--station", "sim"));
        assertEquals(2, run(args.toArray(String[]::new)));
        assertEquals("benchwright run: --station is given twice", err().strip());
    }
}
