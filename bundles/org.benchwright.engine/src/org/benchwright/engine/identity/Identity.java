/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.identity;

import java.io.IOException;

/**
 * Who is who in the plant: accounts, sign-in (user and password, or badge and PIN), sessions that end when idle,
 * roles, and electronic signatures given only after the signer enters their password or PIN again. Kept in the
 * plant store ({@code org.benchwright.store}); a directory (LDAP) may check the passwords.
 */
public interface Identity extends SignatureCheck {

    /** A signed-in person: the session's token (kept by the client) and who it is. */
    record Session(String token, Person person) {
    }

    /**
     * Signs a person in with their password.
     *
     * @throws AccessDeniedException when the id or the password is wrong (the reason does not say which), or the
     *                               account is locked after too many failures
     * @throws IOException           when the accounts cannot be reached
     */
    Session signIn(String id, char[] password) throws AccessDeniedException, IOException;

    /** Signs a person in with their badge (as a badge reader types it) and PIN; refused as {@link #signIn} is. */
    Session signInWithBadge(String badge, char[] pin) throws AccessDeniedException, IOException;

    /**
     * The session of {@code token}, which counts as used now.
     *
     * @throws AccessDeniedException when it ended: signed out, or idle longer than the plant allows
     */
    Session resume(String token) throws AccessDeniedException, IOException;

    /** Ends a session. */
    void signOut(String token) throws IOException;

    /**
     * An electronic signature by the session's person, given once they entered their password or PIN again and hold
     * the role {@code meaning} needs.
     *
     * @param subject what it is about, as a reader names it
     * @param content the content hash it signs
     * @throws AccessDeniedException when the session ended, the secret is wrong, the account is locked, or the person
     *                               lacks the role
     */
    ESignature sign(Session session, char[] secret, Meaning meaning, String subject, String content)
            throws AccessDeniedException, IOException;

    /**
     * What is wrong with a signature: {@code null} when the signer's key (now or one they had before) made it.
     */
    @Override
    String check(ESignature signature) throws IOException;
}
