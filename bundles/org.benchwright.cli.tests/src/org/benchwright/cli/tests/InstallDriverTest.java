/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.cli.internal.InstallDriverCommand;
import org.benchwright.cli.internal.InstallDriverCommand.Outcome;
import org.junit.jupiter.api.Test;

/**
 * {@code install-driver} as a bench uses it, with p2's director replaced by what it answers (the real director runs
 * on the materialized product in releng/test-product): what p2 is told to trust, who may let more in, and what the
 * person reads when p2 refuses.
 */
class InstallDriverTest extends CommandLineTest {

    private static final String UNTRUSTED_KEY = """
            Installing org.acme.driver.feature.feature.group 1.0.0.v1.
            The following artifacts are signed by PGP key a497b3f7813a69d4186034045c0120041c934e1a
              osgi.bundle,org.acme.driver,1.0.0.v1 -> /opt/benchwright/plugins/org.acme.driver_1.0.0.v1.jar
            Installation failed.
            One or more PGP keys are not trusted.  Installation cannot proceed.
            """;
    private static final String UNSIGNED = """
            Installing org.acme.driver.feature.feature.group 1.0.0.v1.
            Installation failed.
            An error occurred during the org.eclipse.equinox.internal.p2.engine.phases.CheckTrust phase.
            \tsession context was:(profile=DefaultProfile, phase=org.eclipse.equinox.internal.p2.engine.phases.CheckTrust, operand=, action=).
            \tInstalling unsigned artifacts is not permitted: [/opt/benchwright/plugins/org.acme.driver_1.0.0.v1.jar]
            There were errors. See log file: /opt/benchwright/configuration/1796533281067.log
            """;
    private static final String ALTERED = """
            Installing org.acme.driver.feature.feature.group 1.0.0.v1.
            Installation failed.
            An error occurred while collecting items to be installed
            \tsession context was:(profile=DefaultProfile, phase=org.eclipse.equinox.internal.p2.engine.phases.Collect, operand=, action=).
            \tProblems downloading artifact: osgi.bundle,org.acme.driver,1.0.0.v1.
            \t\tThe signature is invalid for current content
            There were errors. See log file: /opt/benchwright/configuration/1796533289777.log
            """;

    private final List<List<String>> calls = new ArrayList<>();
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final ByteArrayOutputStream complained = new ByteArrayOutputStream();

    /** Runs the command with a director that answers {@code answer} (exit 13, p2's, when it holds a failure). */
    private int install(String answer, String... args) {
        said.reset();
        complained.reset();
        Command command = new InstallDriverCommand((properties, arguments) -> {
            List<String> call = new ArrayList<>(properties);
            call.addAll(arguments);
            calls.add(call);
            return new Outcome(answer.contains("failed") ? 13 : 0, answer);
        });
        return command.run(List.of(args), new PrintStream(said, true, StandardCharsets.UTF_8),
                new PrintStream(complained, true, StandardCharsets.UTF_8));
    }

    private String said() {
        return said.toString(StandardCharsets.UTF_8) + complained.toString(StandardCharsets.UTF_8);
    }

    private String repository() throws Exception {
        return Files.createDirectories(dir.resolve("acme-repository")).toString();
    }

    @Test
    void p2IsToldToTrustNoKeyBeyondTheProductsAndNoUnsignedContent() throws Exception {
        assertEquals(Command.OK, install("Installing org.acme.driver.feature.feature.group 1.0.0.v1.\n"
                + "Operation completed in 3381 ms.\n", repository(), "org.acme.driver.feature", "--store", "none"),
                this::said);
        List<String> call = calls.get(0);
        assertEquals("", call.get(call.indexOf("-trustedPGPKeys") + 1), call.toString());
        assertEquals("", call.get(call.indexOf("-trustedCertificates") + 1), call.toString());
        assertTrue(call.contains("-trustSignedContentOnly"), call.toString());
        assertTrue(call.contains("org.acme.driver.feature.feature.group"), call.toString());
        assertFalse(call.stream().anyMatch(a -> a.contains("unsignedPolicy")), call.toString());
        assertTrue(said().contains("org.acme.driver.feature installed from file:"), said());
    }

