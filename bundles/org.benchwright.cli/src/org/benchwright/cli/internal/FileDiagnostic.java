/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

/** One thing {@code validate} says about a file, as {@code path:line:column: severity [CODE] message}. */
record FileDiagnostic(String file, int line, int column, String severity, String code, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity + " [" + code + "] " + message;
    }
}
