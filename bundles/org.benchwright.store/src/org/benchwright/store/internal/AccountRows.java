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

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.benchwright.engine.identity.Person;
import org.benchwright.engine.identity.Role;
import org.benchwright.store.AccountPolicy;

/**
 * The accounts' tables as {@link JdbcAccounts}, {@link Sessions} and {@link Lockout} share them: an account's row,
 * work in one transaction, and the events kept of every account (sign-ins, failures, locks, signatures).
 */
final class AccountRows {

    final String location;
    final DataSource pool;
    final AccountPolicy policy;

    AccountRows(String location, DataSource pool, AccountPolicy policy) {
        this.location = location;
        this.pool = pool;
        this.policy = policy;
    }

    /** An account's row. */
    record Row(String id, String name, Set<Role> roles, String password, String badge, String pin,
            String keyPassword, String keyPin, String key, int failures, Instant lockedUntil) {

        Person person() {
            return new Person(id, name, roles);
        }
    }

    /** Every account's holder, by id. */
    List<Person> people() throws IOException {
        List<Person> people = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT account_id, full_name, roles FROM accounts ORDER BY account_id"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                people.add(new Person(r.getString(1), r.getString(2), roles(r.getString(3))));
            }
        } catch (SQLException e) {
            throw failed("read the accounts", e);
        }
        return people;
    }

    /** What happened to an account, oldest first. */
    List<String> events(String id) throws IOException {
        List<String> events = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT at_time, kind, detail FROM account_events WHERE account_id = ? ORDER BY at_time, event_id")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(r.getTimestamp(1).toInstant() + " " + r.getString(2)
                            + (r.getString(3) == null ? "" : ": " + r.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failed("read the events of " + id, e);
        }
        return events;
    }

    Optional<Row> row(String column, String value) throws IOException {
        try (Connection c = pool.getConnection()) {
            return row(c, column, value);
        } catch (SQLException e) {
            throw failed("read an account", e);
        }
    }

    static Optional<Row> row(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT account_id, full_name, roles, password, badge, pin, "
                + "key_password, key_pin, key_fingerprint, failures, locked_until FROM accounts WHERE " + column
                + " = ?")) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Timestamp locked = r.getTimestamp(11);
                return Optional.of(new Row(r.getString(1), r.getString(2), roles(r.getString(3)), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getInt(10),
                        locked == null ? null : locked.toInstant()));
            }
        }
    }

    interface Work {
        void run(Connection c) throws SQLException;
    }

    void update(String what, Work work) throws IOException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    void event(String id, String kind, String detail) throws IOException {
        update("record an event of " + id, c -> event(c, id, kind, detail));
    }

    void event(Connection c, String id, String kind, String detail) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO account_events (account_id, at_time, kind, detail) "
                + "VALUES (?, ?, ?, ?)")) {
            i.setString(1, id);
            i.setTimestamp(2, Timestamp.from(now()));
            i.setString(3, kind);
            i.setString(4, detail);
            i.executeUpdate();
        }
    }

    Instant now() {
        return policy.clock().instant();
    }

    static String labels(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(","));
    }

    static Set<Role> roles(String labels) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String l : labels.split(",")) {
            if (!l.isBlank()) {
                roles.add(Role.of(l));
            }
        }
        return roles;
    }

    IOException failed(String what, SQLException e) {
        return new IOException("plant store " + location + ": could not " + what + ": " + e.getMessage(), e);
    }
}
