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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.identity.Person;
import org.benchwright.model.Procedure;
import org.benchwright.model.Technician;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.StoreException;

/**
 * A document-control command on one procedure, signed by the person signed in ({@code submit}, {@code approve}):
 * reads the options, finds the procedure and the signed-in person's entry in the personnel register, and acts on the
 * document register, which takes the act only under that person's electronic signature, given when they type their
 * password or PIN again. Naming a person ({@code --approver}) signs nothing: it must be the person signed in.
 */
abstract class DocumentCommand implements Command {

    private final String personOption;

    /** @param personOption the option naming the technician, for example {@code --approver} */
    DocumentCommand(String personOption) {
        this.personOption = personOption;
    }

    /** Gives the signed-in person's electronic signature, once they typed their password or PIN. */
    @FunctionalInterface
    interface Signer {
        ESignature sign(Meaning meaning, String subject, String content) throws AccessDeniedException, IOException;
    }

    /** Acts on the register; returns the exit code. */
    abstract int act(DocumentRegister register, Procedure procedure, Technician person, Signer signer,
            PrintStream out, PrintStream err) throws AccessDeniedException, IOException;

    @Override
    public final String usage() {
        return "--library <dir> --procedure <id> [" + personOption + " <the signed-in person's id>] "
                + "[--personnel <file.xmi>] [--documents <file>] " + PlantAccess.OPTIONS;
    }

    @Override
    public final int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        try (PlantAccess plant = PlantAccess.take(args)) {
            String library = Arguments.take(args, "--library", null);
            String id = Arguments.take(args, "--procedure", null);
            String personId = Arguments.take(args, personOption, null);
            Path personnel = Arguments.optionalFile(args, "--personnel");
            Path documents = Arguments.optionalFile(args, "--documents");
            if (library == null || id == null || !args.isEmpty()) {
                err.println("usage: benchwright " + name() + " " + usage());
                return UNUSABLE;
            }
            Procedure procedure = LibraryProcedures.find(Path.of(library), id);
            if (plant.none()) {
                throw new AccessDeniedException(name() + " is signed with the plant's accounts, which live in the "
                        + "plant store; --store none has none");
            }
            Accounts accounts = plant.store().accounts(AccountPolicy.ofThisMachine());
            if (accounts.none()) {
                throw new AccessDeniedException("the plant store " + plant.location() + " has no accounts yet: an "
                        + "admin makes them (benchwright accounts add --id <id> --name <name> --roles admin), then "
                        + "each person signs in (benchwright login)");
            }
            Session session = SessionFile.resume(accounts, plant.store().location());
            Person signedIn = session.person();
            if (personId != null && !personId.equals(signedIn.id())) {
                throw new AccessDeniedException("signed in as " + signedIn.id() + "; " + personOption + " " + personId
                        + " is someone else: one signs only as oneself");
            }
            Technician person = People.find(plant.people(personnel), signedIn.id());
            Signer signer = (meaning, subject, content) -> {
                char[] secret = SecretInput.read(signedIn.id() + " (" + signedIn.name() + "): password or PIN to sign '"
                        + meaning.label() + "' of " + subject + ", content " + content.substring(0, Math.min(12,
                                content.length())) + ": ", err);
                ESignature signature = accounts.sign(session, secret, meaning, subject, content);
                err.println();
                return signature;
            };
            return act(plant.documents(documents), procedure, person, signer, out, err);
        } catch (AccessDeniedException e) {
            err.println("benchwright " + name() + ": " + e.getMessage());
            return FINDINGS;
        } catch (StoreException e) {
            err.println("benchwright " + name() + ": the plant store cannot be reached: " + e.getMessage());
            return UNUSABLE;
        } catch (IllegalArgumentException e) {
            err.println("benchwright " + name() + ": " + e.getMessage());
            return FINDINGS;
        } catch (IOException e) {
            err.println("benchwright " + name() + ": " + e.getMessage());
            return UNUSABLE;
        }
    }
}
