/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.journal.Hashes;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.record.RecordReviews;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.StoreException;

/**
 * {@code review-record}: quality's review of a damaged record, which a unit's new jobs wait for. The review is kept
 * beside the records, in a hash-chained register, and covers the record's bytes as reviewed. Once the plant store keeps
 * accounts, the review is the signed-in person's (with the quality role), under their electronic signature (verified)
 * of those bytes.
 */
public final class ReviewRecordCommand implements Command {

    @Override
    public String name() {
        return "review-record";
    }

    @Override
    public String usage() {
        return "<record.jsonl> [--reviewer <id>] --finding \"<what the review found>\" [--personnel <file.xmi>] "
                + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "record quality's review of a damaged record, so that its unit's jobs may start again";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try (PlantAccess plant = PlantAccess.take(args)) {
            String reviewer = Arguments.take(args, "--reviewer", null);
            String finding = Arguments.take(args, "--finding", null);
            Path personnel = Arguments.optionalFile(args, "--personnel");
            if (finding == null || finding.isBlank() || args.size() != 1) {
                err.println("usage: benchwright review-record " + usage());
                return UNUSABLE;
            }
            Path record = Path.of(args.get(0));
            if (!Files.isRegularFile(record)) {
                err.println("benchwright review-record: no such record " + record);
                return UNUSABLE;
            }
            Accounts accounts = accounts(plant);
            Session session = null;
            if (accounts != null) { // a plant with accounts: the review is the signed-in quality engineer's, signed
                session = SessionFile.resume(accounts, plant.store().location());
                if (reviewer != null && !reviewer.equals(session.person().id())) {
                    throw new AccessDeniedException("signed in as " + session.person().id() + "; --reviewer " + reviewer
                            + " is someone else: one signs only as oneself");
                }
                reviewer = session.person().id();
            } else if (reviewer == null) {
                err.println("usage: benchwright review-record " + usage());
                return UNUSABLE;
            }
            if (session == null) { // without accounts, a reviewer the personnel register knows; with them, the account
                People.find(plant.people(personnel), reviewer);
            }
            JournalVerifier.Report report = JournalVerifier.verify(record);
            ESignature signature = null;
            if (session != null) {
                String bytes = Hashes.sha256(Files.readAllBytes(record));
                signature = accounts.sign(session, SecretInput.read(reviewer + " (" + session.person().name()
                        + "): password or PIN to sign 'verified' of " + RecordReviews.subject(record) + ", content "
                        + bytes.substring(0, 12) + ": ", err), Meaning.VERIFIED, RecordReviews.subject(record), bytes);
                err.println();
            }
            String hash = RecordReviews.review(record, reviewer, finding, LocalDate.now(), signature);
            out.println(record + ": " + VerifyCommand.describe(report));
            out.println("reviewed by " + reviewer + " (content " + hash.substring(0, 12) + "): " + finding.strip());
            if (signature != null) {
                out.println("signed: " + signature.describe() + ", key " + signature.key());
            }
            out.println("kept in " + record.toAbsolutePath().getParent().resolve(RecordReviews.FILE));
            return OK;
        } catch (AccessDeniedException e) {
            err.println("benchwright review-record: " + e.getMessage());
            return FINDINGS;
        } catch (StoreException e) {
            err.println("benchwright review-record: the plant store cannot be reached: " + e.getMessage());
            return UNUSABLE;
        } catch (IllegalArgumentException e) {
            err.println("benchwright review-record: " + e.getMessage());
            return UNUSABLE;
        } catch (IOException e) {
            err.println("benchwright review-record: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /** The plant's accounts, when the command works with a store that keeps any; {@code null} otherwise. */
    private static Accounts accounts(PlantAccess plant) throws IOException {
        if (plant.none()) {
            return null;
        }
        try {
            Accounts accounts = plant.store().accounts(AccountPolicy.ofThisMachine());
            return accounts.none() ? null : accounts;
        } catch (StoreException e) {
            return null; // a bench whose store is down: a review without a signature, as before the plant had accounts
        }
    }
}
