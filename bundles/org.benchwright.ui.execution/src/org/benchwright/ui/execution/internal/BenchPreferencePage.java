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

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Window > Preferences > Benchwright Bench: where the bench finds the personnel register, the station register and
 * document control, where it writes records, which project's procedures it offers, how fast the simulator runs.
 */
public final class BenchPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.benchwright.ui.execution.preferences";

    public BenchPreferencePage() {
        super(GRID);
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, BenchSettings.NODE);
        store.setDefault(BenchSettings.PERSONNEL, BenchSettings.personnelDefault().toString());
        store.setDefault(BenchSettings.RECORDS, BenchSettings.recordsDefault().toString());
        store.setDefault(BenchSettings.DOCUMENTS, BenchSettings.documentsDefault().toString());
        store.setDefault(BenchSettings.STATIONS, "");
        store.setDefault(BenchSettings.STORE, "");
        store.setDefault(BenchSettings.STORE_CREDENTIALS, "");
        store.setDefault(BenchSettings.POLICY, ""); // the command line's file, when it exists; none: no limits
        store.setDefault(BenchSettings.PROJECT, BenchSettings.PROJECT_DEFAULT);
        store.setDefault(BenchSettings.SPEED, "1");
        setPreferenceStore(store);
        setDescription("The bench's registers, records and plant policy (the command line's, under ~/.benchwright, by "
                + "default), the "
                + "workspace project whose procedures it runs, and the simulated station's speed (1 = real time, "
                + "0 = as fast as it computes).");
    }

    @Override
    public void init(IWorkbench workbench) {
        // the store is the bench's own preference node
    }

    @Override
    protected void createFieldEditors() {
        addField(new FileFieldEditor(BenchSettings.PERSONNEL, "Personnel register (.xmi):", getFieldEditorParent()));
        addField(new FileFieldEditor(BenchSettings.STATIONS, "Station register (.properties):",
                getFieldEditorParent()));
        addField(new FileFieldEditor(BenchSettings.DOCUMENTS, "Document control register:", getFieldEditorParent()));
        FileFieldEditor policy = new FileFieldEditor(BenchSettings.POLICY, "Plant policy (rework limits):",
                getFieldEditorParent());
        policy.setEmptyStringAllowed(true);
        policy.getTextControl(getFieldEditorParent()).setMessage(BenchSettings.policyDefault().toString());
        addField(policy);
        addField(new DirectoryFieldEditor(BenchSettings.RECORDS, "Records folder:", getFieldEditorParent()));
        StringFieldEditor plant = new StringFieldEditor(BenchSettings.STORE, "Plant store:", getFieldEditorParent());
        plant.getTextControl(getFieldEditorParent()).setMessage("h2:<folder> or postgresql://host:port/database");
        addField(plant);
        FileFieldEditor credentials = new FileFieldEditor(BenchSettings.STORE_CREDENTIALS,
                "Plant store credentials:", getFieldEditorParent());
        credentials.setEmptyStringAllowed(true);
        addField(credentials);
        addField(new StringFieldEditor(BenchSettings.PROJECT, "Procedures from project:", getFieldEditorParent()));
        StringFieldEditor speed = new StringFieldEditor(BenchSettings.SPEED, "Simulator speed (x real time):",
                getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                try {
                    return Double.parseDouble(getStringValue().strip()) >= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        };
        speed.setErrorMessage("The simulator speed is a number: 1 for real time, 0 for as fast as it computes");
        addField(speed);
    }
}
