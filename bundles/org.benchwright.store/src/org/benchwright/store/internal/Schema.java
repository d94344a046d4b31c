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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

import org.benchwright.store.SchemaTooNewException;
import org.benchwright.store.StoreException;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The store's schema, versioned by Liquibase ({@code changelog.sql}, one change set per version, each recording its
 * version in {@code bw_schema}). A store of an older version is migrated when opened; one a later program wrote is
 * refused before anything touches it.
 */
final class Schema {

    /** The schema version this program writes and reads. */
    static final int VERSION = 3;

    private static final String CHANGELOG = "org/benchwright/store/internal/changelog.sql";
    /** Kept: a logger that nothing refers to may be collected, and its level with it. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    private Schema() {
    }

    static void migrate(String location, DataSource pool) throws StoreException {
        try (Connection c = pool.getConnection()) {
            int found = versionOrZero(c);
            if (found > VERSION) {
                throw new SchemaTooNewException(location, found, VERSION);
            }
            if (found == VERSION) {
                return;
            }
            // Liquibase says what it does on the console and asks the internet about analytics: neither here
            LIQUIBASE_LOG.setLevel(Level.WARNING);
            Map<String, Object> scope = Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Schema.class.getClassLoader()),
                    "liquibase.analytics.enabled", false, "liquibase.showBanner", false);
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(c));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                        .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                        .execute();
            });
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(location + ": the schema could not be brought to version " + VERSION + ": "
                    + e.getMessage(), e);
        }
    }

    /** The store's schema version. */
    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM bw_schema")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** The schema version, 0 for a store that has none yet. */
    private static int versionOrZero(Connection c) throws SQLException {
        try (ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("bw_schema")) {
                    return version(c);
                }
            }
        }
        return 0;
    }
}
