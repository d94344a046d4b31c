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

import java.util.Locale;

/** What a person may do in the plant, whatever screen or command they use; the store and the engine check it. */
public enum Role {
    /** Authors procedures and submits them for review. */
    ENGINEER,
    /** Approves procedures and deviations; needs a CSE certification valid on the day as well. */
    CSE,
    /** Runs what their qualification allows. */
    TECHNICIAN,
    /** Reviews and verifies records. */
    QUALITY,
    /** Keeps people, stations and keys. */
    ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a user names ({@code cse}, {@code quality}, ...). */
    public static Role of(String label) {
        for (Role r : values()) {
            if (r.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("no role '" + label + "': the roles are engineer, cse, technician, quality "
                + "and admin");
    }
}
