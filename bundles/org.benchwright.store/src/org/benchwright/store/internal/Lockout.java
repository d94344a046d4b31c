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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.store.internal.AccountRows.Row;

/**
 * Checks a typed password or PIN against an account, and keeps count: a locked account is refused without looking at
 * the secret, every failure is kept, and the failure that reaches the plant's limit locks the account and ends its
 * sessions. A directory account's password is the directory's to check.
 */
final class Lockout {

    private final AccountRows rows;

    Lockout(AccountRows rows) {
        this.rows = rows;
    }

    /**
     * Checks a secret against the account: its password ({@code pin} false), its PIN (true), or either (null). A
     * locked account is refused without looking at the secret; a wrong secret counts, and the last one allowed locks
     * the account.
     *
     * @return the stretched key of the secret that matched, which unseals the signing key
     */
    byte[] check(Row row, char[] secret, Boolean pin, String what) throws AccessDeniedException, IOException {
        Instant now = rows.now();
        if (row.lockedUntil() != null && now.isBefore(row.lockedUntil())) {
            rows.event(row.id(), "refused", what + ": locked");
            throw new AccessDeniedException(row.id() + " is locked until " + row.lockedUntil() + " after "
                    + rows.policy.maxFailures() + " failed attempts: wait, or ask an admin");
        }
        byte[] stretched = null;
        if (pin != Boolean.FALSE && row.pin() != null && (pin == Boolean.TRUE || row.password() == null)) {
            stretched = Secrets.matches(row.pin(), secret); // a directory account's PIN first: it signs with it
        }
        if (stretched == null && pin != Boolean.TRUE) {
            stretched = row.password() != null ? Secrets.matches(row.password(), secret) : directory(row, secret);
        }
        if (stretched == null && pin == null && row.password() != null && row.pin() != null) {
            stretched = Secrets.matches(row.pin(), secret);
        }
        Arrays.fill(secret, '\0');
        if (stretched != null) {
            if (row.failures() > 0 || row.lockedUntil() != null) {
                rows.update("clear the failures of " + row.id(), c -> {
                    try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET failures = 0, locked_until = "
                            + "NULL WHERE account_id = ?")) {
                        u.setString(1, row.id());
                        u.executeUpdate();
                    }
                });
            }
            return stretched;
        }
        String secretName = pin == null ? "password or PIN" : pin ? "PIN" : "password";
        int[] failures = new int[1];
        rows.update("count a failed sign-in of " + row.id(), c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET failures = failures + 1 "
                    + "WHERE account_id = ?")) {
                u.setString(1, row.id());
                u.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT failures FROM accounts WHERE account_id = ?")) {
                s.setString(1, row.id());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    failures[0] = r.getInt(1);
                }
            }
            rows.event(c, row.id(), "failed", what + ": wrong " + secretName + " (" + failures[0] + " in a row)");
            if (failures[0] >= rows.policy.maxFailures()) {
                try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET failures = 0, locked_until = ? "
                        + "WHERE account_id = ?")) {
                    u.setTimestamp(1, Timestamp.from(now.plus(rows.policy.lockout())));
                    u.setString(2, row.id());
                    u.executeUpdate();
                }
                try (PreparedStatement u = c.prepareStatement("UPDATE sessions SET ended = ? WHERE account_id = ? "
                        + "AND ended IS NULL")) {
                    u.setTimestamp(1, Timestamp.from(now));
                    u.setString(2, row.id());
                    u.executeUpdate();
                }
                rows.event(c, row.id(), "locked", "until " + now.plus(rows.policy.lockout()) + " after " + failures[0]
                        + " failed attempts; its sessions ended");
            }
        });
        if (failures[0] >= rows.policy.maxFailures()) {
            throw new AccessDeniedException("wrong " + secretName + "; " + row.id() + " is now locked until "
                    + now.plus(rows.policy.lockout()) + " after " + failures[0] + " failed attempts");
        }
        throw new AccessDeniedException(pin == Boolean.FALSE && what.startsWith("sign in") ? "wrong user id or password"
                : "wrong " + secretName);
    }

    /** A directory account's password, checked by the directory: an empty key when it takes it (nothing to unseal). */
    private byte[] directory(Row row, char[] password) throws AccessDeniedException, IOException {
        if (rows.policy.directory() == null) {
            throw new AccessDeniedException(row.id() + "'s password is checked by the plant's directory, which this "
                    + "bench does not know (~/.benchwright/directory.properties)");
        }
        return rows.policy.directory().accepts(row.id(), password) ? new byte[0] : null;
    }
}
