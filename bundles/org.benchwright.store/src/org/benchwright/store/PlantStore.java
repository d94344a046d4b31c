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
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.registry.PersonnelRegistry;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.model.Technician;

/**
 * The plant's one shared record, which every bench, the engineer's desk and quality use: every job's journal, entry by
 * entry, its chain checked on arrival; the rework and thermal-cycle counts of every unit and designator; which
 * material lots went into which units; and which unit has an open job. Backed by an embedded H2 file for a single
 * bench, PostgreSQL for a plant (see {@link PlantStores#open}). Safe to use from many threads and many processes.
 */
public interface PlantStore extends AutoCloseable {

    /** Where the store is, as a user names it: {@code h2:/home/t/.benchwright/store} or {@code postgresql://host/db}. */
    String location();

    /** The version of the schema the store has (migrated to this program's when it was older). */
    int schemaVersion() throws StoreException;

    /**
     * Takes one entry of a job's journal as the bench wrote it (one JSON line). Idempotent: an entry the store holds
     * already (same job, sequence and hash) is taken again without effect, so a bench may resend anything.
     *
     * @throws ChainRefusedException when the entry does not continue the job's chain as the store holds it (its hash
     *                               does not match its text, it forks from an entry the store holds, or entries
     *                               before it are missing)
     * @throws StoreException        when the store cannot be reached or written
     */
    Receipt receive(String job, String line) throws StoreException;

    /**
     * Takes entries of one job in order, all in one transaction, each as {@link #receive} takes it: a bench's outbox
     * sends what a job wrote since its last pass this way.
     *
     * @return how many were new to the store
     * @throws ChainRefusedException when one does not continue the chain: none of them is taken
     */
    int receiveAll(String job, List<String> lines) throws StoreException;

    /** The sequence number of the last entry the store holds of {@code job}; 0 when it holds none. */
    long head(String job) throws StoreException;

    /**
     * Opens the unit for a job: at most one open job per unit, whatever bench asks. Asking again for the same job is
     * no error. A lock whose job's record has ended in the store (its bench stopped before releasing it) is stale and
     * taken over; one whose job has not ended holds, until that job's record ends or the lock is released.
     *
     * @throws UnitLockedException when another job holds the unit, naming it
     */
    void lockUnit(String unit, String job, String bench) throws StoreException;

    /** Closes the unit's job; nothing when {@code job} does not hold it. */
    void releaseUnit(String unit, String job) throws StoreException;

    /**
     * Releases a unit whose job will not end by itself (its bench broke down for good), in the name of a person, and
     * keeps who released which job's lock, when and why.
     *
     * @return the lock released
     * @throws StoreException when the unit is not locked
     */
    UnitLock releaseUnit(String unit, String by, String reason) throws StoreException;

    /** The locks of the unit that people released, oldest first: "job J of bench B, released by P on T: why". */
    List<String> releases(String unit) throws StoreException;

    /** Who holds the unit, if anyone. */
    Optional<UnitLock> lockOf(String unit) throws StoreException;

    /** What every record in the store says the unit has been through. */
    UnitCounts counts(String unit) throws StoreException;

    /** Every job the query finds, oldest first. */
    List<JobTrace> trace(TraceQuery query) throws StoreException;

    /** How many journal entries the store holds, of every job of every bench. */
    long entries() throws StoreException;

    /** The record of {@code job} as the store holds it, its chain checked again; empty when it holds none. */
    Optional<StoredRecord> record(String job) throws StoreException;

    /**
     * Keeps an electronic signature of a job's record (the technician's, performed; quality's, verified) beside it.
     *
     * @throws StoreException when the store holds no such job, the signature is not of the record's head as the store
     *                        holds it, or its signer's key did not make it
     */
    void signRecord(String job, ESignature signature) throws StoreException;

    /** The signatures of a job's record, oldest first. */
    List<ESignature> recordSignatures(String job) throws StoreException;

    /**
     * The document-control register every bench and every engineer's desk shares: submissions, approvals and
     * withdrawals, each checked against the document's entries as they stand when it is given.
     */
    DocumentRegister.Ledger documents();

    /** The people and their certifications, as the store holds them at each call. */
    PersonnelRegistry people();

    /** Adds each technician, or replaces the one with their id, certifications and all. */
    void putPeople(List<Technician> technicians) throws StoreException;

    /** The plant's accounts, guarded as {@link AccountPolicy#defaults()} says. */
    default Accounts accounts() {
        return accounts(AccountPolicy.defaults());
    }

    /** The plant's accounts, guarded as {@code policy} says (its lockout, idle time, clock). */
    Accounts accounts(AccountPolicy policy);

    /** The plant's stations, their equipment and their benches' public keys; empty when the store keeps none. */
    Optional<StationRegister> stations() throws StoreException;

    /**
     * Sets the equipment and the public keys of every station the register names to what it says; other stations stay
     * as they are.
     */
    void putStations(StationRegister register) throws StoreException;

    /**
     * Takes a document register file's entries, its chain verified first, each once: entries the store holds already
     * are passed over, so an import may be repeated, or run by two benches at once.
     *
     * @return how many entries were new to the store
     * @throws IOException when the file cannot be read or its chain is broken (then nothing is taken)
     */
    int importDocuments(Path file) throws IOException, StoreException;

    @Override
    void close();
}
