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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.benchwright.cli.Command;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Role;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;

/**
 * {@code login}: signs a person in to the plant store with their password (typed without echo) or their badge and
 * PIN, and keeps the session for the commands after it ({@link SessionFile}); {@code logout} ends it.
 */
public final class LoginCommand implements Command {

    private final boolean in;

    private LoginCommand(boolean in) {
        this.in = in;
    }

    public static LoginCommand login() {
        return new LoginCommand(true);
    }

    public static LoginCommand logout() {
        return new LoginCommand(false);
    }

    @Override
    public String name() {
        return in ? "login" : "logout";
    }

    @Override
    public String usage() {
        return (in ? "--user <id> | --badge " : "") + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return in ? "sign in to the plant store (password, or badge and PIN); the session ends when idle"
                : "sign out: end the session login opened";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        boolean badge = args.remove("--badge");
        String user = Arguments.take(args, "--user", null);
        try (PlantAccess access = PlantAccess.take(args)) {
            if (!args.isEmpty() || in && (user == null) == !badge) {
                err.println("usage: benchwright " + name() + " " + usage());
                return UNUSABLE;
            }
            PlantStore store = access.store();
            Accounts accounts = store.accounts(AccountPolicy.ofThisMachine());
            if (!in) {
                String token = SessionFile.token();
                if (token != null) {
                    accounts.signOut(token);
                }
                SessionFile.delete();
                out.println(token == null ? "no one was signed in" : "signed out");
                return OK;
            }
            Session session;
            if (badge) {
                String scanned = new String(SecretInput.read("Badge: ", err)).strip();
                session = accounts.signInWithBadge(scanned, SecretInput.read("PIN: ", err));
            } else {
                session = accounts.signIn(user, SecretInput.read("Password for " + user + ": ", err));
            }
            SessionFile.write(store.location(), session.token());
            err.println();
            out.printf("signed in as %s (%s; %s) to the plant store %s; the session ends after %d minutes idle%n",
                    session.person().id(), session.person().name(), session.person().roles().stream().sorted()
                            .map(Role::label).collect(Collectors.joining(", ")),
                    store.location(), AccountPolicy.defaults().idle().toMinutes());
            return OK;
        } catch (AccessDeniedException e) {
            err.println();
            err.println("benchwright " + name() + ": " + e.getMessage());
            return FINDINGS;
        } catch (StoreException | IOException e) {
            err.println("benchwright " + name() + ": " + e.getMessage());
            return UNUSABLE;
        }
    }
}
