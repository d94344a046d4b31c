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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.benchwright.store.JobTrace;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;
import org.benchwright.store.StoredRecord;
import org.benchwright.store.TraceQuery;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Traceability across every bench, from the plant store: the jobs done to a unit (its timeline, oldest first), with a
 * lot, by a technician or at a station, each with its procedure and revision, lots, PWI, outcome and whether its
 * record's chain holds; a job's record opened from the store's copy, one line per entry.
 */
public final class TraceabilityView extends ViewPart {

    public static final String ID = "org.benchwright.ui.execution.traceability";

    private static final String[] BY = { "unit", "lot", "technician", "station" };

    private Combo by;
    private Text value;
    private Label said;
    private Table table;
    private Text details;
    private final List<JobTrace> jobs = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        by = new Combo(parent, SWT.READ_ONLY);
        by.setItems(BY);
        by.select(0);
        value = new Text(parent, SWT.BORDER | SWT.SEARCH);
        value.setMessage("SN-1001, LF-2026-0412, T-001, bench-3");
        value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        value.addListener(SWT.DefaultSelection, e -> search(BY[by.getSelectionIndex()], value.getText().strip()));
        Buttons.push(parent, "Search", () -> search(BY[by.getSelectionIndex()], value.getText().strip()));
        Buttons.push(parent, "Open record", () -> open(selected()));
        said = new Label(parent, SWT.WRAP);
        said.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        said.setText("Search the plant store by unit, lot, technician or station.");
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        table = Tables.of(sash, new String[][] { { "Started", "150" }, { "Unit", "90" }, { "Procedure", "150" },
                { "Rev", "40" }, { "Technician", "80" }, { "Station", "110" }, { "Lots", "200" }, { "PWI", "50" },
                { "Outcome", "90" }, { "Record", "140" }, { "Job", "260" } });
        table.addListener(SWT.DefaultSelection, e -> open(selected()));
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        sash.setWeights(55, 45);
    }

    /**
     * Finds every job the plant store holds for {@code what} ({@code unit}, {@code lot}, {@code technician},
     * {@code station}) {@code value}, oldest first, and shows them; what it says above the table.
     */
    public String search(String what, String text) {
        by.select(List.of(BY).indexOf(what));
        if (!value.getText().strip().equals(text)) {
            value.setText(text);
        }
        jobs.clear();
        table.removeAll();
        details.setText("");
        if (text.isEmpty()) {
            said.setText("Give a " + what + " to search for.");
            return said.getText();
        }
        BusyIndicator.showWhile(table.getDisplay(), () -> {
            try {
                PlantStore store = BenchPlant.store();
                if (store == null) {
                    said.setText("No plant store (preference 'store' is none): nothing to search.");
                    return;
                }
                for (JobTrace j : store.trace(TraceQuery.of(what, text))) {
                    jobs.add(j);
                    TableItem item = new TableItem(table, SWT.NONE);
                    item.setText(new String[] { j.started().toString().replace('T', ' ').substring(0, 19), j.unit(),
                            j.procedure() + (j.instruction() == null ? "" : " (" + j.instruction() + ")"),
                            j.revision(), j.technician(), j.station() + (j.bench() == null ? "" : " " + j.bench()),
                            String.join("; ", j.lots()), Double.isNaN(j.pwi()) ? ""
                                    : String.format(Locale.ROOT, "%.0f", j.pwi()),
                            j.outcome(), store.record(j.job()).map(StoredRecord::describe).orElse("none"), j.job() });
                }
                said.setText(jobs.size() + " job(s) for " + what + " " + text + " in " + store.location()
                        + (what.equals("unit") ? ": the unit's timeline, oldest first" : ", oldest first"));
            } catch (StoreException | IllegalArgumentException e) {
                said.setText("The plant store cannot answer: " + e.getMessage());
            }
        });
        said.getParent().layout();
        return said.getText();
    }

    /** The jobs the last search found, as the table shows them. */
    public List<JobTrace> jobs() {
        return List.copyOf(jobs);
    }

    /** Shows a job's record as the plant store holds it, one line per entry, and returns the text. */
    public String open(String job) {
        if (job == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try {
            PlantStore store = BenchPlant.store();
            StoredRecord record = store == null ? null : store.record(job).orElse(null);
            if (record == null) {
                text.append("The plant store holds no record of job ").append(job);
            } else {
                text.append("Job ").append(job).append(": ").append(record.describe()).append('\n');
                int telemetry = 0;
                for (String line : record.lines()) {
                    JsonObject e = JsonParser.parseString(line).getAsJsonObject();
                    String type = e.get("type").getAsString();
                    if (type.equals("telemetry")) {
                        telemetry++;
                        continue;
                    }
                    if (telemetry > 0) {
                        text.append("      ... ").append(telemetry).append(" telemetry entries\n");
                        telemetry = 0;
                    }
                    text.append(String.format(Locale.ROOT, "%5d %s %-22s %s%n", e.get("seq").getAsLong(),
                            e.get("time").getAsString().replace('T', ' ').substring(0, 19), type,
                            e.get("data").toString()));
                }
            }
        } catch (StoreException | RuntimeException e) {
            text.append("The record cannot be read from the plant store: ").append(e.getMessage());
        }
        details.setText(text.toString());
        return text.toString();
    }

    private String selected() {
        int i = table.getSelectionIndex();
        return i < 0 ? null : jobs.get(i).job();
    }

    @Override
    public void setFocus() {
        value.setFocus();
    }
}
