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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.identity.Role;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.Directory;
import org.benchwright.store.PlantStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

/**
 * Plants with a directory sign their people in against it: a real LDAP server (UnboundID's in-memory directory
 * server) on a free loopback port, reached over a socket by a simple bind as the person's entry.
 */
class DirectoryTest extends BothBackends {

    private InMemoryDirectoryServer server;
    private Directory directory;

    @BeforeEach
    void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=plant,dc=example");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("plant", InetAddress.getLoopbackAddress(), 0,
                null));
        server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=plant,dc=example", "objectClass: top", "objectClass: domain", "dc: plant");
        server.add("dn: ou=people,dc=plant,dc=example", "objectClass: top", "objectClass: organizationalUnit",
                "ou: people");
        server.add("dn: uid=T-001,ou=people,dc=plant,dc=example", "objectClass: top", "objectClass: person",
                "objectClass: organizationalPerson", "objectClass: inetOrgPerson", "uid: T-001", "cn: Ana Ortega",
                "sn: Ortega", "userPassword: directory-secret-1");
        server.startListening();
        Path file = dir.resolve("directory.properties");
        Files.writeString(file, "url = ldap://127.0.0.1:" + server.getListenPort() + "\nbase = ou=people,dc=plant,"
                + "dc=example\nuser-attribute = uid\n");
        directory = Directory.read(file);
    }

    @AfterEach
    void stopDirectory() {
        server.shutDown(true);
    }

    @Test
    void aDirectoryAccountSignsInWithTheDirectorysPasswordAndSignsWithItsPin() throws Exception {
        try (PlantStore store = open(location("h2"))) {
            Accounts withoutDirectory = store.accounts(AccountPolicy.defaults());
            withoutDirectory.create(null, "A-001", "Ada Admin", Set.of(Role.ADMIN), "admin-password-1".toCharArray(),
                    null, null);
            Session admin = withoutDirectory.signIn("A-001", "admin-password-1".toCharArray());
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> withoutDirectory.create(
                    admin, "T-001", "Ana Ortega", Set.of(Role.TECHNICIAN), null, "0004711", "135790".toCharArray()));
            assertTrue(none.getMessage().contains("this bench knows no directory"), none.getMessage());

            Accounts accounts = store.accounts(AccountPolicy.defaults().withDirectory(directory));
            accounts.create(admin, "T-001", "Ana Ortega", Set.of(Role.TECHNICIAN), null, "0004711",
                    "135790".toCharArray());
            Session ana = accounts.signIn("T-001", "directory-secret-1".toCharArray());
            assertEquals("Ana Ortega", ana.person().name());
            assertEquals("wrong user id or password", assertThrows(AccessDeniedException.class,
                    () -> accounts.signIn("T-001", "guess".toCharArray())).getMessage());
            assertEquals("wrong user id or password", assertThrows(AccessDeniedException.class,
                    () -> accounts.signIn("T-001", new char[0])).getMessage(), "an empty password is no anonymous bind");
            assertEquals(2, accounts.events("T-001").stream().filter(e -> e.contains(" failed: ")).count());

            assertTrue(assertThrows(AccessDeniedException.class, () -> accounts.sign(ana, "directory-secret-1"
                    .toCharArray(), Meaning.PERFORMED, "job J", "h")).getMessage().endsWith("signs with their PIN: a "
                            + "directory account's signing key is sealed under its PIN"));
            ESignature performed = accounts.sign(ana, "135790".toCharArray(), Meaning.PERFORMED, "job J", "h");
            assertNull(accounts.check(performed));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> accounts.resetPassword(admin, "T-001",
                    "new-password-1".toCharArray())).getMessage().contains("kept by the plant's directory"));

            // the directory down: the reason says so, and nobody is signed in on a guess
            server.shutDown(true);
            IOException down = assertThrows(IOException.class, () -> accounts.signIn("T-001", "directory-secret-1"
                    .toCharArray()));
            assertTrue(down.getMessage().startsWith("the directory ldap://127.0.0.1:"), down.getMessage());
        }
    }

    @Test
    void anIdIsADistinguishedNamesValueNeverItsSyntax() {
        Directory plant = new Directory(URI.create("ldap://127.0.0.1:1"), directory.base(), "uid");
        com.unboundid.ldap.sdk.DN entry = plant.entry("T-001,uid=admin,ou=admins");
        assertEquals("uid=T-001\\,uid=admin\\,ou=admins,ou=people,dc=plant,dc=example", entry.toString());
        assertEquals("T-001,uid=admin,ou=admins", entry.getRDN().getAttributeValues()[0], "one value, escaped");
        assertEquals(directory.base(), entry.getParent(), "under the people's base, wherever the id points");
    }
}
