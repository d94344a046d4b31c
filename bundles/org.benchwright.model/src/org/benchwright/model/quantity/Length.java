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
 * A length in millimetres; written {@code 1.6 mm} or {@code 35 µm}.
 *
 * @param millimetres the length in mm, never negative
 */
public record Length(double millimetres) implements Comparable<Length> {

    private static final Map<String, Double> UNITS = new LinkedHashMap<>();
    static {
        UNITS.put("mm", 1.0);
        UNITS.put("µm", 0.001);
        UNITS.put("um", 0.001);
        UNITS.put("cm", 10.0);
    }

    public Length {
        if (!Double.isFinite(millimetres) || millimetres < 0) {
            throw QuantityFormat.outOfRange("length", QuantityFormat.format(millimetres) + " mm", "is negative");
        }
    }

    public static Length ofMillimetres(double millimetres) {
        return new Length(millimetres);
    }

    /** Parses a literal such as {@code 1.6 mm}; used by EMF to read models. */
    public static Length valueOf(String literal) {
        return new Length(QuantityFormat.parse(literal, "length", UNITS));
    }

    @Override
    public int compareTo(Length o) {
        return Double.compare(millimetres, o.millimetres);
    }

    @Override
    public String toString() {
        return QuantityFormat.format(millimetres) + " mm";
    }
}
