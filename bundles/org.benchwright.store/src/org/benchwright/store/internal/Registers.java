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
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.journal.Hashes;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.engine.registry.PersonnelRegistry;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.engine.registry.StationRegister.Equipment;
import org.benchwright.model.Capability;
import org.benchwright.model.Certification;
import org.benchwright.model.Technician;
import org.benchwright.model.resource.ModelResources;
import org.benchwright.store.StoreException;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The registers in the plant store: document control (entries, each once, ordered by their time; an append checked
 * under a lock on its document's row), people with their certifications (each person as XMI, certifications also as
 * rows to query), and stations with their equipment. Races between benches end in a unique key or a row lock.
 */
final class Registers {

    private static final Gson GSON = new Gson();

    private final String location;
    private final DataSource pool;

    Registers(String location, DataSource pool) {
        this.location = location;
        this.pool = pool;
    }

    /** The document-control register as a ledger of the store. */
    DocumentRegister.Ledger documents() {
        return new DocumentRegister.Ledger() {
            @Override
            public String where() {
                return "the plant store " + location;
            }

            @Override
            public List<JsonObject> entries(String document) throws IOException {
                try (Connection c = pool.getConnection()) {
                    return documentEntries(c, document);
                } catch (SQLException e) {
                    throw failed("read the document register of " + document, e);
                }
            }

            @Override
            public void append(String document, String type, Map<String, ?> data, DocumentRegister.Check check)
                    throws IOException {
                JsonObject entry = new JsonObject();
                entry.addProperty("type", type);
                entry.addProperty("time", Instant.now().toString());
                entry.add("data", GSON.toJsonTree(data));
                try (Connection c = pool.getConnection()) {
                    documentRow(c, document);
                    c.setAutoCommit(false);
                    try {
                        try (PreparedStatement s = c.prepareStatement(
                                "SELECT document FROM documents WHERE document = ? FOR UPDATE")) {
                            s.setString(1, document);
                            s.executeQuery().close();
                        }
                        check.accept(documentEntries(c, document));
                        insertEntry(c, document, entry);
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    }
                } catch (SQLException e) {
                    throw failed("write the document register of " + document, e);
                }
            }
        };
    }

