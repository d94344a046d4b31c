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

/** What traceability searches by: a unit's serial, a material lot, a technician or a station. */
public record TraceQuery(By by, String value) {

    /** The kinds of search. */
    public enum By {
        UNIT, LOT, TECHNICIAN, STATION
    }

    public static TraceQuery of(String by, String value) {
        try {
            return new TraceQuery(By.valueOf(by.toUpperCase(java.util.Locale.ROOT)), value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trace takes unit, lot, technician or station, not '" + by + "'");
        }
    }
}
