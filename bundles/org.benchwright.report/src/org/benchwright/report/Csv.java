/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report;

/** CSV cells as RFC 4180 writes them, safe to open in a spreadsheet. */
public final class Csv {

    private Csv() {
    }

    /**
     * A CSV cell: quoted when it holds a comma, a quote or a line break; a text that a spreadsheet would take for a
     * formula (starting with {@code = + - @}) gets a leading apostrophe, so that opening the file runs nothing.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.matches("(?s).*[,\"\\n\\r].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
