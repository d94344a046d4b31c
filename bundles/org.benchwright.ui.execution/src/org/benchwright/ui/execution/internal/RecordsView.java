/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.execution.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.engine.record.RecordReviews;
import org.benchwright.engine.record.Records;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.ExecutionRecord;
import org.benchwright.model.StepResult;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Past jobs: the records of the bench's records folder; open one to read it, verify its hash chain. */
public final class RecordsView extends ViewPart {

    public static final String ID = "org.benchwright.ui.execution.records";

    private Table table;
    private Text details;
    private final List<Path> files = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(6, false));
        Buttons.push(parent, "Refresh", this::refresh);
        Buttons.push(parent, "Open", () -> open(selected()));
        Buttons.push(parent, "Verify chain", () -> verify(selected()));
        Buttons.push(parent, "Export PDF...", () -> {
            Path record = selected();
            Path target = record == null ? null : Exports.ask(parent.getShell(), "Save the job traveler", record, "pdf");
            if (target != null) {
                exportPdf(record, target);
            }
        });
        Buttons.push(parent, "Export CSV...", () -> {
            Path record = selected();
            Path target = record == null ? null : Exports.ask(parent.getShell(), "Save the telemetry", record, "csv");
            if (target != null) {
                exportCsv(record, target);
            }
        });
        Buttons.push(parent, "Develop Profile...", () -> developProfile(selected()));
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        table = Tables.of(sash, new String[][] { { "Record", "300" }, { "Size", "70" } });
        table.addListener(SWT.DefaultSelection, e -> open(selected()));
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        sash.setWeights(40, 60);
        refresh();
    }

    /** Lists the records folder again, newest first. */
    public void refresh() {
        files.clear();
        table.removeAll();
        Path folder = BenchSettings.records();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".jsonl")
                        && !p.getFileName().toString().equals(RecordReviews.FILE)).sorted((a, b) -> {
                    try {
                        return Files.getLastModifiedTime(b).compareTo(Files.getLastModifiedTime(a));
                    } catch (IOException e) {
                        return 0;
                    }
                }).forEach(files::add);
            } catch (IOException e) {
                details.setText("The records folder " + folder + " cannot be read: " + e.getMessage());
            }
        }
        for (Path f : files) {
            TableItem item = new TableItem(table, SWT.NONE);
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                size = -1;
            }
            item.setText(new String[] { f.getFileName().toString(), size < 0 ? "?" : (size + 1023) / 1024 + " KB" });
        }
        if (files.isEmpty()) {
            details.setText("No records in " + folder + " yet.");
        }
    }

    private Path selected() {
        int index = table.getSelectionIndex();
        return index < 0 ? (files.isEmpty() ? null : files.get(0)) : files.get(index);
    }

    /** Shows a record: who did what to which unit, the steps, lots, figures. */
    public String open(Path file) {
        if (file == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        try {
            ExecutionRecord r = Records.read(file);
            text.append(file.getFileName()).append('\n');
            text.append("unit ").append(r.getJob().getUnitSerial()).append(", procedure ").append(r.getProcedureId())
                    .append(" revision ").append(r.getProcedureRevision()).append(r.isTraining() ? " (TRAINING)" : "")
                    .append('\n');
            text.append("technician ").append(r.getTechnicianId()).append(", station ").append(r.getStation())
                    .append('\n');
            text.append("outcome ").append(r.getOutcome().getLiteral()).append(r.getPwi() == null ? ""
                    : String.format(Locale.ROOT, ", PWI %.1f", r.getPwi())).append('\n');
            r.getDeviations().forEach(d -> text.append("DEVIATION ").append(d).append('\n'));
            r.getLots().forEach(l -> text.append("lot ").append(l.getLot()).append('\n'));
            text.append('\n');
            for (StepResult s : r.getSteps()) {
                text.append(String.format(Locale.ROOT, "%-9s %s%s%n", s.getState().getLiteral(), s.getPath(),
                        s.getReason() == null ? "" : ": " + s.getReason()));
            }
        } catch (IOException | RuntimeException e) {
            text.append(file).append(" cannot be read as a record: ").append(e.getMessage());
        }
        details.setText(text.toString());
        return details.getText();
    }

    /**
     * Checks the record's hash chain and its bench's signature (against the station register's keys, when it holds
     * any), and shows the verdict with the record's e-signatures the plant store keeps, each checked.
     */
    public String verify(Path file) {
        if (file == null) {
            return null;
        }
        try {
            StationRegister register = BenchPlant.stations();
            KeyRing keys = register == null ? KeyRing.NONE : register.keyRing();
            JournalVerifier.Report report = JournalVerifier.verify(file, keys);
            StringBuilder text = new StringBuilder(file.getFileName() + ": " + (report.broken()
                    ? "BROKEN at entry " + report.brokenAt() + ": " + report.problem()
                    : "intact, " + report.entries() + " entries") + (report.finished() ? ", the job finished"
                            : report.interrupted() ? ", the job was interrupted" : ""));
            if (report.forged() != null) {
                text.append("\nFORGED: ").append(report.forged());
            } else if (report.signer() != null) {
                text.append(keys.isEmpty() ? "\nsigned with the key " + report.signer() + " (not checked: the station "
                        + "register holds no bench keys)" : "\nsigned by " + report.signer());
            }
            text.append(signatures(file, report));
            details.setText(text.toString());
        } catch (IOException | StoreException | RuntimeException e) {
            details.setText(file + " cannot be read: " + e.getMessage());
        }
        return details.getText();
    }

    /** The record's e-signatures the plant store keeps, a line each, checked; nothing without a store. */
    private static String signatures(Path file, JournalVerifier.Report report) throws IOException, StoreException {
        PlantStore store = BenchPlant.store();
        List<String> lines = Files.readAllLines(file);
        if (store == null || lines.isEmpty()) {
            return "";
        }
        JsonObject data = JsonParser.parseString(lines.get(0)).getAsJsonObject().getAsJsonObject("data");
        if (data == null || !data.has("job")) {
            return "";
        }
        Accounts accounts = store.accounts(AccountPolicy.ofThisMachine());
        StringBuilder text = new StringBuilder();
        for (ESignature s : store.recordSignatures(data.get("job").getAsString())) {
            String problem = accounts.check(s);
            if (problem == null && !s.content().equals(report.lastHash())) {
                problem = "it signs another state of the record (head " + s.content().substring(0, 12) + ")";
            }
            text.append('\n').append(s.describe()).append(problem == null ? " (e-signature holds)"
                    : ": DOES NOT HOLD: " + problem);
        }
        return text.toString();
    }

    /** Writes the record's job traveler (PDF/A) to {@code target} and shows what happened. */
    public String exportPdf(Path record, Path target) {
        details.setText(Exports.traveler(record, target));
        return details.getText();
    }

    /** Writes the record's telemetry (CSV) to {@code target} and shows what happened. */
    public String exportCsv(Path record, Path target) {
        details.setText(Exports.telemetry(record, target));
        return details.getText();
    }

    /**
     * Opens Develop Profile... on the records folder, {@code record} chosen to learn from first; shows what it said.
     * Returns the wizard's dialog, open until the engineer finishes or cancels it (a test drives it).
     */
    public WizardDialog developProfile(Path record) {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(BenchSettings.project());
        DevelopProfileWizard wizard = new DevelopProfileWizard(project, files, record);
        WizardDialog dialog = new WizardDialog(getSite().getShell(), wizard) {
            @Override
            public boolean close() {
                if (!wizard.report().isEmpty()) {
                    details.setText(wizard.report());
                }
                return super.close();
            }
        };
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    public List<Path> records() {
        return List.copyOf(files);
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
