/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.model.quantity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A non-negative length of time; written {@code 90 s}, {@code 2 min} or {@code 24 h}, stored in seconds.
 *
 * @param seconds the length in seconds
 */
public record TimeSpan(double seconds) implements Comparable<TimeSpan> {

    private static final Map<String, Double> UNITS = new LinkedHashMap<>();
    static {
        UNITS.put("s", 1.0);
        UNITS.put("min", 60.0);
        UNITS.put("h", 3600.0);
    }

    public TimeSpan {
        if (!Double.isFinite(seconds) || seconds < 0) {
            throw QuantityFormat.outOfRange("time", QuantityFormat.format(seconds) + " s", "is negative");
        }
    }

    public static TimeSpan ofSeconds(double seconds) {
        return new TimeSpan(seconds);
    }

    public static TimeSpan ofMinutes(double minutes) {
        return new TimeSpan(minutes * 60);
    }

    /** Parses a literal such as {@code 90 s}, {@code 8 min} or {@code 1.5 h}; used by EMF to read models. */
    public static TimeSpan valueOf(String literal) {
        return new TimeSpan(QuantityFormat.parse(literal, "time", UNITS));
    }

    @Override
    public int compareTo(TimeSpan o) {
        return Double.compare(seconds, o.seconds);
    }

    /** Seconds below two minutes; whole minutes and hours in their own unit, so a cure time reads as written. */
    @Override
    public String toString() {
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return QuantityFormat.format(seconds / 3600) + " h";
        }
        if (seconds >= 120 && seconds % 60 == 0) {
            return QuantityFormat.format(seconds / 60) + " min";
        }
        return QuantityFormat.format(seconds) + " s";
    }
}
