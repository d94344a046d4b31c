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

import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.benchwright.store.StoreException;

/**
 * The plant store a command names: {@code --store <location>} (default: the bench's embedded store,
 * {@code ~/.benchwright/store}), with a server's user and password from {@code --store-credentials <file>} (a
 * properties file with {@code user} and {@code password}) or the environment ({@code BENCHWRIGHT_STORE_USER},
 * {@code BENCHWRIGHT_STORE_PASSWORD}); never on the command line, where every user of the machine could read them.
 */
final class StoreAccess {

    static final String OPTIONS = "[--store h2:<folder>|postgresql://host[:port]/db] [--store-credentials <file>]";

    private StoreAccess() {
    }

    static PlantStore open(List<String> args) throws IOException, StoreException {
        String location = Arguments.take(args, "--store", PlantStores.defaultLocation());
        String file = Arguments.take(args, "--store-credentials", null);
        return open(location, file);
    }

    static PlantStore open(String location, String credentialsFile) throws IOException, StoreException {
        return PlantStores.open(location, PlantStores.credentials(credentialsFile == null ? null
                : Path.of(credentialsFile)));
    }
}
