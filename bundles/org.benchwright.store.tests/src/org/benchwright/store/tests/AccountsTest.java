/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.benchwright.engine.documents.DocumentRegister;
import org.benchwright.engine.documents.DocumentRegister.Status;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.identity.Role;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plant's accounts in the store: sign-in with a password or a badge and PIN, lockout after failures, sessions that
 * end when idle, roles, and electronic signatures that only their signer's password or PIN can give and that fail once
 * anything they sign is changed.
 */
class AccountsTest extends BothBackends {

    /** A clock the test moves: the lockout's and the idle time's minutes pass at once. */
    static final class Hands extends Clock {
        private Instant now = Instant.parse("2026-12-06T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final char[] ADMIN_PASSWORD = "admin-password-1".toCharArray();
    static final char[] CSE_PASSWORD = "cse-password-42".toCharArray();

    final Hands hands = new Hands();

    /** The store's first account, an admin's; then a CSE with a badge and a technician. */
    Session plant(Accounts accounts) throws Exception {
        assertTrue(accounts.none());
        assertThrows(AccessDeniedException.class, () -> accounts.create(null, "T-001", "Ana Ortega", Set.of(
                Role.TECHNICIAN), "tech-password-1".toCharArray(), null, null), "the first account is an admin's");
        accounts.create(null, "A-001", "Ada Admin", Set.of(Role.ADMIN), ADMIN_PASSWORD.clone(), null, null);
        Session admin = accounts.signIn("A-001", ADMIN_PASSWORD.clone());
        accounts.create(admin, "T-004", "Dana Reyes", Set.of(Role.CSE, Role.ENGINEER), CSE_PASSWORD.clone(),
                "BADGE-0004", "482913".toCharArray());
        assertThrows(AccessDeniedException.class, () -> accounts.create(null, "X-1", "Nobody", Set.of(Role.ADMIN),
                "some-password-1".toCharArray(), null, null), "once there is an account, only an admin makes more");
        return admin;
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void fiveWrongPasswordsLockAnAccountAndEveryFailureIsKept(String backend) throws Exception {
        try (PlantStore store = open(location(backend))) {
            Accounts accounts = store.accounts(AccountPolicy.defaults().withClock(hands));
            plant(accounts);
            for (int i = 1; i <= 4; i++) {
                AccessDeniedException e = assertThrows(AccessDeniedException.class,
                        () -> accounts.signIn("T-004", "guess".toCharArray()));
                assertEquals("wrong user id or password", e.getMessage());
            }
            AccessDeniedException locked = assertThrows(AccessDeniedException.class,
                    () -> accounts.signIn("T-004", "guess".toCharArray()));
            assertEquals("wrong password; T-004 is now locked until 2026-12-06T08:15:00Z after 5 failed attempts",
                    locked.getMessage());
            AccessDeniedException still = assertThrows(AccessDeniedException.class,
                    () -> accounts.signIn("T-004", CSE_PASSWORD.clone()));
            assertTrue(still.getMessage().startsWith("T-004 is locked until 2026-12-06T08:15:00Z"), still.getMessage());
            assertThrows(AccessDeniedException.class, () -> accounts.signInWithBadge("BADGE-0004",
                    "482913".toCharArray()), "the badge is locked with the account");
            hands.advance(Duration.ofMinutes(16));
            assertEquals("Dana Reyes", accounts.signIn("T-004", CSE_PASSWORD.clone()).person().name());
            List<String> events = accounts.events("T-004");
            assertEquals(5, events.stream().filter(e -> e.contains(" failed: sign in with password: wrong password"))
                    .count(), String.join("\n", events));
            assertTrue(events.stream().anyMatch(e -> e.contains(" locked: until 2026-12-06T08:15:00Z")), events::toString);
            assertEquals(2, events.stream().filter(e -> e.contains(" refused: ")).count(), events::toString);
            assertTrue(events.get(events.size() - 1).endsWith(" signed in"), events::toString);
            assertThrows(AccessDeniedException.class, () -> accounts.signIn("T-999", "guess".toCharArray()),
                    "an unknown id is refused like a wrong password");
        }
    }

    @Test
    void anIdleSessionEndsAndSaysSo() throws Exception {
        try (PlantStore store = open(location("h2"))) {
            Accounts accounts = store.accounts(AccountPolicy.defaults().withClock(hands));
            plant(accounts);
            Session bench = accounts.signInWithBadge("BADGE-0004", "482913".toCharArray());
            hands.advance(Duration.ofMinutes(9));
            accounts.resume(bench.token()); // in use: the idle time starts again
            hands.advance(Duration.ofMinutes(9));
            assertEquals("T-004", accounts.resume(bench.token()).person().id());
            hands.advance(Duration.ofMinutes(11));
            AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> accounts.resume(bench.token()));
            assertEquals("T-004 was signed out after 10 minutes idle: sign in again", e.getMessage());
            assertTrue(assertThrows(AccessDeniedException.class, () -> accounts.resume(bench.token())).getMessage()
                    .startsWith("T-004 was signed out at 2026-12-06T08:29:00Z"));
            assertThrows(AccessDeniedException.class, () -> accounts.sign(bench, CSE_PASSWORD.clone(),
                    Meaning.APPROVED, "document d revision 1", "h"), "no signature on an ended session");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aSignatureNeedsTheSecretAndTheRoleAndHoldsOnlyForWhatItSigned(String backend) throws Exception {
        try (PlantStore store = open(location(backend))) {
            Accounts accounts = store.accounts(AccountPolicy.defaults().withClock(hands));
            Session admin = plant(accounts);
            Session dana = accounts.signIn("T-004", CSE_PASSWORD.clone());
            ESignature signed = accounts.sign(dana, CSE_PASSWORD.clone(), Meaning.APPROVED, "document bga-removal "
                    + "revision C", "a1b2c3");
            assertEquals("approved by Dana Reyes (T-004) on 2026-12-06T08:00:00Z", signed.describe());
            assertNull(accounts.check(signed));
            ESignature withPin = accounts.sign(dana, "482913".toCharArray(), Meaning.AUTHORED, "document x revision 1",
                    "ff");
            assertNull(accounts.check(withPin), "the PIN unseals the same key");
            ESignature moved = new ESignature(signed.signer(), signed.name(), signed.meaning(), signed.time(),
                    signed.subject(), "d4e5f6", signed.key(), signed.signature());
            assertTrue(accounts.check(moved).startsWith("the signature of T-004 does not match what it says it signs"),
                    accounts.check(moved));
            assertEquals("wrong password or PIN", assertThrows(AccessDeniedException.class, () -> accounts.sign(dana,
                    "nope".toCharArray(), Meaning.APPROVED, "document d revision 1", "h")).getMessage());
            assertEquals("T-004 may not sign 'verified': it takes the quality role, and T-004 has engineer,cse",
                    assertThrows(AccessDeniedException.class, () -> accounts.sign(dana, CSE_PASSWORD.clone(),
                            Meaning.VERIFIED, "job J", "h")).getMessage());

            // an admin resets the password: a new key; what the old one signed still verifies; the PIN is set again
            accounts.resetPassword(admin, "T-004", "new-password-77".toCharArray());
            assertNull(accounts.check(signed));
            assertThrows(AccessDeniedException.class, () -> accounts.signInWithBadge("BADGE-0004",
                    "482913".toCharArray()));
            Session again = accounts.signIn("T-004", "new-password-77".toCharArray());
            ESignature after = accounts.sign(again, "new-password-77".toCharArray(), Meaning.APPROVED,
                    "document bga-removal revision D", "0909");
            assertNull(accounts.check(after));
            assertFalse(after.key().equals(signed.key()));
            accounts.setBadge(again, "new-password-77".toCharArray(), "BADGE-0004", "907311".toCharArray());
            assertEquals("T-004", accounts.signInWithBadge("BADGE-0004", "907311".toCharArray()).person().id());
            assertThrows(AccessDeniedException.class, () -> accounts.resetPassword(again, "A-001",
                    "mine-now-12345".toCharArray()), "a CSE is no admin");
        }
    }

    @Test
    void aSignedRegisterTakesOnlyWhatItsSignersSigned() throws Exception {
        try (PlantStore store = open(location("h2"))) {
            Accounts accounts = store.accounts(AccountPolicy.defaults().withClock(hands));
            Session admin = plant(accounts);
            accounts.create(admin, "T-005", "Eli Brandt", Set.of(Role.CSE, Role.ENGINEER),
                    "eli-password-5".toCharArray(), null, null);
            DocumentRegister register = new DocumentRegister(store.documents(), accounts);
            Session dana = accounts.signIn("T-004", CSE_PASSWORD.clone());
            String subject = DocumentRegister.subject("bga-removal", "C");
            register.submit("bga-removal", "C", "h-C", accounts.sign(dana, CSE_PASSWORD.clone(), Meaning.SUBMITTED,
                    subject, "h-C"));
            assertEquals(Status.IN_REVIEW, register.state("bga-removal", "C", "h-C").status());

            ESignature own = accounts.sign(dana, CSE_PASSWORD.clone(), Meaning.APPROVED, subject, "h-C");
            IllegalArgumentException author = assertThrows(IllegalArgumentException.class, () -> register.approve(
                    "bga-removal", "C", "h-C", RegistersTest.cse("T-004"), java.time.LocalDate.of(2026, 6, 1), own));
            assertTrue(author.getMessage().contains("the author of a revision may not approve it"), author.getMessage());
            IllegalArgumentException unsigned = assertThrows(IllegalArgumentException.class, () -> register.approve(
                    "bga-removal", "C", "h-C", RegistersTest.cse("T-005"), java.time.LocalDate.of(2026, 6, 1)));
            assertTrue(unsigned.getMessage().contains("takes only signed acts"), unsigned.getMessage());
            IllegalArgumentException asAnother = assertThrows(IllegalArgumentException.class, () -> register.approve(
                    "bga-removal", "C", "h-C", RegistersTest.cse("T-005"), java.time.LocalDate.of(2026, 6, 1), own));
            assertTrue(asAnother.getMessage().contains("it is signed by T-004, not by T-005 whom it names"),
                    asAnother.getMessage());

            Session eli = accounts.signIn("T-005", "eli-password-5".toCharArray());
            ESignature approval = accounts.sign(eli, "eli-password-5".toCharArray(), Meaning.APPROVED, subject, "h-C");
            register.approve("bga-removal", "C", "h-C", RegistersTest.cse("T-005"), java.time.LocalDate.of(2026, 6, 1),
                    approval);
            DocumentRegister.State state = register.state("bga-removal", "C", "h-C");
            assertEquals(Status.APPROVED, state.status(), state.why());
            assertEquals(approval, state.approval().signature());
        }
    }
}
