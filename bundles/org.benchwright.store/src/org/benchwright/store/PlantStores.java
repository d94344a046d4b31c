/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.benchwright.store.internal.JdbcPlantStore;
import org.benchwright.store.internal.ServiceLoaderMediator;

/**
 * Opens a plant store by the name a user gives it: {@code h2:<folder>} for the embedded store (created on first use;
 * the default is {@code ~/.benchwright/store}), {@code postgresql://host:port/database} for a plant's server, whose
 * user and password come from {@link Credentials} (a file or the environment, never the command line).
 */
public final class PlantStores {

    /** Whether the store runs in an OSGi framework, whose classes the mediator's starter links to. */
    private static final boolean OSGI = osgi();

    private PlantStores() {
    }

    /** A server's user and password. */
    public record Credentials(String user, String password) {

        @Override
        public String toString() {
            return "Credentials[" + user + "]"; // never the password
        }
    }

    /**
     * A server's credentials from a properties file ({@code user}, {@code password}) or, without one, from the
     * environment ({@code BENCHWRIGHT_STORE_USER}, {@code BENCHWRIGHT_STORE_PASSWORD}); {@code null} when neither
     * gives a user. Never from a command line, where every user of the machine could read them.
     *
     * @throws IOException when the file cannot be read or names no user
     */
    public static Credentials credentials(Path file) throws IOException {
        if (file != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            if (p.getProperty("user") == null) {
                throw new IOException(file + ": no 'user' in the credentials file");
            }
            return new Credentials(p.getProperty("user"), p.getProperty("password", ""));
        }
        String user = System.getenv("BENCHWRIGHT_STORE_USER");
        return user == null ? null : new Credentials(user, System.getenv().getOrDefault("BENCHWRIGHT_STORE_PASSWORD", ""));
    }

    private static boolean osgi() {
        try {
            Class.forName("org.osgi.framework.FrameworkUtil", false, PlantStores.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The embedded store every bench has by default: {@code ~/.benchwright/store}. */
    public static String defaultLocation() {
        return "h2:" + Path.of(System.getProperty("user.home"), ".benchwright", "store");
    }

    /**
     * Opens the store at {@code location}, creating an embedded one on first use and migrating an older schema.
     *
     * @param credentials for a server; ignored for the embedded store
     * @throws SchemaTooNewException when a later program wrote the store's schema
     * @throws StoreException        when it cannot be reached, or the location is not one of the two forms
     */
    public static PlantStore open(String location, Credentials credentials) throws StoreException {
        return open(location, credentials, 4);
    }

    /**
     * Like {@link #open(String, Credentials)}, with at most {@code connections} connections to the database: a bench
     * needs two (its outbox and its gate), a desk or a report more.
     */
    public static PlantStore open(String location, Credentials credentials, int connections) throws StoreException {
        if (OSGI) { // outside OSGi (a bench process of the tests) Liquibase finds its services by itself
            try {
                ServiceLoaderMediator.start(); // before any Liquibase class is loaded
            } catch (IllegalStateException e) {
                throw new StoreException(location + ": " + e.getMessage(), e);
            }
        }
        return JdbcPlantStore.open(location, credentials, connections);
    }
}
