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

/** What a person means by an electronic signature (21 CFR 11.50), and the role it takes to give it. */
public enum Meaning {
    AUTHORED(Role.ENGINEER),
    SUBMITTED(Role.ENGINEER),
    APPROVED(Role.CSE),
    PERFORMED(Role.TECHNICIAN),
    VERIFIED(Role.QUALITY),
    DEVIATION_APPROVED(Role.CSE);

    private final Role role;

    Meaning(Role role) {
        this.role = role;
    }

    /** The role a signer needs to give a signature of this meaning. */
    public Role role() {
        return role;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
