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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.benchwright.store.StoreException;
import org.benchwright.store.UnitLock;
import org.benchwright.store.UnitLockedException;

/**
 * At most one open job per unit: a row per open unit, its key deciding races between benches. A lock is taken over
 * when its job's record has ended in the store, or when the process that holds it has died on this very machine; a
 * person may release one whose bench will not come back, and the store keeps who, when and why.
 */
final class UnitLocks {

    /** This machine, as a lock's holder names it. */
    private static final String HOST = host();
    /** This process on this machine, as a unit lock records its holder. */
    private static final String HOLDER = HOST + " pid " + ProcessHandle.current().pid();

    private final String location;
    private final DataSource pool;

    UnitLocks(String location, DataSource pool) {
        this.location = location;
        this.pool = pool;
    }

    void lockUnit(String unit, String job, String bench) throws StoreException {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO unit_locks (unit, job_id, bench, since, holder) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, unit);
                s.setString(2, job);
                s.setString(3, bench);
                s.setTimestamp(4, Timestamp.from(Instant.now()));
                s.setString(5, HOLDER);
                s.executeUpdate();
            } catch (SQLException e) {
                if (!JdbcPlantStore.UNIQUE.equals(e.getSQLState())) {
                    throw e;
                }
                UnitLock holder = lockOf(c, unit).orElse(null);
                if (holder == null) {
                    lockUnit(unit, job, bench); // released between the two statements: try again
                } else if (!holder.job().equals(job)) {
                    if (!ended(c, holder.job()) && !died(c, unit)) {
                        throw new UnitLockedException(holder);
                    }
                    // the holder's record says its job ended (its bench stopped before releasing), or the process
                    // that holds it has died on this very machine (killed, or the machine lost power): the lock is
                    // stale
                    try (PreparedStatement d = c.prepareStatement(
                            "DELETE FROM unit_locks WHERE unit = ? AND job_id = ?")) {
                        d.setString(1, unit);
                        d.setString(2, holder.job());
                        d.executeUpdate();
                    }
                    lockUnit(unit, job, bench);
                }
            }
        } catch (SQLException e) {
            throw failed("lock unit " + unit, e);
        }
    }

    /** Whether the process holding the unit's lock ran on this machine and is not running any more. */
    private static boolean died(Connection c, String unit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT holder FROM unit_locks WHERE unit = ?")) {
            s.setString(1, unit);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || r.getString(1) == null || !r.getString(1).startsWith(HOST + " pid ")) {
                    return false;
                }
                try {
                    long pid = Long.parseLong(r.getString(1).substring((HOST + " pid ").length()));
                    return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
    }

    /** Whether the store holds the end of {@code job}'s record: finished or refused. */
    private static boolean ended(Connection c, String job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT outcome FROM jobs WHERE job_id = ?")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && !"interrupted".equals(r.getString(1));
            }
        }
    }

    void releaseUnit(String unit, String job) throws StoreException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM unit_locks WHERE unit = ? AND job_id = ?")) {
            s.setString(1, unit);
            s.setString(2, job);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("release unit " + unit, e);
        }
    }

    UnitLock releaseUnit(String unit, String by, String reason) throws StoreException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                UnitLock lock;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT job_id, bench, since FROM unit_locks WHERE unit = ? FOR UPDATE")) {
                    s.setString(1, unit);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            throw new StoreException("unit " + unit + " has no open job in " + location
                                    + ": nothing to release");
                        }
                        lock = new UnitLock(unit, r.getString(1), r.getString(2), r.getTimestamp(3).toInstant());
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO unit_lock_releases (unit, job_id, bench, "
                        + "since, released, released_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, unit);
                    s.setString(2, lock.job());
                    s.setString(3, lock.bench());
                    s.setTimestamp(4, Timestamp.from(lock.since()));
                    s.setTimestamp(5, Timestamp.from(Instant.now()));
                    s.setString(6, by);
                    s.setString(7, reason);
                    s.executeUpdate();
                }
                try (PreparedStatement d = c.prepareStatement("DELETE FROM unit_locks WHERE unit = ? AND job_id = ?")) {
                    d.setString(1, unit);
                    d.setString(2, lock.job());
                    d.executeUpdate();
                }
                c.commit();
                return lock;
            } catch (SQLException | StoreException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("release unit " + unit, e);
        }
    }

    List<String> releases(String unit) throws StoreException {
        List<String> said = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT job_id, bench, released, "
                + "released_by, reason FROM unit_lock_releases WHERE unit = ? ORDER BY released")) {
            s.setString(1, unit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    said.add("job " + r.getString(1) + " of " + r.getString(2) + ", released by " + r.getString(4)
                            + " on " + r.getTimestamp(3).toInstant() + ": " + r.getString(5));
                }
            }
        } catch (SQLException e) {
            throw failed("read the released locks of unit " + unit, e);
        }
        return said;
    }

    Optional<UnitLock> lockOf(String unit) throws StoreException {
        try (Connection c = pool.getConnection()) {
            return lockOf(c, unit);
        } catch (SQLException e) {
            throw failed("read the lock of unit " + unit, e);
        }
    }

    private static Optional<UnitLock> lockOf(Connection c, String unit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT job_id, bench, since FROM unit_locks WHERE unit = ?")) {
            s.setString(1, unit);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new UnitLock(unit, r.getString(1), r.getString(2),
                        r.getTimestamp(3).toInstant())) : Optional.empty();
            }
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private StoreException failed(String what, SQLException e) {
        return new StoreException("plant store " + location + ": could not " + what + ": " + e.getMessage(), e);
    }
}
