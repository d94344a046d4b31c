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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    private final String location;
    private final DataSource pool;
    private final AccountPolicy policy;

    JdbcAccounts(String location, DataSource pool, AccountPolicy policy) {
        this.location = location;
        this.pool = pool;
        this.policy = policy;
    }

    /** An account's row. */
    private record Row(String id, String name, Set<Role> roles, String password, String badge, String pin,
            String keyPassword, String keyPin, String key, int failures, Instant lockedUntil) {

        Person person() {
            return new Person(id, name, roles);
        }
    }

    @Override
    public boolean none() throws IOException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM accounts");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1) == 0;
        } catch (SQLException e) {
            throw failed("count the accounts", e);
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
        Instant now = now();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement i = c.prepareStatement("INSERT INTO accounts (account_id, full_name, roles, "
                    + "password, badge, pin, key_password, key_pin, key_fingerprint, failures, locked_until, created) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)")) {
                i.setString(1, id);
                i.setString(2, name);
                i.setString(3, labels(roles));
                i.setString(4, pw == null ? null : pw.stored());
                i.setString(5, badge);
                i.setString(6, pn == null ? null : pn.stored());
                i.setString(7, pw == null ? null : Secrets.seal(pair.getPrivate().getEncoded(), pw.stretched()));
                i.setString(8, pn == null ? null : Secrets.seal(pair.getPrivate().getEncoded(), pn.stretched()));
                i.setString(9, fingerprint(pair.getPublic()));
                i.setTimestamp(10, Timestamp.from(now));
                i.executeUpdate();
                addKey(c, id, pair.getPublic(), now);
                event(c, id, "created", "by " + by + ", roles " + labels(roles) + (badge == null ? "" : ", with a badge")
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
            throw failed("make account " + id, e);
        }
        return new Person(id, name, roles);
    }

    @Override
    public Session signIn(String id, char[] password) throws AccessDeniedException, IOException {
        Row row = row("account_id", id).orElse(null);
        if (row == null) {
            throw new AccessDeniedException("wrong user id or password");
        }
        check(row, password, false, "sign in with password");
        return open(row);
    }

    @Override
    public Session signInWithBadge(String badge, char[] pin) throws AccessDeniedException, IOException {
        Row row = row("badge", badge).orElse(null);
        if (row == null || row.pin() == null) {
            throw new AccessDeniedException("no account has this badge, or its PIN is not set");
        }
        check(row, pin, true, "sign in with badge");
        return open(row);
    }

    @Override
    public Session resume(String token) throws AccessDeniedException, IOException {
        String hash = Hashes.sha256(token);
        try (Connection c = pool.getConnection()) {
            String id;
            Instant last;
            Instant ended;
            try (PreparedStatement s = c.prepareStatement("SELECT account_id, last_used, ended FROM sessions "
                    + "WHERE token_hash = ?")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new AccessDeniedException("not signed in (no such session): sign in");
                    }
                    id = r.getString(1);
                    last = r.getTimestamp(2).toInstant();
                    ended = r.getTimestamp(3) == null ? null : r.getTimestamp(3).toInstant();
                }
            }
            if (ended != null) {
                throw new AccessDeniedException(id + " was signed out at " + ended + ": sign in again");
            }
            Instant now = now();
            if (Duration.between(last, now).compareTo(policy.idle()) > 0) {
                end(c, hash, now);
                event(c, id, "signed out", "idle since " + last + ", longer than " + policy.idle().toMinutes()
                        + " minutes");
                throw new AccessDeniedException(id + " was signed out after " + policy.idle().toMinutes()
                        + " minutes idle: sign in again");
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE sessions SET last_used = ? WHERE token_hash = ?")) {
                u.setTimestamp(1, Timestamp.from(now));
                u.setString(2, hash);
                u.executeUpdate();
            }
            Row row = row(c, "account_id", id).orElseThrow(() -> new AccessDeniedException("the account " + id
                    + " is gone"));
            return new Session(token, row.person());
        } catch (SQLException e) {
            throw failed("read a session", e);
        }
    }

    @Override
    public void signOut(String token) throws IOException {
        try (Connection c = pool.getConnection()) {
            end(c, Hashes.sha256(token), now());
        } catch (SQLException e) {
            throw failed("end a session", e);
        }
    }

    @Override
    public ESignature sign(Session session, char[] secret, Meaning meaning, String subject, String content)
            throws AccessDeniedException, IOException {
        Person person = resume(session.token()).person();
        Row row = row("account_id", person.id()).orElseThrow(() -> new AccessDeniedException("no account "
                + person.id()));
        if (!person.has(meaning.role())) {
            event(row.id(), "refused", "a signature meaning " + meaning.label() + " of " + subject + ": not "
                    + meaning.role().label());
            throw new AccessDeniedException(person.id() + " may not sign '" + meaning.label() + "': it takes the "
                    + meaning.role().label() + " role, and " + person.id() + " has " + labels(person.roles()));
        }
        byte[] stretched = check(row, secret, null, "sign '" + meaning.label() + "' of " + subject);
        PrivateKey key = unsealed(row, stretched);
        String fingerprint = row.key();
        Instant time = now().truncatedTo(ChronoUnit.MILLIS);
        ESignature unsigned = new ESignature(row.id(), row.name(), meaning, time, subject, content, fingerprint, "");
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            ESignature signed = new ESignature(row.id(), row.name(), meaning, time, subject, content, fingerprint,
                    Base64.getEncoder().encodeToString(signer.sign()));
            event(row.id(), "signed", meaning.label() + " of " + subject + ", content " + content);
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
            throw failed("read the keys of " + signature.signer(), e);
        }
    }

    @Override
    public void resetPassword(Session admin, String id, char[] password) throws AccessDeniedException, IOException {
        Person by = admin(admin, "reset passwords");
        strongEnough(password, null);
        Row account = row("account_id", id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        if (account.password() == null) {
            throw new IllegalArgumentException(id + "'s password is kept by the plant's directory: reset it there");
        }
        KeyPair pair = newKey();
        Secrets.Hashed pw = Secrets.hash(password, policy.iterations());
        update("reset the password of " + id, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET password = ?, key_password = ?, "
                    + "key_fingerprint = ?, pin = NULL, key_pin = NULL, failures = 0, locked_until = NULL "
                    + "WHERE account_id = ?")) {
                u.setString(1, pw.stored());
                u.setString(2, Secrets.seal(pair.getPrivate().getEncoded(), pw.stretched()));
                u.setString(3, fingerprint(pair.getPublic()));
                u.setString(4, id);
                u.executeUpdate();
            }
            addKey(c, id, pair.getPublic(), now());
            event(c, id, "password reset", "by " + by.id() + "; a new signing key; the PIN to be set again");
        });
    }

    @Override
    public void setBadge(Session own, char[] password, String badge, char[] pin) throws AccessDeniedException,
            IOException {
        Person person = resume(own.token()).person();
        Row row = row("account_id", person.id()).orElseThrow();
        byte[] stretched = check(row, password, null, "set a badge");
        strongEnough(null, pin);
        PrivateKey key = unsealed(row, stretched);
        Secrets.Hashed pn = Secrets.hash(pin, policy.iterations());
        update("set the badge of " + row.id(), c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET badge = ?, pin = ?, key_pin = ? "
                    + "WHERE account_id = ?")) {
                u.setString(1, badge);
                u.setString(2, pn.stored());
                u.setString(3, Secrets.seal(key.getEncoded(), pn.stretched()));
                u.setString(4, row.id());
                u.executeUpdate();
            }
            event(c, row.id(), "badge set", null);
        });
    }

    @Override
    public void setRoles(Session admin, String id, Set<Role> roles) throws AccessDeniedException, IOException {
        Person by = admin(admin, "set roles");
        update("set the roles of " + id, c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET roles = ? WHERE account_id = ?")) {
                u.setString(1, labels(roles));
                u.setString(2, id);
                if (u.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no account " + id);
                }
            }
            event(c, id, "roles", labels(roles) + ", by " + by.id());
        });
    }

    @Override
    public Optional<Person> person(String id) throws IOException {
        return row("account_id", id).map(Row::person);
    }

    @Override
    public List<Person> people() throws IOException {
        List<Person> people = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT account_id, full_name, roles FROM accounts ORDER BY account_id"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                people.add(new Person(r.getString(1), r.getString(2), roles(r.getString(3))));
            }
        } catch (SQLException e) {
            throw failed("read the accounts", e);
        }
        return people;
    }

    @Override
    public List<String> events(String id) throws IOException {
        List<String> events = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT at_time, kind, detail FROM account_events WHERE account_id = ? ORDER BY at_time, event_id")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(r.getTimestamp(1).toInstant() + " " + r.getString(2)
                            + (r.getString(3) == null ? "" : ": " + r.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failed("read the events of " + id, e);
        }
        return events;
    }

    /**
     * Checks a secret against the account: its password ({@code pin} false), its PIN (true), or either (null). A
     * locked account is refused without looking at the secret; a wrong secret counts, and the last one allowed locks
     * the account.
     *
     * @return the stretched key of the secret that matched, which unseals the signing key
     */
    private byte[] check(Row row, char[] secret, Boolean pin, String what) throws AccessDeniedException, IOException {
        Instant now = now();
        if (row.lockedUntil() != null && now.isBefore(row.lockedUntil())) {
            event(row.id(), "refused", what + ": locked");
            throw new AccessDeniedException(row.id() + " is locked until " + row.lockedUntil() + " after "
                    + policy.maxFailures() + " failed attempts: wait, or ask an admin");
        }
        byte[] stretched = null;
        if (pin != Boolean.FALSE && row.pin() != null && (pin == Boolean.TRUE || row.password() == null)) {
            stretched = Secrets.matches(row.pin(), secret); // a directory account's PIN first: it signs with it
        }
        if (stretched == null && pin != Boolean.TRUE) {
            stretched = row.password() != null ? Secrets.matches(row.password(), secret) : directory(row, secret);
        }
        if (stretched == null && pin == null && row.password() != null && row.pin() != null) {
            stretched = Secrets.matches(row.pin(), secret);
        }
        Arrays.fill(secret, '\0');
        if (stretched != null) {
            if (row.failures() > 0 || row.lockedUntil() != null) {
                update("clear the failures of " + row.id(), c -> {
                    try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET failures = 0, locked_until = "
                            + "NULL WHERE account_id = ?")) {
                        u.setString(1, row.id());
                        u.executeUpdate();
                    }
                });
            }
            return stretched;
        }
        String secretName = pin == null ? "password or PIN" : pin ? "PIN" : "password";
        int[] failures = new int[1];
        update("count a failed sign-in of " + row.id(), c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET failures = failures + 1 "
                    + "WHERE account_id = ?")) {
                u.setString(1, row.id());
                u.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT failures FROM accounts WHERE account_id = ?")) {
                s.setString(1, row.id());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    failures[0] = r.getInt(1);
                }
            }
            event(c, row.id(), "failed", what + ": wrong " + secretName + " (" + failures[0] + " in a row)");
            if (failures[0] >= policy.maxFailures()) {
                try (PreparedStatement u = c.prepareStatement("UPDATE accounts SET failures = 0, locked_until = ? "
                        + "WHERE account_id = ?")) {
                    u.setTimestamp(1, Timestamp.from(now.plus(policy.lockout())));
                    u.setString(2, row.id());
                    u.executeUpdate();
                }
                try (PreparedStatement u = c.prepareStatement("UPDATE sessions SET ended = ? WHERE account_id = ? "
                        + "AND ended IS NULL")) {
                    u.setTimestamp(1, Timestamp.from(now));
                    u.setString(2, row.id());
                    u.executeUpdate();
                }
                event(c, row.id(), "locked", "until " + now.plus(policy.lockout()) + " after " + failures[0]
                        + " failed attempts; its sessions ended");
            }
        });
        if (failures[0] >= policy.maxFailures()) {
            throw new AccessDeniedException("wrong " + secretName + "; " + row.id() + " is now locked until "
                    + now.plus(policy.lockout()) + " after " + failures[0] + " failed attempts");
        }
        throw new AccessDeniedException(pin == Boolean.FALSE && what.startsWith("sign in") ? "wrong user id or password"
                : "wrong " + secretName);
    }

    /** A directory account's password, checked by the directory: an empty key when it takes it (nothing to unseal). */
    private byte[] directory(Row row, char[] password) throws AccessDeniedException, IOException {
        if (policy.directory() == null) {
            throw new AccessDeniedException(row.id() + "'s password is checked by the plant's directory, which this "
                    + "bench does not know (~/.benchwright/directory.properties)");
        }
        return policy.directory().accepts(row.id(), password) ? new byte[0] : null;
    }

    private PrivateKey unsealed(Row row, byte[] stretched) throws AccessDeniedException {
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

    private Session open(Row row) throws IOException {
        String token = Secrets.token();
        Instant now = now();
        update("open a session of " + row.id(), c -> {
            try (PreparedStatement i = c.prepareStatement("INSERT INTO sessions (token_hash, account_id, created, "
                    + "last_used, ended) VALUES (?, ?, ?, ?, NULL)")) {
                i.setString(1, Hashes.sha256(token));
                i.setString(2, row.id());
                i.setTimestamp(3, Timestamp.from(now));
                i.setTimestamp(4, Timestamp.from(now));
                i.executeUpdate();
            }
            event(c, row.id(), "signed in", null);
        });
        return new Session(token, row.person());
    }

    private Person admin(Session session, String what) throws AccessDeniedException, IOException {
        if (session == null) {
            throw new AccessDeniedException("only an admin may " + what + ": sign in as one");
        }
        Person person = resume(session.token()).person();
        if (!person.has(Role.ADMIN)) {
            event(person.id(), "refused", what + ": not admin");
            throw new AccessDeniedException("only an admin may " + what + "; " + person.id() + " has "
                    + labels(person.roles()));
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

    private Optional<Row> row(String column, String value) throws IOException {
        try (Connection c = pool.getConnection()) {
            return row(c, column, value);
        } catch (SQLException e) {
            throw failed("read an account", e);
        }
    }

    private static Optional<Row> row(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT account_id, full_name, roles, password, badge, pin, "
                + "key_password, key_pin, key_fingerprint, failures, locked_until FROM accounts WHERE " + column
                + " = ?")) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Timestamp locked = r.getTimestamp(11);
                return Optional.of(new Row(r.getString(1), r.getString(2), roles(r.getString(3)), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getInt(10),
                        locked == null ? null : locked.toInstant()));
            }
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void update(String what, Work work) throws IOException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private void event(String id, String kind, String detail) throws IOException {
        update("record an event of " + id, c -> event(c, id, kind, detail));
    }

    private void event(Connection c, String id, String kind, String detail) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO account_events (account_id, at_time, kind, detail) "
                + "VALUES (?, ?, ?, ?)")) {
            i.setString(1, id);
            i.setTimestamp(2, Timestamp.from(now()));
            i.setString(3, kind);
            i.setString(4, detail);
            i.executeUpdate();
        }
    }

    private static void end(Connection c, String hash, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE sessions SET ended = ? WHERE token_hash = ? AND ended "
                + "IS NULL")) {
            u.setTimestamp(1, Timestamp.from(now));
            u.setString(2, hash);
            u.executeUpdate();
        }
    }

    private Instant now() {
        return policy.clock().instant();
    }

    static String labels(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(","));
    }

    static Set<Role> roles(String labels) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String l : labels.split(",")) {
            if (!l.isBlank()) {
                roles.add(Role.of(l));
            }
        }
        return roles;
    }

    private IOException failed(String what, SQLException e) {
        return new IOException("plant store " + location + ": could not " + what + ": " + e.getMessage(), e);
    }
}
