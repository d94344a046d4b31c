/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.benchwright.driver.api.HeaterZone;
import org.benchwright.dsl.ProcedureSources;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.identity.Identity;
import org.benchwright.engine.identity.Role;
import org.benchwright.engine.job.Prompt;
import org.benchwright.engine.record.Records;
import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.Outcome;
import org.benchwright.model.Procedure;
import org.benchwright.rules.WorkInstructions;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.benchwright.store.TraceQuery;
import org.benchwright.ui.editor.internal.ImportLibraryHandler;
import org.benchwright.ui.execution.internal.BenchPreferencePage;
import org.benchwright.ui.execution.internal.BenchSettings;
import org.benchwright.ui.execution.internal.BenchView;
import org.benchwright.ui.execution.internal.ExecutionPerspective;
import org.benchwright.ui.execution.internal.MatricesView;
import org.benchwright.ui.execution.internal.ProjectProcedures;
import org.benchwright.ui.execution.internal.RecordsView;
import org.benchwright.ui.execution.internal.TraceabilityView;
import org.eclipse.core.resources.IProject;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The technician's perspective on the simulated bench: a BGA removal run step by step to completion and found in the
 * records, a refusal with its reasons, and an abort in the middle of the heat that leaves every heater off.
 */
class ExecutionTest {

    private static final Path EXAMPLES = Path.of("../../releng/examples").toAbsolutePath().normalize();
    private static Path dir;
    private static IProject library;

