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
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.identity.Person;
import org.benchwright.engine.identity.Role;
import org.benchwright.engine.journal.Hashes;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;

/**
 * The accounts in the plant store's tables ({@code accounts}, {@code account_keys}, {@code account_events},
 * {@code sessions}). A failed sign-in counts against the account in the database, whichever bench it comes from; the
 * count that locks it is kept by one update, so attempts at once from many benches lock it all the same.
 */
final class JdbcAccounts implements Accounts {

    static final int MIN_PASSWORD = 10;

    private final DataSource pool;
    private final AccountPolicy policy;
    private final AccountRows rows;
    private final Sessions sessions;
    private final Lockout lockout;

    JdbcAccounts(String location, DataSource pool, AccountPolicy policy) {
        this.pool = pool;
        this.policy = policy;
        this.rows = new AccountRows(location, pool, policy);
        this.sessions = new Sessions(rows);
        this.lockout = new Lockout(rows);
    }

    @Override
    public Session resume(String token) throws AccessDeniedException, IOException {
        return sessions.resume(token);
    }

    @Override
    public void signOut(String token) throws IOException {
        sessions.signOut(token);
    }

    @Override
    public List<Person> people() throws IOException {
        return rows.people();
    }

    @Override
    public List<String> events(String id) throws IOException {
        return rows.events(id);
    }