    /**
     * Takes the entries of a register file (its chain verified), each once: an entry the store holds already (the
     * same type, time and data) is passed over, so that importing a file again, or two imports at once, store each
     * entry once.
     *
     * @return how many entries were new
     */
    int importDocuments(List<JsonObject> fileEntries) throws StoreException {
        int added = 0;
        try (Connection c = pool.getConnection()) {
            for (JsonObject e : fileEntries) {
                JsonObject entry = new JsonObject();
                entry.add("type", e.get("type"));
                entry.add("time", e.get("time"));
                entry.add("data", e.get("data"));
                String document = entry.getAsJsonObject("data").get("document").getAsString();
                documentRow(c, document);
                try {
                    insertEntry(c, document, entry);
                    added++;
                } catch (SQLException ex) {
                    if (!JdbcPlantStore.UNIQUE.equals(ex.getSQLState())) {
                        throw ex;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("plant store " + location + ": could not import the document register: "
                    + e.getMessage(), e);
        }
        return added;
    }

    private static void documentRow(Connection c, String document) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO documents (document) VALUES (?)")) {
            s.setString(1, document);
            s.executeUpdate();
        } catch (SQLException e) {
            if (!JdbcPlantStore.UNIQUE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static void insertEntry(Connection c, String document, JsonObject entry) throws SQLException {
        String line = GSON.toJson(entry);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO document_entries (document, type, revision, at_time, "
                + "entry_hash, line) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, document);
            s.setString(2, entry.get("type").getAsString());
            s.setString(3, entry.getAsJsonObject("data").get("revision").getAsString());
            s.setTimestamp(4, Timestamp.from(Instant.parse(entry.get("time").getAsString())));
            s.setString(5, Hashes.sha256(line));
            s.setString(6, line);
            s.executeUpdate();
        }
    }

    private static List<JsonObject> documentEntries(Connection c, String document) throws SQLException {
        List<JsonObject> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT line FROM document_entries WHERE document = ? ORDER BY at_time, entry_id")) {
            s.setString(1, document);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(JsonParser.parseString(r.getString(1)).getAsJsonObject());
                }
            }
        }
        return entries;
    }

    /** The people of the store, read as they are now at every call. */
    PersonnelRegistry people() {
        return new PersonnelRegistry() {
            @Override
            public String where() {
                return "the plant store " + location;
            }

            @Override
            public Optional<Technician> technician(String id) throws IOException {
                return read("WHERE person_id = ?", id).stream().findFirst();
            }

            @Override
            public List<Technician> technicians() throws IOException {
                return read("", null);
            }

            private List<Technician> read(String where, String id) throws IOException {
                List<Technician> people = new ArrayList<>();
                try (Connection c = pool.getConnection();
                        PreparedStatement s = c.prepareStatement("SELECT person_id, xmi FROM people " + where
                                + " ORDER BY person_id")) {
                    if (id != null) {
                        s.setString(1, id);
                    }
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            String source = "the plant store " + location + ", person " + r.getString(1);
                            if (!(ModelResources.fromText(source, r.getString(2)).get(0) instanceof Technician t)) {
                                throw new IOException(source + ": not a technician");
                            }
                            people.add(t);
                        }
                    }
                } catch (SQLException e) {
                    throw failed("read the people", e);
                }
                return people;
            }
        };
    }

    /** Adds each technician, or replaces the one with their id, with their certifications. */
    void putPeople(List<Technician> technicians) throws StoreException {
        for (Technician t : technicians) {
            String xmi;
            try {
                xmi = ModelResources.toText(t);
            } catch (IOException e) {
                throw new StoreException(t.getId() + " cannot be written as a model: " + e.getMessage(), e);
            }
            retrying("store person " + t.getId(), c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE people SET full_name = ?, xmi = ?, updated = ? WHERE person_id = ?")) {
                    s.setString(1, t.getFullName());
                    s.setString(2, xmi);
                    s.setTimestamp(3, Timestamp.from(Instant.now()));
                    s.setString(4, t.getId());
                    if (s.executeUpdate() == 0) {
                        try (PreparedStatement i = c.prepareStatement(
                                "INSERT INTO people (full_name, xmi, updated, person_id) VALUES (?, ?, ?, ?)")) {
                            i.setString(1, t.getFullName());
                            i.setString(2, xmi);
                            i.setTimestamp(3, Timestamp.from(Instant.now()));
                            i.setString(4, t.getId());
                            i.executeUpdate();
                        }
                    }
                }
                try (PreparedStatement d = c.prepareStatement("DELETE FROM certifications WHERE person_id = ?")) {
                    d.setString(1, t.getId());
                    d.executeUpdate();
                }
                try (PreparedStatement i = c.prepareStatement("INSERT INTO certifications (person_id, number, level, "
                        + "issued, expires) VALUES (?, ?, ?, ?, ?)")) {
                    Set<String> numbers = new LinkedHashSet<>();
                    for (Certification cert : t.getCertifications()) {
                        String number = cert.getNumber() != null ? cert.getNumber()
                                : cert.getLevel().getLiteral() + " of " + cert.getIssued();
                        if (!numbers.add(number)) {
                            continue;
                        }
                        i.setString(1, t.getId());
                        i.setString(2, number);
                        i.setString(3, cert.getLevel().getLiteral());
                        i.setDate(4, Date.valueOf(cert.getIssued()));
                        i.setDate(5, Date.valueOf(cert.getExpires()));
                        i.executeUpdate();
                    }
                }
            });
        }
    }

    /** The station register the store keeps; empty when it keeps none. */
    Optional<StationRegister> stations() throws StoreException {
        List<Equipment> equipment = new ArrayList<>();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT station, name, kind, model, serial, capabilities, "
                        + "calibration_due FROM equipment ORDER BY station, position");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Set<Capability> capabilities = Arrays.stream(r.getString(6).split(",")).filter(x -> !x.isBlank())
                        .map(Capability::get).collect(Collectors.toCollection(LinkedHashSet::new));
                equipment.add(new Equipment(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), capabilities, r.getDate(7).toLocalDate()));
            }
            Map<String, List<String>> keys = keys(c);
            return equipment.isEmpty() && keys.isEmpty() ? Optional.empty()
                    : Optional.of(new StationRegister("the plant store " + location, equipment, keys));
        } catch (SQLException e) {
            throw new StoreException("plant store " + location + ": could not read the stations: " + e.getMessage(), e);
        }
    }

    /** The public keys of the plant's benches, as the store's station register holds them. */
    KeyRing keyRing(Connection c) throws SQLException {
        return KeyRing.of(keys(c));
    }

    private static Map<String, List<String>> keys(Connection c) throws SQLException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try (PreparedStatement k = c.prepareStatement("SELECT station, public_key FROM bench_keys ORDER BY station, "
                + "position"); ResultSet r = k.executeQuery()) {
            while (r.next()) {
                keys.computeIfAbsent(r.getString(1), x -> new ArrayList<>()).add(r.getString(2));
            }
        }
        return keys;
    }

    /**
     * Sets the equipment and the public keys of every station {@code register} names to what it says; other stations
     * stay.
     */
    void putStations(StationRegister register) throws StoreException {
        for (Map.Entry<String, List<String>> keys : register.publicKeys().entrySet()) {
            retrying("store the keys of station " + keys.getKey(), c -> {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM bench_keys WHERE station = ?")) {
                    d.setString(1, keys.getKey());
                    d.executeUpdate();
                }
                try (PreparedStatement i = c.prepareStatement("INSERT INTO bench_keys (station, position, public_key) "
                        + "VALUES (?, ?, ?)")) {
                    int position = 0;
                    for (String key : keys.getValue()) {
                        i.setString(1, keys.getKey());
                        i.setInt(2, position++);
                        i.setString(3, key);
                        i.executeUpdate();
                    }
                }
            });
        }
        for (String station : register.stations()) {
            retrying("store station " + station, c -> {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM equipment WHERE station = ?")) {
                    d.setString(1, station);
                    d.executeUpdate();
                }
                try (PreparedStatement i = c.prepareStatement("INSERT INTO equipment (station, name, kind, model, "
                        + "serial, capabilities, calibration_due, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int position = 0;
                    for (Equipment e : register.equipment(station)) {
                        i.setInt(8, position++);
                        i.setString(1, station);
                        i.setString(2, e.name());
                        i.setString(3, e.kind());
                        i.setString(4, e.model());
                        i.setString(5, e.serial());
                        i.setString(6, e.capabilities().stream().map(Capability::getLiteral)
                                .collect(Collectors.joining(",")));
                        i.setDate(7, Date.valueOf(e.calibrationDue()));
                        i.executeUpdate();
                    }
                }
            });
        }
    }

    /** Work in one transaction. */
    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in a transaction, once more when another writer's row made a unique key refuse it. */
    private void retrying(String what, Work work) throws StoreException {
        for (int attempt = 0;; attempt++) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    work.run(c);
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    if (JdbcPlantStore.UNIQUE.equals(e.getSQLState()) && attempt < 3) {
                        continue;
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw new StoreException("plant store " + location + ": could not " + what + ": " + e.getMessage(), e);
            }
        }
    }

    private IOException failed(String what, SQLException e) {
        return new IOException("plant store " + location + ": could not " + what + ": " + e.getMessage(), e);
    }
}