    @BeforeAll
    static void bench() throws Exception {
        library = ImportLibraryHandler.importLibrary();
        Ui.fillTheScreen();
        dir = Files.createTempDirectory("benchwright-ui");
        var prefs = BenchSettings.preferences();
        prefs.put(BenchSettings.PERSONNEL, EXAMPLES.resolve("personnel.xmi").toString());
        prefs.put(BenchSettings.RECORDS, dir.resolve("records").toString());
        prefs.put(BenchSettings.DOCUMENTS, dir.resolve("documents.jsonl").toString());
        prefs.put(BenchSettings.PROJECT, library.getName());
        prefs.put(BenchSettings.STORE, benchStore());
        // document control: the CSE of the example register approves the library's BGA removal
        Procedure removal = ProjectProcedures.of(library).stream().filter(p -> p.getName().equals("bga-removal"))
                .findFirst().orElseThrow();
        new DocumentRegister(dir.resolve("documents.jsonl")).approve("bga-removal",
                WorkInstructions.revision(removal), ProcedureSources.hash(removal),
                new FilePersonnelRegistry(EXAMPLES.resolve("personnel.xmi")).technician("T-004").orElseThrow(),
                LocalDate.now());
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(ExecutionPerspective.ID));
    }

    /** The bench's own embedded store, in the test's folder. */
    private static String benchStore() {
        return "h2:" + dir.resolve("bench-store");
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static BenchView bench(String technician, String unit) throws Exception {
        BenchView view = (BenchView) page().showView(BenchView.ID);
        view.loadChoices();
        view.job(technician, "sim", unit, "U7");
        assertTrue(view.selectProcedure("bga-removal"), "the bench offers bga-removal");
        return view;
    }

    /** Answers what a technician answers at each question, until the job ends or {@code until} holds. */
    private static void answer(BenchView view, java.util.function.BooleanSupplier until) {
        Ui.waitFor(() -> "the job; the bench shows '" + view.banner() + "', step '" + view.stepTitle()
                + "', asking " + view.asking(), 120, () -> {
            if (view.result() != null || until.getAsBoolean()) {
                return true;
            }
            Prompt prompt = view.asking();
            if (prompt != null && view.stepTitle().equals(prompt.step())) {
                switch (prompt.kind()) {
                case LOT -> view.type("LF-2026-0412");
                case MEASURE -> view.type("0.05");
                case INSPECT -> view.press("pass");
                case CONFIRM -> view.press("done");
                }
            }
            return false;
        });
    }

    @Test
    void aBgaRemovalRunsStepByStepToCompletionAndItsRecordIsFound() throws Exception {
        BenchSettings.preferences().putDouble(BenchSettings.SPEED, 0); // the simulator as fast as it computes
        String plant = "h2:" + dir.resolve("plant");
        BenchSettings.preferences().put(BenchSettings.STORE, plant); // the bench shares its records with the plant
        // the bench tells the plant's MES in IPC-CFX, through a broker that is not there today
        Path cfx = dir.resolve("cfx.properties");
        Files.writeString(cfx, "cfx.handle = Plant1.Rework.UiBench\ncfx.broker = amqp://127.0.0.1:1\n"
                + "cfx.address = /queue/mes\n");
        BenchSettings.preferences().put(BenchSettings.CFX, cfx.toString());
        BenchView view = bench("T-001", "SN-UI-1");
        view.press("start");
        boolean[] shot = { false };
        answer(view, () -> {
            // the step after the heat, with the whole heat still on the chart
            if (!shot[0] && view.stepTitle().equals("remove/2") && view.chart().series().get(1).points().size() > 700) {
                shot[0] = true;
                // the job's entries follow it to the store while it runs
                assertFalse(view.plantStatus().contains("offline"), view.plantStatus());
                try {
                    Ui.screenshot("execution");
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
            return false;
        });
        var result = view.result();
        assertNotNull(result, view.banner());
        assertEquals(Outcome.COMPLETED, result.outcome(), () -> view.banner() + "\n" + view.summary());
        assertTrue(view.banner().startsWith("Job completed"), view.banner());
        assertTrue(view.summary().contains("Process Window Index"), view.summary());
        assertTrue(shot[0], "the heat step was never seen with its chart");
        Ui.screenshot("execution-summary");

        ExecutionRecord record = Records.read(result.record());
        assertEquals("bga-removal", record.getProcedureId());
        assertFalse(record.isTraining());
        assertEquals("LF-2026-0412", record.getLots().get(0).getLot());
        assertTrue(record.getPwi() < 100, "PWI " + record.getPwi());

        RecordsView records = (RecordsView) page().showView(RecordsView.ID);
        records.refresh();
        assertTrue(records.records().contains(result.record()), records.records().toString());
        String verdict = records.verify(result.record());
        assertTrue(verdict.contains("intact") && verdict.contains("the job finished"), verdict);
        assertTrue(records.open(result.record()).contains("outcome completed"));
        // the job's documents from the Records view and from the bench's summary
        Path traveler = dir.resolve("traveler.pdf");
        String exported = records.exportPdf(result.record(), traveler);
        assertTrue(exported.startsWith("Traveler of SN-UI-1-bga-removal-") && exported.endsWith("; the record verifies"),
                exported);
        try (PDDocument pdf = Loader.loadPDF(traveler.toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Unit SN-UI-1") && text.contains("lot LF-2026-0412") && text.contains("Verifies"),
                    text);
        }
        String csv = view.export("csv", dir.resolve("run.csv"));
        assertTrue(csv.startsWith("Telemetry of SN-UI-1-bga-removal-") && view.summary().contains(csv), csv);
        assertTrue(Files.readAllLines(dir.resolve("run.csv")).size() > 700, "rows of telemetry");
        // quality's reviews sit beside the records and are not one
        org.benchwright.engine.record.RecordReviews.review(result.record(), "T-004", "looked at", LocalDate.now());
        records.refresh();
        assertTrue(records.records().contains(result.record()), records.records().toString());
        assertTrue(records.records().stream().noneMatch(r -> r.getFileName().toString().equals(
                org.benchwright.engine.record.RecordReviews.FILE)), records.records().toString());
        // up to date at the job's end: its last entries sent then, or already by the pass that followed the job
        assertTrue(view.summary().contains("Plant store: plant store up to date"), view.summary());
        // the job's CFX messages wait for the broker, and the bench says so
        Ui.waitFor(() -> "the CFX line to say the job's messages wait; it says '" + view.cfxStatus() + "'", 60,
                () -> view.cfxStatus().equals("CFX: 11 messages waiting (cannot reach the broker amqp://127.0.0.1:1: "
                        + "Connection refused) - Plant1.Rework.UiBench at amqp://127.0.0.1:1"));
        BenchSettings.preferences().remove(BenchSettings.CFX);
        Ui.waitFor(() -> "the CFX line to say CFX is off; it says '" + view.cfxStatus() + "'", 60,
                () -> view.cfxStatus().startsWith("IPC-CFX: off"));
        // between jobs the bench keeps saying where its store is and that nothing waits to be sent
        Ui.waitFor(() -> "the plant store line to say up to date; it says '" + view.plantStatus() + "'", 60,
                () -> view.plantStatus().equals("Plant store up to date - " + plant));
        try (PlantStore store = PlantStores.open(plant, null)) {
            assertEquals("completed", store.trace(TraceQuery.of("unit", "SN-UI-1")).get(0).outcome());
            assertEquals(java.util.Optional.empty(), store.lockOf("SN-UI-1"), "the unit is released after the job");
        }
        // traceability from the plant store: the unit's timeline, the lot's units, a job's record as the store holds it
        TraceabilityView trace = (TraceabilityView) page().showView(TraceabilityView.ID);
        assertEquals("1 job(s) for unit SN-UI-1 in " + plant + ": the unit's timeline, oldest first",
                trace.search("unit", "SN-UI-1"));
        assertEquals("completed", trace.jobs().get(0).outcome());
        assertEquals(List.of("LeadFreeNoCleanGel LF-2026-0412"), trace.jobs().get(0).lots());
        assertTrue(trace.search("lot", "LF-2026-0412").startsWith("1 job(s) for lot LF-2026-0412"));
        String opened = trace.open(trace.jobs().get(0).job());
        assertTrue(opened.matches("(?s)Job SN-UI-1-bga-removal-[0-9-]+: intact, [1-9][0-9]* entries\n.*"), opened);
        assertTrue(opened.contains(" job.requested ") && opened.contains(" job.finished ")
                && opened.contains(" telemetry entries"), opened);
        Ui.screenshot("traceability");
        assertEquals("0 job(s) for technician T-003 in " + plant + ", oldest first", trace.search("technician",
                "T-003"));
        assertTrue(verdict.contains("signed with the key "), "the bench signed its record: " + verdict);
        // the plant takes accounts; the technician signs the job's record, and the Records view shows it, checked
        try (PlantStore store = PlantStores.open(plant, null)) {
            Accounts accounts = store.accounts();
            accounts.create(null, "A-001", "Ada Admin", Set.of(Role.ADMIN), "admin-password-1".toCharArray(), null,
                    null);
            Identity.Session admin = accounts.signIn("A-001", "admin-password-1".toCharArray());
            accounts.create(admin, "T-001", "Ana Ortega", Set.of(Role.TECHNICIAN), "password-of-T-001".toCharArray(),
                    null, null);
        }
        // Ana signs in at the bench and signs the record of the job she ran, as performed, with the bench's button
        view.job("T-001", "password-of-T-001", "sim", "SN-UI-1", "U7");
        assertTrue(view.signedIn().startsWith("Ana Ortega (T-001)"), view.signedIn());
        assertEquals("Not signed: wrong password or PIN", view.signPerformed("password-of-T-00X".toCharArray()));
        String said = view.signPerformed("password-of-T-001".toCharArray());
        assertTrue(said.startsWith("Signed: performed by Ana Ortega (T-001) on "), said);
        assertTrue(view.summary().endsWith(said), view.summary());
        page().showView(BenchView.ID);
        Ui.screenshot("signed-performed");
        String signed = records.verify(result.record());
        assertTrue(signed.contains("\nperformed by Ana Ortega (T-001) on ") && signed.endsWith(" (e-signature holds)"),
                signed);
        page().showView(RecordsView.ID);
        Ui.screenshot("records-signed");

        // a store that cannot be reached: the line says so, and that it tries again
        BenchSettings.preferences().put(BenchSettings.STORE, "postgresql://127.0.0.1:1/plant");
        Ui.waitFor(() -> "the plant store line to say the store cannot be reached; it says '" + view.plantStatus()
                + "'", 60, () -> view.plantStatus().startsWith("Plant store postgresql://127.0.0.1:1/plant cannot be "
                        + "reached: ") && view.plantStatus().endsWith("; tried again in 30 s"));
        BenchSettings.preferences().put(BenchSettings.STORE, benchStore());

        // the plant's policy allows one rework action per designator: the same unit's U7 is refused, saying why
        Path policy = dir.resolve("policy.properties");
        Files.writeString(policy, "limit.once.rework-actions-per-designator = 1\n");
        BenchSettings.preferences().put(BenchSettings.POLICY, policy.toString());
        try {
            BenchView again = bench("T-001", "SN-UI-1");
            again.press("start");
            Ui.waitFor("the gate", 30, () -> again.result() != null);
            assertTrue(again.result().refused(), again.banner());
            assertTrue(again.banner().contains("[REWORK_COUNT] U7 of SN-UI-1 has been reworked once; "
                    + "policy.properties, limit 'once' (every unit) allows 1"), again.banner());
        } finally {
            BenchSettings.preferences().remove(BenchSettings.POLICY);
        }
    }

    @Test
    void thePreferencePageEditsWhatTheBenchReads() {
        assertNotNull(PlatformUI.getWorkbench().getPreferenceManager().find(BenchPreferencePage.ID));
        org.eclipse.swt.widgets.Shell shell = new org.eclipse.swt.widgets.Shell(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        try {
            BenchPreferencePage page = new BenchPreferencePage();
            page.init(PlatformUI.getWorkbench());
            page.createControl(shell);
            var store = page.getPreferenceStore();
            assertEquals(EXAMPLES.resolve("personnel.xmi").toString(), store.getString(BenchSettings.PERSONNEL));
            store.setValue(BenchSettings.SPEED, "12");
            assertEquals(12, BenchSettings.speed());
            store.setValue(BenchSettings.SPEED, "");
            assertEquals(1, BenchSettings.speed(), "a blank speed is real time");
            assertTrue(page.isValid());
            page.dispose();
        } finally {
            shell.dispose();
        }
    }

    @Test
    void aTechnicianWithoutExpertSkillIsRefusedWithTheReason() throws Exception {
        BenchView view = bench("T-002", "SN-UI-2");
        view.press("start");
        Ui.waitFor("the gate", 30, () -> view.result() != null);
        assertTrue(view.result().refused());
        assertTrue(view.banner().startsWith("REFUSED") && view.banner().contains("[SKILL]"), view.banner());

        BenchSettings.preferences().put(BenchSettings.STATIONS, EXAMPLES.resolve("stations.properties").toString());
        try {
            MatricesView matrices = (MatricesView) page().showView(MatricesView.ID);
            matrices.refresh();
            assertEquals("yes", matrices.cell(true, "T-001", "bga-removal"));
            assertTrue(matrices.cell(true, "T-002", "bga-removal").contains("SKILL"),
                    matrices.cell(true, "T-002", "bga-removal"));
            // the example register: bench-1's logger is overdue for calibration, bench-2 has no IR station
            assertEquals("CALIBRATION", matrices.cell(false, "bench-1", "bga-removal"));
            assertEquals("EQUIPMENT", matrices.cell(false, "bench-2", "bga-removal"));
        } finally {
            BenchSettings.preferences().remove(BenchSettings.STATIONS);
        }
    }

    @Test
    void abortInTheMiddleOfTheHeatTurnsEveryHeaterOff() throws Exception {
        BenchSettings.preferences().putDouble(BenchSettings.SPEED, 40); // slow enough to catch the heat midway
        BenchView view = bench("T-001", "SN-UI-3");
        view.press("start");
        answer(view, () -> view.stepTitle().contains("heating") && !view.chart().series().isEmpty()
                && view.chart().series().get(1).points().stream().anyMatch(p -> p[1] > 120));
        assertTrue(view.result() == null, "the job ended before the heat: " + view.banner());
        assertTrue(view.station().zones().stream().anyMatch(HeaterZone::isOn), "no heater was on mid-heat");
        view.press("abort");
        List<HeaterZone> zones = view.station().zones();
        assertTrue(zones.stream().noneMatch(HeaterZone::isOn), "a heater stayed on after abort");
        Ui.waitFor("the job to end", 30, () -> view.result() != null);
        assertEquals(Outcome.ABORTED, view.result().outcome());
        assertTrue(view.banner().startsWith("ABORTED"), view.banner());
        assertEquals(Outcome.ABORTED, Records.read(view.result().record()).getOutcome());
    }

    @Test
    void onceThePlantKeepsAccountsATechnicianSignsInWithBadgeAndPin() throws Exception {
        String accountsStore = "h2:" + dir.resolve("accounts-store");
        try (PlantStore store = PlantStores.open(accountsStore, null)) {
            Accounts accounts = store.accounts();
            accounts.create(null, "T-004", "Dana Reyes", Set.of(Role.ADMIN, Role.CSE), "password-of-T-004"
                    .toCharArray(), null, null);
            Identity.Session admin = accounts.signIn("T-004", "password-of-T-004".toCharArray());
            accounts.create(admin, "T-001", "Ana Ortega", Set.of(Role.TECHNICIAN), "password-of-T-001".toCharArray(),
                    "0004711", "135790".toCharArray());
        }
        String before = BenchSettings.preferences().get(BenchSettings.STORE, null);
        BenchSettings.preferences().put(BenchSettings.STORE, accountsStore);
        try {
            BenchView view = (BenchView) page().showView(BenchView.ID);
            view.loadChoices();
            view.job("T-001", "", "sim", "SN-UI-9", "U7");
            assertEquals("not signed in: wrong user id or password", view.signedIn(), "an id alone signs no one in");
            view.job("0004711", "000000", "sim", "SN-UI-9", "U7");
            assertEquals("not signed in: wrong PIN", view.signedIn());
            view.job("T-004", "password-of-T-004", "sim", "SN-UI-9", "U7");
            assertEquals("not signed in: T-004 may not run jobs (it takes the technician role)", view.signedIn());
            view.job("0004711", "135790", "sim", "SN-UI-9", "U7");
            assertTrue(view.signedIn().startsWith("Ana Ortega (T-001), expert; CIS to "), view.signedIn());
            Ui.screenshot("sign-in");
            try (PlantStore store = PlantStores.open(accountsStore, null)) {
                List<String> events = store.accounts().events("T-001");
                assertEquals(2, events.stream().filter(e -> e.contains(" failed: ")).count(), events::toString);
                assertTrue(events.get(events.size() - 1).endsWith(" signed in"), events::toString);
            }
        } finally {
            if (before == null) {
                BenchSettings.preferences().remove(BenchSettings.STORE);
            } else {
                BenchSettings.preferences().put(BenchSettings.STORE, before);
            }
        }
    }
}
