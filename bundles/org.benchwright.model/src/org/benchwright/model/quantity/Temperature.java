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
 * A temperature in degrees Celsius; written {@code 245 °C} or {@code 245 C}.
 *
 * @param celsius the value in °C, never below absolute zero
 */
public record Temperature(double celsius) implements Comparable<Temperature> {

    /** The lowest temperature there is, in °C. */
    public static final double ABSOLUTE_ZERO = -273.15;

    private static final Map<String, Double> UNITS = new LinkedHashMap<>();
    static {
        UNITS.put("°C", 1.0);
        UNITS.put("C", 1.0);
        UNITS.put("degC", 1.0);
    }

    public Temperature {
        if (!Double.isFinite(celsius) || celsius < ABSOLUTE_ZERO) {
            throw QuantityFormat.outOfRange("temperature", QuantityFormat.format(celsius) + " °C", "is below absolute zero");
        }
    }

    public static Temperature of(double celsius) {
        return new Temperature(celsius);
    }

    /** Parses a literal such as {@code 245 °C}, {@code 245 C} or {@code 245C}; used by EMF to read models. */
    public static Temperature valueOf(String literal) {
        return new Temperature(QuantityFormat.parse(literal, "temperature", UNITS));
    }

    public boolean isAbove(Temperature other) {
        return celsius > other.celsius;
    }

    public boolean isBelow(Temperature other) {
        return celsius < other.celsius;
    }

    /** This temperature raised (or, with a negative delta, lowered) by {@code kelvin}. */
    public Temperature plus(double kelvin) {
        return new Temperature(celsius + kelvin);
    }

    @Override
    public int compareTo(Temperature o) {
        return Double.compare(celsius, o.celsius);
    }

    @Override
    public String toString() {
        return QuantityFormat.format(celsius) + " °C";
    }
}
