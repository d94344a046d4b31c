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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How the plant's accounts guard themselves: how many failed sign-ins in a row lock an account and for how long, how
 * long a session may sit idle before it ends, how hard a password or PIN is to guess offline (PBKDF2-HMAC-SHA256
 * iterations, at least 600,000 as OWASP advises), and the plant's directory, which checks the passwords of directory
 * accounts ({@code null}: none).
 */
public record AccountPolicy(int maxFailures, Duration lockout, Duration idle, int iterations, Clock clock,
        Directory directory) {

    /** The OWASP floor for PBKDF2-HMAC-SHA256 (2023). */
    public static final int MIN_ITERATIONS = 600_000;

    /** 5 failures lock an account for 15 minutes; a bench signs its person out after 10 idle minutes. */
    public static AccountPolicy defaults() {
        return new AccountPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(10), MIN_ITERATIONS, Clock.systemUTC(),
                null);
    }

    /**
     * The defaults, with the directory {@code ~/.benchwright/directory.properties} describes when it exists.
     *
     * @throws IOException when that file cannot be read or says something malformed
     */
    public static AccountPolicy ofThisMachine() throws IOException {
        Path file = Path.of(System.getProperty("user.home"), ".benchwright", "directory.properties");
        return Files.isRegularFile(file) ? defaults().withDirectory(Directory.read(file)) : defaults();
    }

    public AccountPolicy {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 takes at least " + MIN_ITERATIONS + " iterations, not "
                    + iterations);
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("an account locks after at least one failure, not " + maxFailures);
        }
    }

    public AccountPolicy withClock(Clock other) {
        return new AccountPolicy(maxFailures, lockout, idle, iterations, other, directory);
    }

    public AccountPolicy withDirectory(Directory other) {
        return new AccountPolicy(maxFailures, lockout, idle, iterations, clock, other);
    }
}
