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
import java.nio.file.Files;
import java.nio.file.Path;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.identity.Person;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.engine.registry.StationRegister;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A finished job's record signed by a person, kept in the plant store beside it: the technician who ran it signs
 * it as performed, quality (anyone but that technician) as verified. Only a finished record that verifies (with the
 * benches' keys of the store's station register) and that the store holds exactly as the file has it is signed; the
 * signature covers its chain head. The command line's {@code sign} and the workbench's bench both sign through here.
 */
public final class RecordSigning {

    /** What is about to be signed: the job, who ran it, and the record's chain head over its entries. */
    public record Subject(Path record, String job, String technician, String head, long entries) {

        /** The words of the prompt for the password or PIN that gives the signature. */
        public String prompt(Person signer, Meaning meaning) {
            return signer.id() + " (" + signer.name() + "): password or PIN to sign '" + meaning.label() + "' of job "
                    + job + ", record " + head.substring(0, 12) + ": ";
        }
    }

    private RecordSigning() {
    }

    /**
     * Checks that {@code signer} may sign {@code record} with {@code meaning}, before anyone types a secret.
     *
     * @throws AccessDeniedException with the reason, when the record is not finished, does not verify, is not the
     *                               store's, or the signer may not give that signature
     */
    public static Subject check(PlantStore store, Person signer, Meaning meaning, Path record)
            throws AccessDeniedException, IOException, StoreException {
        if (meaning != Meaning.PERFORMED && meaning != Meaning.VERIFIED) {
            throw new IllegalArgumentException("a record is signed as performed or verified, not " + meaning.label());
        }
        KeyRing keys = store.stations().map(StationRegister::keyRing).orElse(KeyRing.NONE);
        JournalVerifier.Report report = JournalVerifier.verify(record, keys);
        if (!report.intact() || !report.finished()) {
            throw new AccessDeniedException(record + " is not signed: only a finished record that verifies is; it "
                    + (report.broken() ? "does not verify: " + report.problem()
                            : report.forged() != null ? "is forged: " + report.forged() : "has no end: interrupted"));
        }
        JsonObject requested = JsonParser.parseString(Files.readAllLines(record).get(0)).getAsJsonObject()
                .getAsJsonObject("data");
        String job = requested.get("job").getAsString();
        String technician = requested.get("technician").getAsString();
        StoredRecord held = store.record(job).orElse(null);
        if (held == null || held.lines().size() != report.entries() || !held.lines().get(held.lines().size() - 1)
                .contains("\"hash\":\"" + report.lastHash() + "\"")) {
            throw new AccessDeniedException(record + " is not signed: the plant store does not hold job " + job
                    + " as this file has it (" + (held == null ? "it holds none of it: send it first"
                            : held.lines().size() + " entries") + ")");
        }
        if (meaning == Meaning.PERFORMED && !signer.id().equals(technician)) {
            throw new AccessDeniedException("only the technician who ran job " + job + " (" + technician
                    + ") signs it as performed; signed in as " + signer.id());
        }
        if (meaning == Meaning.VERIFIED && signer.id().equals(technician)) {
            throw new AccessDeniedException(signer.id() + " ran job " + job + ": the technician who ran it may not "
                    + "verify it");
        }
        return new Subject(record, job, technician, report.lastHash(), report.entries());
    }

    /**
     * Signs the record checked as {@code subject} with the session's person's key, unsealed by {@code secret}, and
     * keeps the signature in the store.
     */
    public static ESignature sign(PlantStore store, Accounts accounts, Session session, char[] secret, Meaning meaning,
            Subject subject) throws AccessDeniedException, IOException, StoreException {
        ESignature signature = accounts.sign(session, secret, meaning, "job " + subject.job(), subject.head());
        store.signRecord(subject.job(), signature);
        return signature;
    }
}
