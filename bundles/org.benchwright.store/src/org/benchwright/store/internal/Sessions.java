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
import java.time.Duration;
import java.time.Instant;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.journal.Hashes;
import org.benchwright.store.internal.AccountRows.Row;

/**
 * Sessions of signed-in people ({@code sessions}): a random token, of which only the hash is kept; each use counts
 * as activity, and one idle longer than the plant allows ends, and says so.
 */
final class Sessions {

    private final AccountRows rows;

    Sessions(AccountRows rows) {
        this.rows = rows;
    }

    Session open(Row row) throws IOException {
        String token = Secrets.token();
        Instant now = rows.now();
        rows.update("open a session of " + row.id(), c -> {
            try (PreparedStatement i = c.prepareStatement("INSERT INTO sessions (token_hash, account_id, created, "
                    + "last_used, ended) VALUES (?, ?, ?, ?, NULL)")) {
                i.setString(1, Hashes.sha256(token));
                i.setString(2, row.id());
                i.setTimestamp(3, Timestamp.from(now));
                i.setTimestamp(4, Timestamp.from(now));
                i.executeUpdate();
            }
            rows.event(c, row.id(), "signed in", null);
        });
        return new Session(token, row.person());
    }

    Session resume(String token) throws AccessDeniedException, IOException {
        String hash = Hashes.sha256(token);
        try (Connection c = rows.pool.getConnection()) {
            String id;
            Instant last;
            Instant ended;
            try (PreparedStatement s = c.prepareStatement("SELECT account_id, last_used, ended FROM sessions "
                    + "WHERE token_hash = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new AccessDeniedException("not signed in (no such session): sign in");
                    }
                    id = r.getString(1);
                    last = r.getTimestamp(2).toInstant();
                    ended = r.getTimestamp(3) == null ? null : r.getTimestamp(3).toInstant();
                }
            }
            if (ended != null) {
                throw new AccessDeniedException(id + " was signed out at " + ended + ": sign in again");
            }
            Instant now = rows.now();
            if (Duration.between(last, now).compareTo(rows.policy.idle()) > 0) {
                end(c, hash, now);
                rows.event(c, id, "signed out", "idle since " + last + ", longer than " + rows.policy.idle().toMinutes()
                        + " minutes");
                throw new AccessDeniedException(id + " was signed out after " + rows.policy.idle().toMinutes()
                        + " minutes idle: sign in again");
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE sessions SET last_used = ? WHERE token_hash = ?")) {
                u.setTimestamp(1, Timestamp.from(now));
                u.setString(2, hash);
                u.executeUpdate();
            }
            Row row = rows.row(c, "account_id", id).orElseThrow(() -> new AccessDeniedException("the account " + id
                    + " is gone"));
            return new Session(token, row.person());
        } catch (SQLException e) {
            throw rows.failed("read a session", e);
        }
    }

    void signOut(String token) throws IOException {
        try (Connection c = rows.pool.getConnection()) {
            end(c, Hashes.sha256(token), rows.now());
        } catch (SQLException e) {
            throw rows.failed("end a session", e);
        }
    }

    static void end(Connection c, String hash, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE sessions SET ended = ? WHERE token_hash = ? AND ended "
                + "IS NULL")) {
            u.setTimestamp(1, Timestamp.from(now));
            u.setString(2, hash);
            u.executeUpdate();
        }
    }
}
