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
 * The magnitude of a heating or cooling rate; written {@code 3 °C/s} or {@code 3 C/s}. Whether it heats or
 * cools is said by where it is used.
 *
 * @param celsiusPerSecond the rate in °C/s, never negative
 */
public record RampRate(double celsiusPerSecond) implements Comparable<RampRate> {

    private static final Map<String, Double> UNITS = new LinkedHashMap<>();
    static {
        UNITS.put("°C/s", 1.0);
        UNITS.put("C/s", 1.0);
        UNITS.put("K/s", 1.0);
        UNITS.put("°C/min", 1.0 / 60);
        UNITS.put("C/min", 1.0 / 60);
    }

    public RampRate {
        if (!Double.isFinite(celsiusPerSecond) || celsiusPerSecond < 0) {
            throw QuantityFormat.outOfRange("rate", QuantityFormat.format(celsiusPerSecond) + " °C/s",
                    "is negative; write the magnitude and say ramp or cool");
        }
    }

    public static RampRate of(double celsiusPerSecond) {
        return new RampRate(celsiusPerSecond);
    }

    /** Parses a literal such as {@code 3 °C/s}, {@code 1.5 C/s} or {@code 90 C/min}; used by EMF to read models. */
    public static RampRate valueOf(String literal) {
        return new RampRate(QuantityFormat.parse(literal, "rate", UNITS));
    }

    @Override
    public int compareTo(RampRate o) {
        return Double.compare(celsiusPerSecond, o.celsiusPerSecond);
    }

    @Override
    public String toString() {
        return QuantityFormat.format(celsiusPerSecond) + " °C/s";
    }
}
