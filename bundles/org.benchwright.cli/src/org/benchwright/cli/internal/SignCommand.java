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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.benchwright.cli.Command;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.RecordSigning;
import org.benchwright.store.StoreException;

/**
 * {@code sign}: a job's record signed by the technician who ran it (meaning performed) or by quality (verified), of
 * its chain head as the plant store holds it, once the record verifies: intact, finished, signed by its bench where
 * the register holds the benches' keys, and the same as the store's. The signature is kept in the store beside the
 * record; {@code verify --store} shows and checks it.
 */
public final class SignCommand implements Command {

    @Override
    public String name() {
        return "sign";
    }

    @Override
    public String usage() {
        return "--meaning performed|verified <record.jsonl> " + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "sign a finished job's record: the technician who ran it (performed), or quality (verified)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        String meaningName = Arguments.take(args, "--meaning", null);
        try (PlantAccess access = PlantAccess.take(args)) {
            if (meaningName == null || args.size() != 1 || !List.of("performed", "verified").contains(meaningName)) {
                err.println("usage: benchwright sign " + usage());
                return UNUSABLE;
            }
            Meaning meaning = Meaning.valueOf(meaningName.toUpperCase(Locale.ROOT));
            Path record = Path.of(args.get(0));
            if (!Files.isRegularFile(record)) {
                err.println("benchwright sign: no such record " + record);
                return UNUSABLE;
            }
            if (access.none()) {
                throw new AccessDeniedException("signatures live in the plant store with the accounts; --store none "
                        + "has none");
            }
            PlantStore store = access.store();
            Accounts accounts = store.accounts(AccountPolicy.ofThisMachine());
            if (accounts.none()) {
                throw new AccessDeniedException("the plant store " + store.location() + " has no accounts yet");
            }
            Session session = SessionFile.resume(accounts, store.location());
            RecordSigning.Subject subject = RecordSigning.check(store, session.person(), meaning, record);
            char[] secret = SecretInput.read(subject.prompt(session.person(), meaning), err);
            ESignature signature = RecordSigning.sign(store, accounts, session, secret, meaning, subject);
            err.println();
            out.printf("job %s: %s, of its record's %d entries (head %s)%n", subject.job(), signature.describe(),
                    subject.entries(), subject.head().substring(0, 12));
            return OK;
        } catch (AccessDeniedException e) {
            err.println("benchwright sign: " + e.getMessage());
            return FINDINGS;
        } catch (StoreException | IOException e) {
            err.println("benchwright sign: " + e.getMessage());
            return UNUSABLE;
        }
    }
}
