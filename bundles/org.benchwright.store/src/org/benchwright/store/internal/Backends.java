/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.benchwright.store.PlantStores.Credentials;
import org.benchwright.store.StoreException;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two backends by location: an embedded H2 file (several processes of one machine share it: the first serves the
 * others) or a PostgreSQL server. Data sources rather than driver names, so that no driver registry is needed.
 */
final class Backends {

    private static final Pattern POSTGRESQL = Pattern.compile("postgresql://([^/:]+)(?::(\\d+))?/([^/?]+)");

    private Backends() {
    }

    static DataSource dataSource(String location, Credentials credentials) throws StoreException {
        if (location.startsWith("h2:")) {
            Path folder = Path.of(location.substring(3)).toAbsolutePath();
            try {
                Files.createDirectories(folder);
            } catch (java.io.IOException e) {
                throw new StoreException(location + ": the folder cannot be created: " + e.getMessage(), e);
            }
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + folder.resolve("store") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
            h2.setUser("benchwright");
            h2.setPassword("");
            return h2;
        }
        Matcher m = POSTGRESQL.matcher(location);
        if (m.matches()) {
            if (credentials == null) {
                throw new StoreException(location + ": no credentials for the server (give them in a file or in "
                        + "BENCHWRIGHT_STORE_USER and BENCHWRIGHT_STORE_PASSWORD)");
            }
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setServerNames(new String[] { m.group(1) });
            pg.setPortNumbers(new int[] { m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)) });
            pg.setDatabaseName(m.group(3));
            pg.setUser(credentials.user());
            pg.setPassword(credentials.password());
            pg.setConnectTimeout(5);
            pg.setApplicationName("benchwright");
            return pg;
        }
        throw new StoreException("'" + location + "' is not a plant store: give h2:<folder> or "
                + "postgresql://host[:port]/database");
    }
}