    @Override
    public boolean none() throws IOException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM accounts");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1) == 0;
        } catch (SQLException e) {
            throw rows.failed("count the accounts", e);
        }
    }

    @Override
    public Person create(Session admin, String id, String name, Set<Role> roles, char[] password, String badge,
            char[] pin) throws AccessDeniedException, IOException {
        String by;
        if (admin == null && none()) {
            if (!roles.contains(Role.ADMIN)) {
                throw new AccessDeniedException("the store has no account yet: its first account must be an admin's");
            }
            by = id;
        } else {
            by = admin(admin, "make accounts").id();
        }
        if (id == null || !id.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new IllegalArgumentException("an account id takes letters, digits and . _ @ -, not '" + id + "'");
        }
        if (password == null && (policy.directory() == null || badge == null || pin == null)) {
            throw new IllegalArgumentException(policy.directory() == null ? "an account without a password is a "
                    + "directory account, and this bench knows no directory (~/.benchwright/directory.properties)"
                    : "a directory account signs with its PIN: give it a badge and a PIN");
        }
        strongEnough(password, pin);
        KeyPair pair = newKey();
        Secrets.Hashed pw = password == null ? null : Secrets.hash(password, policy.iterations());
        Secrets.Hashed pn = badge == null ? null : Secrets.hash(pin, policy.iterations());
        Instant now = rows.now();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement i = c.prepareStatement("INSERT INTO accounts (account_id, full_name, roles, "
                    + "password, badge, pin, key_password, key_pin, key_fingerprint, failures, locked_until, created) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)")) {
                i.setString(1, id);
                i.setString(2, name);
                i.setString(3, AccountRows.labels(roles));
                i.setString(4, pw == null ? null : pw.stored());
                i.setString(5, badge);
                i.setString(6, pn == null ? null : pn.stored());
                i.setString(7, pw == null ? null : Secrets.seal(pair.getPrivate().getEncoded(), pw.stretched()));
                i.setString(8, pn == null ? null : Secrets.seal(pair.getPrivate().getEncoded(), pn.stretched()));
                i.setString(9, fingerprint(pair.getPublic()));
                i.setTimestamp(10, Timestamp.from(now));
                i.executeUpdate();
                addKey(c, id, pair.getPublic(), now);
                rows.event(c, id, "created", "by " + by + ", roles " + AccountRows.labels(roles) + (badge == null ? "" : ", with a badge")
                        + (pw == null ? ", its password kept by the directory " + policy.directory().url() : ""));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (JdbcPlantStore.UNIQUE.equals(e.getSQLState())) {
                    throw new IllegalArgumentException(person(id).isPresent() ? "there is an account " + id + " already"
                            : "another account has this badge already");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw rows.failed("make account " + id, e);
        }
        return new Person(id, name, roles);
    }

    @Override
    public Session signIn(String id, char[] password) throws AccessDeniedException, IOException {
        AccountRows.Row row = rows.row("account_id", id).orElse(null);
        if (row == null) {
            throw new AccessDeniedException("wrong user id or password");
        }
        lockout.check(row, password, false, "sign in with password");
        return sessions.open(row);
    }

    @Override
    public Session signInWithBadge(String badge, char[] pin) throws AccessDeniedException, IOException {
        AccountRows.Row row = rows.row("badge", badge).orElse(null);
        if (row == null || row.pin() == null) {
            throw new AccessDeniedException("no account has this badge, or its PIN is not set");
        }
        lockout.check(row, pin, true, "sign in with badge");
        return sessions.open(row);
    }

    @Override
    public ESignature sign(Session session, char[] secret, Meaning meaning, String subject, String content)
            throws AccessDeniedException, IOException {
        Person person = resume(session.token()).person();
        AccountRows.Row row = rows.row("account_id", person.id()).orElseThrow(() -> new AccessDeniedException("no account "
                + person.id()));
        if (!person.has(meaning.role())) {
            rows.event(row.id(), "refused", "a signature meaning " + meaning.label() + " of " + subject + ": not "
                    + meaning.role().label());
            throw new AccessDeniedException(person.id() + " may not sign '" + meaning.label() + "': it takes the "
                    + meaning.role().label() + " role, and " + person.id() + " has " + AccountRows.labels(person.roles()));
        }
        byte[] stretched = lockout.check(row, secret, null, "sign '" + meaning.label() + "' of " + subject);
        PrivateKey key = unsealed(row, stretched);
        String fingerprint = row.key();
        Instant time = rows.now().truncatedTo(ChronoUnit.MILLIS);
        ESignature unsigned = new ESignature(row.id(), row.name(), meaning, time, subject, content, fingerprint, "");
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            ESignature signed = new ESignature(row.id(), row.name(), meaning, time, subject, content, fingerprint,
                    Base64.getEncoder().encodeToString(signer.sign()));
            rows.event(row.id(), "signed", meaning.label() + " of " + subject + ", content " + content);
            return signed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key that cannot sign", e);
        }
    }

    @Override
    public String check(ESignature signature) throws IOException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT public_key FROM account_keys WHERE account_id = ? AND fingerprint = ?")) {
            s.setString(1, signature.signer());
            s.setString(2, signature.key());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return "the signature of " + signature.signer() + " was made with key " + signature.key()
                            + ", which " + signature.signer() + " never had";
                }
                PublicKey key = publicKey(r.getString(1));
                return signature.verifies(key) ? null : "the signature of " + signature.signer() + " does not match "
                        + "what it says it signs (" + signature.describe() + ", content " + signature.content()
                        + "): it was changed or moved after it was given";
            }
        } catch (SQLException e) {
            throw rows.failed("read the keys of " + signature.signer(), e);
        }
    }

    @Override
    public void resetPassword(Session admin, String id, char[] password) throws AccessDeniedException, IOException {
        Person by = admin(admin, "reset passwords");
        strongEnough(password, null);
        AccountRows.Row account = rows.row("account_id", id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        if (account.password() == null) {
            throw new IllegalArgumentException(id + "'s password is kept by the plant's directory: reset it there");
        }
        KeyPair pair = newKey();
        Secrets.Hashed pw = Secrets.hash(password, policy.iterations());
        rows.update("reset the password of " + id, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET password = ?, key_password = ?, "
                    + "key_fingerprint = ?, pin = NULL, key_pin = NULL, failures = 0, locked_until = NULL "
                    + "WHERE account_id = ?")) {
                u.setString(1, pw.stored());
                u.setString(2, Secrets.seal(pair.getPrivate().getEncoded(), pw.stretched()));
                u.setString(3, fingerprint(pair.getPublic()));
                u.setString(4, id);
                u.executeUpdate();
            }
            addKey(c, id, pair.getPublic(), rows.now());
            rows.event(c, id, "password reset", "by " + by.id() + "; a new signing key; the PIN to be set again");
        });
    }

    @Override
    public void setBadge(Session own, char[] password, String badge, char[] pin) throws AccessDeniedException,
            IOException {
        Person person = resume(own.token()).person();
        AccountRows.Row row = rows.row("account_id", person.id()).orElseThrow();
        byte[] stretched = lockout.check(row, password, null, "set a badge");
        strongEnough(null, pin);
        PrivateKey key = unsealed(row, stretched);
        Secrets.Hashed pn = Secrets.hash(pin, policy.iterations());
        rows.update("set the badge of " + row.id(), c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET badge = ?, pin = ?, key_pin = ? "
                    + "WHERE account_id = ?")) {
                u.setString(1, badge);
                u.setString(2, pn.stored());
                u.setString(3, Secrets.seal(key.getEncoded(), pn.stretched()));
                u.setString(4, row.id());
                u.executeUpdate();
            }
            rows.event(c, row.id(), "badge set", null);
        });
    }

    @Override
    public void setRoles(Session admin, String id, Set<Role> roles) throws AccessDeniedException, IOException {
        Person by = admin(admin, "set roles");
        rows.update("set the roles of " + id, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET roles = ? WHERE account_id = ?")) {
                u.setString(1, AccountRows.labels(roles));
                u.setString(2, id);
                if (u.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no account " + id);
                }
            }
            rows.event(c, id, "roles", AccountRows.labels(roles) + ", by " + by.id());
        });
    }

    @Override
    public Optional<Person> person(String id) throws IOException {
        return rows.row("account_id", id).map(AccountRows.Row::person);
    }

    private PrivateKey unsealed(AccountRows.Row row, byte[] stretched) throws AccessDeniedException {
        if (stretched.length == 0) {
            throw new AccessDeniedException(row.id() + " signs with their PIN: a directory account's signing key is "
                    + "sealed under its PIN");
        }
        for (String sealed : new String[] { row.keyPassword(), row.keyPin() }) {
            if (sealed == null) {
                continue;
            }
            try {
                byte[] plain = Secrets.unseal(sealed, stretched);
                return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(plain));
            } catch (GeneralSecurityException e) {
                // sealed under the other secret: try the next
            }
        }
        throw new AccessDeniedException(row.id() + "'s signing key cannot be unsealed with that secret: after a "
                + "password reset, set the PIN again");
    }

    @Override
    public Person authorize(Session admin, String act) throws AccessDeniedException, IOException {
        Person person = admin(admin, act);
        rows.event(person.id(), "authorized", act);
        return person;
    }

    private Person admin(Session session, String what) throws AccessDeniedException, IOException {
        if (session == null) {
            throw new AccessDeniedException("only an admin may " + what + ": sign in as one");
        }
        Person person = resume(session.token()).person();
        if (!person.has(Role.ADMIN)) {
            rows.event(person.id(), "refused", what + ": not admin");
            throw new AccessDeniedException("only an admin may " + what + "; " + person.id() + " has "
                    + AccountRows.labels(person.roles()));
        }
        return person;
    }

    private static void addKey(Connection c, String id, PublicKey key, Instant since) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO account_keys (account_id, fingerprint, public_key, "
                + "since) VALUES (?, ?, ?, ?)")) {
            i.setString(1, id);
            i.setString(2, fingerprint(key));
            i.setString(3, Base64.getEncoder().encodeToString(key.getEncoded()));
            i.setTimestamp(4, Timestamp.from(since));
            i.executeUpdate();
        }
    }

    private static String fingerprint(PublicKey key) {
        return Hashes.sha256(key.getEncoded()).substring(0, 16);
    }

    private static PublicKey publicKey(String text) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("a public key in the store is not an Ed25519 key: " + e.getMessage(), e);
        }
    }

    private static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    private static void strongEnough(char[] password, char[] pin) {
        if (password != null && password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password takes at least " + MIN_PASSWORD + " characters");
        }
        if (pin != null && !new String(pin).matches("[0-9]{6,12}")) {
            throw new IllegalArgumentException("a PIN takes 6 to 12 digits");
        }
    }

}
