/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
 * The plant store of a command that works with the plant's registers, and the registers themselves. The store is
 * {@code --store <location>}, by default the bench's embedded store ({@code ~/.benchwright/store}, created on first
 * use); {@code --store none} keeps to the bench's own files. A register named as a file ({@code --documents},
 * {@code --personnel}, {@code --stations}) is read from that file, to try one before importing it; any other comes
 * from the store, which is opened only when something needs it.
 */
final class PlantAccess implements AutoCloseable {

    static final String OPTIONS = "[--store h2:<folder>|postgresql://host[:port]/db|none] [--store-credentials <file>]";

    private final String location;
    private final String credentials;
    private PlantStore store;
    private StoreException unreachable;

    private PlantAccess(String location, String credentials) {
        this.location = location;
        this.credentials = credentials;
    }

    /** Takes {@code --store} and {@code --store-credentials} from the arguments. */
    static PlantAccess take(List<String> args) {
        String location = Arguments.take(args, "--store", PlantStores.defaultLocation());
        String credentials = Arguments.take(args, "--store-credentials", null);
        return new PlantAccess(location.equals("none") ? null : location, credentials);
    }

    /** Whether the command keeps to the bench's own files ({@code --store none}). */
    boolean none() {
        return location == null;
    }

    String location() {
        return location;
    }

    /**
     * The store, opened at the first call.
     *
     * @throws StoreException when it cannot be opened, or with {@code --store none}
     */
    PlantStore store() throws StoreException {
        if (location == null) {
            throw new StoreException("no plant store (--store none)");
        }
        if (store == null && unreachable == null) {
            try {
                store = StoreAccess.open(location, credentials);
            } catch (IOException e) {
                unreachable = new StoreException(e.getMessage(), e);
            } catch (StoreException e) {
                unreachable = e;
            }
        }
        if (unreachable != null) {
            throw unreachable;
        }
        return store;
    }

    /**
     * The document-control register: the file given, else the store's, else the bench's own file. Once the plant
     * store holds accounts, the register takes only signed approvals and submissions, whichever ledger keeps them; a
     * bench without a store ({@code --store none}) has no accounts and takes them on a CSE's word.
     */
    DocumentRegister documents(Path file) throws IOException {
        if (location == null) {
            return new DocumentRegister(file != null ? file : Arguments.home("documents.jsonl"));
        }
        if (file != null) {
            try {
                store();
            } catch (StoreException e) {
                // a register file on a bench whose store is down: read as it stands; the plant's policy decides
                // whether a job may start without the store, and its record says what the store did not confirm
                return new DocumentRegister(file);
            }
        }
        Accounts accounts = reachable().accounts(AccountPolicy.ofThisMachine());
        DocumentRegister.Ledger ledger = file != null ? DocumentRegister.fileLedger(file) : reachable().documents();
        return new DocumentRegister(ledger, accounts.none() ? null : accounts);
    }

    /** The people: the file given, else the store's, else the bench's own file. */
    PersonnelRegistry people(Path file) throws IOException {
        if (file != null || location == null) {
            return new FilePersonnelRegistry(file != null ? file : Arguments.home("personnel.xmi"));
        }
        return reachable().people();
    }

    /**
     * The station register: the file given, else the store's when it keeps one, else the bench's own file when it
     * exists; {@code null} when there is none.
     */
    StationRegister stations(Path file) throws IOException {
        if (file != null) {
            return new StationRegister(file);
        }
        if (location != null) {
            try {
                StationRegister held = reachable().stations().orElse(null);
                if (held != null) {
                    return held;
                }
            } catch (StoreException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        Path own = Arguments.home("stations.properties");
        return java.nio.file.Files.isRegularFile(own) ? new StationRegister(own) : null;
    }

    private PlantStore reachable() throws IOException {
        try {
            return store();
        } catch (StoreException e) {
            throw new IOException("the plant store " + location + " cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
