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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.engine.registry.PersonnelRegistry;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.Technician;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.ChainRefusedException;
import org.benchwright.store.JobTrace;
import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores.Credentials;
import org.benchwright.store.Receipt;
import org.benchwright.store.StoreException;
import org.benchwright.store.StoredRecord;
import org.benchwright.store.TraceQuery;
import org.benchwright.store.UnitCounts;
import org.benchwright.store.UnitLock;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The plant store over JDBC: one schema (migrated by {@link Schema}) and portable SQL for both backends. Each entry is
 * taken in one transaction that locks its job's row, so concurrent senders of one job are serialised and entries of
 * different jobs are not; a unique key decides races between benches (two first entries of one job, two locks of one
 * unit).
 */
public final class JdbcPlantStore implements PlantStore {

    /** SQLSTATE of a unique-key violation, the same in H2 and PostgreSQL. */
    static final String UNIQUE = "23505";


    private final String location;
    private final HikariDataSource pool;
    private final Registers registers;
    private final UnitLocks locks;

    private JdbcPlantStore(String location, HikariDataSource pool) {
        this.location = location;
        this.pool = pool;
        this.registers = new Registers(location, pool);
        this.locks = new UnitLocks(location, pool);
    }

    public static JdbcPlantStore open(String location, Credentials credentials, int connections)
            throws StoreException {
        DataSource target = Backends.dataSource(location, credentials);
        HikariConfig config = new HikariConfig();
        config.setDataSource(target);
        config.setPoolName("benchwright-store");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1); // a store that is down fails the first use, with its reason
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Schema.migrate(location, pool);
        } catch (StoreException e) {
            pool.close();
            throw e;
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException(location + ": " + e.getMessage(), e);
        }
        return new JdbcPlantStore(location, pool);
    }

    @Override
    public Accounts accounts(AccountPolicy policy) {
        return new JdbcAccounts(location, pool, policy);
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public int schemaVersion() throws StoreException {
        try (Connection c = connection()) {
            return Schema.version(c);
        } catch (SQLException e) {
            throw failed("read the schema version", e);
        }
    }

    @Override
    public Receipt receive(String job, String line) throws StoreException {
        ChainedEntry entry = ChainedEntry.parse(job, line);
        return new Receipt(job, entry.seq(), take(job, List.of(entry)) == 1);
    }

    @Override
    public int receiveAll(String job, List<String> lines) throws StoreException {
        List<ChainedEntry> entries = new ArrayList<>();
        for (String line : lines) {
            entries.add(ChainedEntry.parse(job, line));
        }
        return take(job, entries);
    }

    /** Takes a job's entries in one transaction, once more when another sender created the job's row meanwhile. */
    private int take(String job, List<ChainedEntry> entries) throws StoreException {
        for (int attempt = 0;; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    int stored = take(c, job, entries);
                    c.commit();
                    return stored;
                } catch (SQLException e) {
                    c.rollback();
                    if (UNIQUE.equals(e.getSQLState()) && attempt == 0) {
                        continue; // another sender stored the job's first entry meanwhile: take it as it now stands
                    }
                    throw e;
                } catch (StoreException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw failed("store " + (entries.size() == 1 ? "entry " + entries.get(0).seq()
                        : entries.size() + " entries") + " of job " + job, e);
            }
        }
    }

    /**
     * Takes entries of one job under a lock on its row: each must be one the store holds (the same hash) or continue
     * the chain from the head; the new ones are inserted in one batch and the head moved once.
     */
    private int take(Connection c, String job, List<ChainedEntry> entries) throws SQLException, StoreException {
        long head;
        String headHash;
        try (PreparedStatement s = c.prepareStatement("SELECT head_seq, head_hash FROM jobs WHERE job_id = ? FOR UPDATE")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                head = r.next() ? r.getLong(1) : 0;
                headHash = head == 0 ? ChainedEntry.GENESIS : r.getString(2);
            }
        }
        long held = head;
        List<ChainedEntry> fresh = new ArrayList<>();
        KeyRing benches = registers.keyRing(c);
        for (ChainedEntry entry : entries) {
            if (entry.seq() <= held) {
                try (PreparedStatement s = c.prepareStatement("SELECT hash FROM entries WHERE job_id = ? AND seq = ?")) {
                    s.setString(1, job);
                    s.setLong(2, entry.seq());
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next() && r.getString(1).equals(entry.hash())) {
                            continue; // a resend
                        }
                    }
                }
                throw new ChainRefusedException("entry " + entry.seq() + " of job " + job + " differs from the one "
                        + "the store holds: the bench's journal forked or was edited after it was sent");
            }
            if (entry.seq() > head + 1) {
                throw new ChainRefusedException("entry " + entry.seq() + " of job " + job + " arrived before entry "
                        + (head + 1) + ": entries are taken in order");
            }
            if (!entry.prev().equals(headHash)) {
                throw new ChainRefusedException("entry " + entry.seq() + " of job " + job + " does not follow entry "
                        + head + " as the store holds it: the bench's journal forked or was edited");
            }
            if (entry.key() != null && !benches.isEmpty() && !benches.signed(entry.key(), entry.hash(),
                    entry.signature())) {
                throw new ChainRefusedException("entry " + entry.seq() + " of job " + job + " is signed with key "
                        + entry.key() + (benches.find(entry.key()).isEmpty() ? ", which no station of the register "
                                + "has" : ", and the signature is not that key's") + ": not as a bench of the plant "
                                        + "wrote it");
            }
            if (head == 0) {
                firstEntry(c, entry);
            }
            fresh.add(entry);
            head = entry.seq();
            headHash = entry.hash();
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO entries (job_id, seq, type, hash, line, received) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ChainedEntry entry : fresh) {
                s.setString(1, job);
                s.setLong(2, entry.seq());
                s.setString(3, entry.type());
                s.setString(4, entry.hash());
                s.setString(5, entry.line());
                s.setTimestamp(6, now);
                s.addBatch();
            }
            s.executeBatch();
        }
        for (ChainedEntry entry : fresh) {
            Derived.of(c, entry);
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE jobs SET head_seq = ?, head_hash = ? WHERE job_id = ?")) {
            s.setLong(1, head);
            s.setString(2, headHash);
            s.setString(3, job);
            s.executeUpdate();
        }
        return fresh.size();
    }

    /** The job's row, from its first entry: who, what, where. */
    private static void firstEntry(Connection c, ChainedEntry entry) throws SQLException, StoreException {
        if (!entry.type().equals("job.requested")) {
            throw new ChainRefusedException("job " + entry.job() + " begins with " + entry.type() + ", not "
                    + "job.requested: not a job's journal");
        }
        JsonObject d = entry.data();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO jobs (job_id, unit, procedure_id, revision, "
                + "procedure_hash, instruction, deviations, technician, station, bench, started, outcome, head_seq, "
                + "head_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'interrupted', 0, ?)")) {
            s.setString(1, entry.job());
            s.setString(2, ChainedEntry.string(d, "unit"));
            s.setString(3, ChainedEntry.string(d, "procedure"));
            s.setString(4, ChainedEntry.string(d, "revision"));
            s.setString(5, ChainedEntry.string(d, "procedureHash"));
            s.setString(6, d.has("basedOn") ? ChainedEntry.string(d, "procedure") : null);
            s.setString(7, d.has("deviations") ? d.get("deviations").toString() : null);
            s.setString(8, ChainedEntry.string(d, "technician"));
            s.setString(9, ChainedEntry.string(d, "station"));
            s.setString(10, d.has("bench") ? ChainedEntry.string(d, "bench") : null);
            s.setTimestamp(11, Timestamp.from(entry.time()));
            s.setString(12, ChainedEntry.GENESIS);
            s.executeUpdate();
        }
    }

    @Override
    public long head(String job) throws StoreException {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement("SELECT head_seq FROM jobs WHERE job_id = ?")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failed("read the head of job " + job, e);
        }
    }

    @Override
    public void lockUnit(String unit, String job, String bench) throws StoreException {
        locks.lockUnit(unit, job, bench);
    }

    @Override
    public void releaseUnit(String unit, String job) throws StoreException {
        locks.releaseUnit(unit, job);
    }

    @Override
    public UnitLock releaseUnit(String unit, String by, String reason) throws StoreException {
        return locks.releaseUnit(unit, by, reason);
    }

    @Override
    public List<String> releases(String unit) throws StoreException {
        return locks.releases(unit);
    }

    @Override
    public Optional<UnitLock> lockOf(String unit) throws StoreException {
        return locks.lockOf(unit);
    }

    @Override
    public UnitCounts counts(String unit) throws StoreException {
        Map<String, Integer> actions = new LinkedHashMap<>();
        Map<String, Integer> cycles = new LinkedHashMap<>();
        try (Connection c = connection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT designator, SUM(rework_actions), SUM(thermal_cycles) "
                    + "FROM counted WHERE unit = ? GROUP BY designator ORDER BY designator")) {
                s.setString(1, unit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        actions.put(r.getString(1), r.getInt(2));
                        cycles.put(r.getString(1), r.getInt(3));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COALESCE(SUM(thermal_cycles), 0) FROM heated WHERE unit = ?")) {
                s.setString(1, unit);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new UnitCounts(unit, actions, cycles, r.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw failed("read the counts of unit " + unit, e);
        }
    }

    @Override
    public List<JobTrace> trace(TraceQuery query) throws StoreException {
        String where = switch (query.by()) {
        case UNIT -> "unit = ?";
        case LOT -> "job_id IN (SELECT job_id FROM lots WHERE lot = ?)";
        case TECHNICIAN -> "technician = ?";
        case STATION -> "(station = ? OR bench = ?)";
        };
        List<JobTrace> jobs = new ArrayList<>();
        try (Connection c = connection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT job_id, unit, procedure_id, revision, procedure_hash, "
                    + "instruction, deviations, technician, station, bench, started, outcome, pwi, head_seq FROM jobs "
                    + "WHERE " + where + " ORDER BY started, job_id")) {
                s.setString(1, query.value());
                if (query.by() == TraceQuery.By.STATION) {
                    s.setString(2, query.value());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        double pwi = r.getDouble(13);
                        boolean noPwi = r.wasNull(); // asked right after the column, as JDBC answers it
                        jobs.add(new JobTrace(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), deviations(r.getString(7)), r.getString(8),
                                r.getString(9), r.getString(10), r.getTimestamp(11).toInstant(), r.getString(12),
                                noPwi ? Double.NaN : pwi, List.of(), r.getLong(14)));
                    }
                }
            }
            List<JobTrace> withLots = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT material, lot FROM lots WHERE job_id = ? ORDER BY seq")) {
                for (JobTrace j : jobs) {
                    s.setString(1, j.job());
                    List<String> lots = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            lots.add(r.getString(1) + " " + r.getString(2));
                        }
                    }
                    withLots.add(new JobTrace(j.job(), j.unit(), j.procedure(), j.revision(), j.procedureHash(),
                            j.instruction(), j.deviations(), j.technician(), j.station(), j.bench(), j.started(),
                            j.outcome(), j.pwi(), List.copyOf(lots), j.entries()));
                }
            }
            return withLots;
        } catch (SQLException e) {
            throw failed("trace " + query.by().name().toLowerCase(java.util.Locale.ROOT) + " " + query.value(), e);
        }
    }

    @Override
    public long entries() throws StoreException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM entries");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw failed("count the entries", e);
        }
    }

    @Override
    public void signRecord(String job, ESignature signature) throws StoreException {
        try (Connection c = connection()) {
            String head;
            try (PreparedStatement s = c.prepareStatement("SELECT head_hash FROM jobs WHERE job_id = ?")) {
                s.setString(1, job);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("plant store " + location + " holds no job " + job);
                    }
                    head = r.getString(1);
                }
            }
            if (!signature.subject().equals("job " + job) || !signature.content().equals(head)) {
                throw new StoreException("a signature of " + signature.subject() + ", record head "
                        + signature.content() + ", is not of job " + job + " as the store holds it (head " + head + ")");
            }
            String problem;
            try {
                problem = new JdbcAccounts(location, pool, AccountPolicy.defaults()).check(signature);
            } catch (IOException e) {
                throw new StoreException(e.getMessage(), e);
            }
            if (problem != null) {
                throw new StoreException(problem);
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO record_signatures (job_id, meaning, signer, "
                    + "signature) VALUES (?, ?, ?, ?)")) {
                i.setString(1, job);
                i.setString(2, signature.meaning().name());
                i.setString(3, signature.signer());
                i.setString(4, new com.google.gson.Gson().toJson(signature.toMap()));
                i.executeUpdate();
            }
        } catch (SQLException e) {
            throw failed("keep a signature of job " + job, e);
        }
    }

    @Override
    public List<ESignature> recordSignatures(String job) throws StoreException {
        List<ESignature> signatures = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT signature FROM record_signatures WHERE job_id = ? ORDER BY signature_id")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    signatures.add(ESignature.of(com.google.gson.JsonParser.parseString(r.getString(1))
                            .getAsJsonObject()));
                }
            }
        } catch (SQLException e) {
            throw failed("read the signatures of job " + job, e);
        }
        return signatures;
    }

    @Override
    public Optional<StoredRecord> record(String job) throws StoreException {
        List<String> lines = new ArrayList<>();
        List<Instant> received = new ArrayList<>();
        String problem = null;
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, hash, line, received FROM entries WHERE job_id = ? ORDER BY seq")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                String previous = ChainedEntry.GENESIS;
                while (r.next()) {
                    String line = r.getString(3);
                    lines.add(line);
                    Timestamp at = r.getTimestamp(4);
                    received.add(at == null ? null : at.toInstant());
                    if (problem != null) {
                        continue;
                    }
                    try {
                        ChainedEntry e = ChainedEntry.parse(job, line);
                        if (e.seq() != lines.size() || r.getLong(1) != e.seq()) {
                            problem = "entry " + lines.size() + " is numbered " + e.seq();
                        } else if (!e.prev().equals(previous) || !e.hash().equals(r.getString(2))) {
                            problem = "entry " + e.seq() + " does not follow entry " + (e.seq() - 1);
                        }
                        previous = e.hash();
                    } catch (ChainRefusedException e) {
                        problem = "entry " + lines.size() + ": " + e.getMessage();
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("read the record of job " + job, e);
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(new StoredRecord(job, List.copyOf(lines),
                java.util.Collections.unmodifiableList(received), problem));
    }

    private static List<String> deviations(String json) {
        if (json == null) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        for (JsonElement e : com.google.gson.JsonParser.parseString(json).getAsJsonArray()) {
            list.add(e.getAsString());
        }
        return List.copyOf(list);
    }

    @Override
    public DocumentRegister.Ledger documents() {
        return registers.documents();
    }

    @Override
    public PersonnelRegistry people() {
        return registers.people();
    }

    @Override
    public void putPeople(List<Technician> technicians) throws StoreException {
        registers.putPeople(technicians);
    }

    @Override
    public Optional<StationRegister> stations() throws StoreException {
        return registers.stations();
    }

    @Override
    public void putStations(StationRegister register) throws StoreException {
        registers.putStations(register);
    }

    @Override
    public int importDocuments(Path file) throws IOException, StoreException {
        return registers.importDocuments(DocumentRegister.entries(file));
    }

    private Connection connection() throws SQLException {
        return pool.getConnection();
    }

    private StoreException failed(String what, SQLException e) {
        return new StoreException("plant store " + location + ": could not " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        pool.close();
    }
}