    @Test
    void aRefusalSaysWhyInAUsersWords() throws Exception {
        assertEquals(Command.FINDINGS, install(UNTRUSTED_KEY, repository(), "org.acme.driver.feature", "--store",
                "none"));
        assertTrue(said().contains("org.acme.driver.feature not installed: it is signed by the OpenPGP key "
                + "A497B3F7813A69D4186034045C0120041C934E1A, which this product does not trust; an admin who has "
                + "checked that key with its vendor may trust it with --trust-key"), said());
        assertTrue(said().contains("p2 said:\n    Installing org.acme.driver.feature"), said());

        assertEquals(Command.FINDINGS, install(UNSIGNED, repository(), "org.acme.driver.feature", "--store", "none"));
        assertTrue(said().contains("it holds unsigned content (org.acme.driver_1.0.0.v1.jar); a bench installs only "
                + "what a trusted key signed, and only an admin may let unsigned content in"), said());

        assertEquals(Command.FINDINGS, install(ALTERED, repository(), "org.acme.driver.feature", "--store", "none"));
        assertTrue(said().contains("osgi.bundle,org.acme.driver,1.0.0.v1 does not match its signature: it was "
                + "changed after its vendor signed it"), said());
    }

    @Test
    void onlyAnAdminLetsMoreIn_andThatIsRecorded() throws Exception {
        String store = benchStore();
        signIn(store, "T-001");
        assertEquals(Command.FINDINGS, install("", repository(), "org.acme.driver.feature", "--allow-unsigned",
                "--store", store));
        assertTrue(said().contains("only an admin may allow a driver in (install org.acme.driver.feature from file:"),
                said());
        assertTrue(calls.isEmpty(), "p2 ran for a technician: " + calls);

        signIn(store, "T-004");
        String key = "a497 b3f7 813a 69d4 1860  3404 5c01 2004 1c93 4e1a";
        assertEquals(Command.OK, install("Operation completed in 3381 ms.\n", repository(), "org.acme.driver.feature",
                "--allow-unsigned", "--trust-key", key, "--store", store), this::said);
        assertTrue(said().contains("allowed by the admin T-004 (Dana Reyes), recorded: install org.acme.driver.feature"
                + " from file:"), said());
        List<String> call = calls.get(0);
        assertEquals("-Declipse.p2.unsignedPolicy=allow", call.get(0), call.toString());
        assertEquals("a497b3f7813a69d4186034045c0120041c934e1a", call.get(call.indexOf("-trustedPGPKeys") + 1));
        assertFalse(call.contains("-trustSignedContentOnly"), call.toString());

        assertEquals(0, typing(password("T-004"), "accounts", "events", "--id", "T-004", "--store", store),
                this::err);
        assertTrue(out().contains("authorized: allow a driver in (install org.acme.driver.feature from file:"), out());
        assertTrue(out().contains("unsigned content allowed, trusting the key(s) "
                + "A497B3F7813A69D4186034045C0120041C934E1A)"), out());
    }

    @Test
    void aKeyIsNamedByItsWholeFingerprint() throws Exception {
        assertEquals(Command.UNUSABLE, install("", repository(), "org.acme.driver.feature", "--trust-key", "1C934E1A",
                "--store", "none"));
        assertTrue(said().contains("--trust-key takes a key's full fingerprint (40 hexadecimal digits"), said());
        assertEquals(Command.UNUSABLE, install("", dir.resolve("nowhere").toString(), "org.acme.driver.feature",
                "--store", "none"));
        assertTrue(said().contains("no p2 repository at "), said());
        assertTrue(calls.isEmpty(), calls.toString());
    }
}
