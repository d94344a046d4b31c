/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.tests;

import java.nio.file.Path;

import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a test of the store on both backends stands on: the PostgreSQL server the test classes share, a database or
 * an embedded store of each test's own.
 */
abstract class BothBackends {

    static PostgresServer postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.shared();
    }

    /** A new, empty store: {@code h2} in the test's folder, or {@code postgresql} on the shared server. */
    String location(String backend) throws Exception {
        return backend.equals("h2") ? "h2:" + dir.resolve("store") : postgres.newDatabase();
    }

    static PlantStore open(String location) throws Exception {
        return PlantStores.open(location, PostgresServer.CREDENTIALS);
    }
}
