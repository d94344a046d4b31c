/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.driver.testkit;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.opentest4j.AssertionFailedError;

/**
 * Waits in a test for a condition instead of for the wall clock: polls it until it holds, and fails with the
 * caller's message when it still does not after a ceiling. The ceiling is for a machine under load and for a
 * driver that never gets there; a test that passes never waits for it, so it is generous.
 */
public final class Await {

    /** How long a condition may take before the test fails, s. */
    public static final long CEILING_SECONDS = 30;

    private Await() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code failure} after {@link #CEILING_SECONDS}. */
    public static void until(BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CEILING_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionFailedError(failure.get() + " (waited " + CEILING_SECONDS + " s)");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting: " + failure.get());
            }
        }
    }

    /** {@link #until(BooleanSupplier, Supplier)} with a fixed message. */
    public static void until(BooleanSupplier condition, String failure) {
        until(condition, () -> failure);
    }
}
