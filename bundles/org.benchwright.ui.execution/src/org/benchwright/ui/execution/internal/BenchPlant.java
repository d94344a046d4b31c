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
import java.nio.file.Path;
import java.util.Objects;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.registry.FilePersonnelRegistry;
import org.benchwright.engine.registry.PersonnelRegistry;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.benchwright.store.StoreException;

/**
 * The workbench's plant store and the registers it reads, as the preferences say: the store kept open while its
 * location and credentials stay the same (a bench signs people in all day), registers from files the preferences name
 * or else from the store (with no store, the command line's files under {@code ~/.benchwright}).
 */
final class BenchPlant {

    private static PlantStore open;
    private static String openKey;

    private BenchPlant() {
    }

    /**
     * The plant store, or {@code null} when the preferences say none.
     *
     * @throws StoreException when it cannot be opened (it is tried again at the next call)
     */
    static synchronized PlantStore store() throws StoreException {
        String location = BenchSettings.store();
        if (location == null) {
            return null;
        }
        String key = location + "|" + BenchSettings.storeCredentials();
        if (open != null && Objects.equals(key, openKey)) {
            return open;
        }
        if (open != null) {
            open.close();
            open = null;
        }
        try {
            open = PlantStores.open(location, PlantStores.credentials(BenchSettings.storeCredentials()));
        } catch (IOException e) {
            throw new StoreException(location + ": " + e.getMessage(), e);
        }
        openKey = key;
        return open;
    }

    static PersonnelRegistry people() throws IOException {
        Path file = BenchSettings.personnel();
        if (file != null) {
            return new FilePersonnelRegistry(file);
        }
        PlantStore store = reachable();
        return store == null ? new FilePersonnelRegistry(BenchSettings.personnelDefault()) : store.people();
    }

    /**
     * The plant's accounts: {@code null} when the bench keeps no store, or its store no account (then a technician
     * signs in by id, as before the plant had accounts).
     */
    static Accounts accounts() throws IOException, StoreException {
        if (BenchSettings.store() == null) {
            return null;
        }
        Accounts accounts = store().accounts(AccountPolicy.ofThisMachine());
        return accounts.none() ? null : accounts;
    }

    /**
     * The document-control register: the file the preferences name, else the store's; once the store keeps accounts,
     * one that takes only signed approvals, as the command line's.
     */
    static DocumentRegister documents() throws IOException {
        Path file = BenchSettings.documents();
        if (file != null) {
            Accounts accounts;
            try {
                accounts = accounts();
            } catch (StoreException e) {
                accounts = null; // the store is down: the plant's policy decides whether a job starts without it
            }
            return new DocumentRegister(DocumentRegister.fileLedger(file), accounts);
        }
        PlantStore store = reachable();
        if (store == null) {
            return new DocumentRegister(BenchSettings.documentsDefault());
        }
        Accounts accounts = store.accounts();
        return new DocumentRegister(store.documents(), accounts.none() ? null : accounts);
    }

    /** The station register: the file the preferences name, else the store's; {@code null} when there is none. */
    static StationRegister stations() throws IOException {
        Path file = BenchSettings.stations();
        if (file != null) {
            return new StationRegister(file);
        }
        PlantStore store = reachable();
        try {
            return store == null ? null : store.stations().orElse(null);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Where the people come from, for messages. */
    static String peopleWhere() {
        Path file = BenchSettings.personnel();
        String location = BenchSettings.store();
        return file != null ? file.toString() : location != null ? "the plant store " + location
                : BenchSettings.personnelDefault().toString();
    }

    private static PlantStore reachable() throws IOException {
        try {
            return store();
        } catch (StoreException e) {
            throw new IOException("the plant store " + BenchSettings.store() + " cannot be reached: " + e.getMessage(),
                    e);
        }
    }
}
