/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules;

/** How much a finding matters: an error stops a procedure from being released or run; a warning asks for a look. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase();
    }
}
