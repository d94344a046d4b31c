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
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Identity;
import org.benchwright.engine.identity.Person;
import org.benchwright.engine.identity.Role;

/**
 * The plant's accounts as the store keeps them: {@link Identity} for everyone, and what an admin does with them.
 * Passwords and PINs are kept as PBKDF2-HMAC-SHA256 hashes; each account's Ed25519 signing key is kept sealed
 * (AES-GCM) under a key derived from its password, and again from its PIN, so that only its holder can sign.
 */
public interface Accounts extends Identity {

    /** Whether the store has no account yet: then the first one may be made without a session, as an admin. */
    boolean none() throws IOException;

    /**
     * Makes an account. {@code admin} must be an admin's session, except for the store's first account, which must
     * itself be an admin's. Without a password ({@code null}) it is a directory account: the plant's directory checks
     * its password, and it signs with its PIN, which it then needs.
     *
     * @param badge what the person's badge types, or {@code null}; with a {@code pin}
     * @throws AccessDeniedException when {@code admin} is not an admin's live session
     * @throws IllegalArgumentException when the id is taken, or the password or PIN too weak
     */
    Person create(Session admin, String id, String name, Set<Role> roles, char[] password, String badge, char[] pin)
            throws AccessDeniedException, IOException;

    /**
     * Sets a new password (an admin's act, recorded): the account gets a new signing key, its old public keys stay
     * to check what it signed before, and its PIN must be set again.
     */
    void resetPassword(Session admin, String id, char[] password) throws AccessDeniedException, IOException;

    /** Gives one's own account a badge and PIN, confirmed with one's password. */
    void setBadge(Session own, char[] password, String badge, char[] pin) throws AccessDeniedException, IOException;

    /** Sets an account's roles (an admin's act, recorded). */
    void setRoles(Session admin, String id, Set<Role> roles) throws AccessDeniedException, IOException;

    /**
     * An admin's act done outside the store (letting an unsigned driver in, trusting a vendor's signing key), recorded
     * in the admin's events; refused, and the refusal recorded, unless {@code admin} is an admin's live session.
     *
     * @return the admin
     */
    Person authorize(Session admin, String act) throws AccessDeniedException, IOException;

    Optional<Person> person(String id) throws IOException;

    List<Person> people() throws IOException;

    /** What happened to an account, oldest first: "2026-12-06T10:00:00Z failed: wrong password", ... */
    List<String> events(String id) throws IOException;
}
