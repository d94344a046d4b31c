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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.benchwright.cli.Command;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Person;
import org.benchwright.engine.identity.Role;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;

/**
 * {@code accounts}: the plant's accounts in the store. An admin adds people (the store's first account must be an
 * admin's, made without signing in), resets passwords and sets roles; a person gives their own account a badge and
 * PIN. Passwords and PINs are typed, never given on the command line.
 */
public final class AccountsCommand implements Command {

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public String usage() {
        return "add --id <id> --name <full name> --roles <role,...> [--badge <badge>] [--directory] | reset --id <id> | "
                + "roles --id <id> "
                + "--roles <role,...> | badge --badge <badge> | list | events --id <id>  " + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "people's accounts and roles (engineer, cse, technician, quality, admin), badges, password resets";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        String action = args.isEmpty() ? "" : args.remove(0);
        String id = Arguments.take(args, "--id", null);
        String name = Arguments.take(args, "--name", null);
        String roles = Arguments.take(args, "--roles", null);
        String badge = Arguments.take(args, "--badge", null);
        boolean directory = args.remove("--directory");
        try (PlantAccess access = PlantAccess.take(args)) {
            boolean usable = args.isEmpty() && switch (action) {
                case "add" -> id != null && name != null && roles != null;
                case "reset", "events" -> id != null;
                case "roles" -> id != null && roles != null;
                case "badge" -> badge != null;
                case "list" -> true;
                default -> false;
            };
            if (!usable) {
                err.println("usage: benchwright accounts " + usage());
                return UNUSABLE;
            }
            PlantStore store = access.store();
            Accounts accounts = store.accounts(AccountPolicy.ofThisMachine());
            switch (action) {
                case "add" -> {
                    Session admin = accounts.none() ? null : SessionFile.resume(accounts, store.location());
                    // a directory account's password is the directory's; it signs with its PIN
                    char[] password = directory ? null : SecretInput.readNew("New password for " + id + ": ", err);
                    char[] pin = badge == null ? null : SecretInput.readNew("PIN for " + id + "'s badge: ", err);
                    Person made = accounts.create(admin, id, name, roles(roles), password, badge, pin);
                    err.println();
                    out.printf("account %s (%s; %s) added%s%n", made.id(), made.name(), labels(made.roles()),
                            admin == null ? ", the store's first: an admin" : " by " + admin.person().id());
                }
                case "reset" -> {
                    Session admin = SessionFile.resume(accounts, store.location());
                    accounts.resetPassword(admin, id, SecretInput.readNew("New password for " + id + ": ", err));
                    err.println();
                    out.printf("password of %s reset by %s: a new signing key (earlier signatures still verify); "
                            + "the badge's PIN is to be set again (benchwright accounts badge)%n", id,
                            admin.person().id());
                }
                case "roles" -> {
                    Session admin = SessionFile.resume(accounts, store.location());
                    accounts.setRoles(admin, id, roles(roles));
                    out.printf("%s now has %s%n", id, labels(roles(roles)));
                }
                case "badge" -> {
                    Session own = SessionFile.resume(accounts, store.location());
                    accounts.setBadge(own, SecretInput.read("Password or PIN for " + own.person().id() + ": ", err), badge,
                            SecretInput.readNew("New PIN: ", err));
                    err.println();
                    out.printf("badge set for %s%n", own.person().id());
                }
                case "list" -> accounts.people().forEach(p -> out.printf("%-10s %-24s %s%n", p.id(), p.name(),
                        labels(p.roles())));
                case "events" -> {
                    Session who = SessionFile.resume(accounts, store.location());
                    if (!who.person().has(Role.ADMIN) && !who.person().id().equals(id)) {
                        throw new AccessDeniedException("only an admin, or " + id + " themself, may read " + id
                                + "'s events");
                    }
                    accounts.events(id).forEach(out::println);
                }
                default -> throw new IllegalStateException(action);
            }
            return OK;
        } catch (AccessDeniedException e) {
            err.println("benchwright accounts " + action + ": " + e.getMessage());
            return FINDINGS;
        } catch (IllegalArgumentException e) {
            err.println("benchwright accounts " + action + ": " + e.getMessage());
            return FINDINGS;
        } catch (StoreException | IOException e) {
            err.println("benchwright accounts " + action + ": " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static Set<Role> roles(String list) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(list.split(",")).filter(r -> !r.isBlank()).map(Role::of).forEach(roles::add);
        return roles;
    }

    private static String labels(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }
}
