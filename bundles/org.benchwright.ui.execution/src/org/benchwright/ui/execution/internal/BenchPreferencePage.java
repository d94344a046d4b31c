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
        store.setDefault(BenchSettings.PERSONNEL, ""); // the plant store's
        store.setDefault(BenchSettings.RECORDS, BenchSettings.recordsDefault().toString());
        store.setDefault(BenchSettings.DOCUMENTS, ""); // the plant store's
        store.setDefault(BenchSettings.STATIONS, "");
        store.setDefault(BenchSettings.STORE, "");
        store.setDefault(BenchSettings.STORE_CREDENTIALS, "");
        store.setDefault(BenchSettings.POLICY, ""); // the command line's file, when it exists; none: no limits
        store.setDefault(BenchSettings.PROJECT, BenchSettings.PROJECT_DEFAULT);
        store.setDefault(BenchSettings.SPEED, "1");
        setPreferenceStore(store);
        setDescription("The plant store the bench shares its records and registers with (blank: this bench's own, "
                + "under ~/.benchwright; none: no store), register files that take the place of the store's, the "
                + "records folder and plant policy, the workspace project whose procedures it runs, and the simulated "
                + "station's speed (1 = real time, 0 = as fast as it computes).");
    }

    @Override
    public void init(IWorkbench workbench) {
        // the store is the bench's own preference node
    }

    /** A register file field: blank takes the plant store's register. */
    private FileFieldEditor register(String key, String label) {
        FileFieldEditor field = new FileFieldEditor(key, label, getFieldEditorParent());
        field.setEmptyStringAllowed(true);
        field.getTextControl(getFieldEditorParent()).setMessage("the plant store's");
        return field;
    }

    @Override
    protected void createFieldEditors() {
        StringFieldEditor plant = new StringFieldEditor(BenchSettings.STORE, "Plant store:", getFieldEditorParent());
        plant.getTextControl(getFieldEditorParent())
                .setMessage("this bench's own; or h2:<folder>, postgresql://host:port/database, none");
        addField(plant);
        FileFieldEditor credentials = new FileFieldEditor(BenchSettings.STORE_CREDENTIALS,
                "Plant store credentials:", getFieldEditorParent());
        credentials.setEmptyStringAllowed(true);
        addField(credentials);
        addField(register(BenchSettings.PERSONNEL, "Personnel register (.xmi):"));
        addField(register(BenchSettings.STATIONS, "Station register (.properties):"));
        addField(register(BenchSettings.DOCUMENTS, "Document control register:"));
        FileFieldEditor policy = new FileFieldEditor(BenchSettings.POLICY, "Plant policy (rework limits):",
                getFieldEditorParent());
        policy.setEmptyStringAllowed(true);
        policy.getTextControl(getFieldEditorParent()).setMessage(BenchSettings.policyDefault().toString());
        addField(policy);
        addField(new DirectoryFieldEditor(BenchSettings.RECORDS, "Records folder:", getFieldEditorParent()));
        FileFieldEditor cfx = new FileFieldEditor(BenchSettings.CFX, "IPC-CFX configuration (blank: off):",
                getFieldEditorParent());
        cfx.setFileExtensions(new String[] { "*.properties", "*.*" });
        addField(cfx);
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
