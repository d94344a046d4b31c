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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.benchwright.engine.gating.Gate;
import org.benchwright.engine.gating.Refusal;
import org.benchwright.engine.registry.ExpiryWarnings;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

/**
 * The plant's matrices: who may run which procedure today and why not (certification on the day and its modules,
 * skill), with the renewals due in 60 and 30 days; and which procedures each registered station may run (its
 * equipment, capabilities and calibration, and the stations a work instruction names).
 */
public final class MatricesView extends ViewPart {

    public static final String ID = "org.benchwright.ui.execution.matrices";

    private static final Color NO = new Color(0xfa, 0xdb, 0xd8);
    private static final Color YES = new Color(0xd5, 0xf5, 0xe3);

    private Table people;
    private Table stations;
    private Label renewals;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Buttons.push(parent, "Refresh", this::refresh);
        CTabFolder tabs = new CTabFolder(parent, SWT.BORDER);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite peoplePage = new Composite(tabs, SWT.NONE);
        peoplePage.setLayout(new GridLayout(1, false));
        renewals = new Label(peoplePage, SWT.WRAP);
        renewals.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        people = table(peoplePage);
        CTabItem peopleTab = new CTabItem(tabs, SWT.NONE);
        peopleTab.setText("Qualification");
        peopleTab.setControl(peoplePage);
        stations = table(tabs);
        CTabItem stationTab = new CTabItem(tabs, SWT.NONE);
        stationTab.setText("Stations");
        stationTab.setControl(stations);
        tabs.setSelection(0);
        refresh();
    }

    private static Table table(Composite parent) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return table;
    }

    /** Reads the registers and the bench project's procedures again. */
    public void refresh() {
        LocalDate today = LocalDate.now();
        List<Procedure> procedures = ProjectProcedures.of(
                ResourcesPlugin.getWorkspace().getRoot().getProject(BenchSettings.project()));
        List<Technician> technicians;
        try {
            technicians = BenchPlant.people().technicians();
            List<ExpiryWarnings.Warning> warnings = ExpiryWarnings.on(technicians, today);
            renewals.setText(warnings.isEmpty() ? "No certification to renew in the next 60 days."
                    : warnings.stream().map(w -> w.technician().getId() + " " + w.technician().getFullName() + ": "
                            + w.certification().getLevel().getLiteral() + " " + (w.expired() ? "EXPIRED on "
                                    : "expires on ") + w.certification().getExpires() + " (" + w.level() + ")")
                            .collect(Collectors.joining("\n")));
        } catch (IOException | RuntimeException e) {
            technicians = List.of();
            renewals.setText("The personnel register (" + BenchPlant.peopleWhere() + ") cannot be read: "
                    + e.getMessage());
        }
        List<String> rows = technicians.stream().map(t -> t.getId() + " " + t.getFullName()).toList();
        List<List<List<Refusal>>> cells = new ArrayList<>();
        for (Technician t : technicians) {
            cells.add(procedures.stream().map(p -> Gate.qualification(t, p, today)).toList());
        }
        fill(people, "Technician", rows, procedures, cells);

        try {
            StationRegister stationRegister = BenchPlant.stations();
            if (stationRegister == null) {
                fill(stations, "No station register (none in the plant store, none in the preferences)", List.of(),
                        List.of(), List.of());
                return;
            }
            List<List<List<Refusal>>> stationCells = new ArrayList<>();
            for (String s : stationRegister.stations()) {
                stationCells.add(procedures.stream().map(p -> stationRegister.check(s, p, today)).toList());
            }
            fill(stations, "Station", stationRegister.stations(), procedures, stationCells);
        } catch (IOException | RuntimeException e) {
            fill(stations, "The station register cannot be read: " + e.getMessage(), List.of(), List.of(), List.of());
        }
    }

    private static void fill(Table table, String corner, List<String> rows, List<Procedure> procedures,
            List<List<List<Refusal>>> cells) {
        table.setRedraw(false);
        table.removeAll();
        for (TableColumn c : table.getColumns()) {
            c.dispose();
        }
        TableColumn first = new TableColumn(table, SWT.LEFT);
        first.setText(corner);
        first.setWidth(180);
        for (Procedure p : procedures) {
            TableColumn c = new TableColumn(table, SWT.CENTER);
            c.setText(p.getName());
            c.setToolTipText(p.getTitle());
            c.setWidth(Math.max(70, p.getName().length() * 8));
        }
        for (int r = 0; r < rows.size(); r++) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(0, rows.get(r));
            for (int c = 0; c < procedures.size(); c++) {
                List<Refusal> why = cells.get(r).get(c);
                item.setText(c + 1, why.isEmpty() ? "yes" : why.stream().map(Refusal::code).distinct()
                        .collect(Collectors.joining(", ")));
                item.setBackground(c + 1, why.isEmpty() ? YES : NO);
            }
        }
        table.setRedraw(true);
    }

    /** The text of a cell: "yes", or the codes of the reasons why not. */
    public String cell(boolean ofPeople, String row, String procedure) {
        Table table = ofPeople ? people : stations;
        int column = -1;
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (table.getColumn(i).getText().equals(procedure)) {
                column = i;
            }
        }
        for (TableItem item : table.getItems()) {
            if (item.getText(0).startsWith(row) && column > 0) {
                return item.getText(column);
            }
        }
        return null;
    }

    @Override
    public void setFocus() {
        people.setFocus();
    }
}
