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
 * A volume in cubic millimetres, as J-STD-020 classifies package bodies; written {@code 350 mm³} or {@code 350 mm3}.
 *
 * @param cubicMillimetres the volume in mm³, never negative
 */
public record Volume(double cubicMillimetres) implements Comparable<Volume> {

    private static final Map<String, Double> UNITS = new LinkedHashMap<>();
    static {
        UNITS.put("mm³", 1.0);
        UNITS.put("mm3", 1.0);
        UNITS.put("cm³", 1000.0);
        UNITS.put("cm3", 1000.0);
    }

    public Volume {
        if (!Double.isFinite(cubicMillimetres) || cubicMillimetres < 0) {
            throw QuantityFormat.outOfRange("volume", QuantityFormat.format(cubicMillimetres) + " mm³", "is negative");
        }
    }

    public static Volume ofCubicMillimetres(double cubicMillimetres) {
        return new Volume(cubicMillimetres);
    }

    /** Parses a literal such as {@code 350 mm³} or {@code 350 mm3}; used by EMF to read models. */
    public static Volume valueOf(String literal) {
        return new Volume(QuantityFormat.parse(literal, "volume", UNITS));
    }

    @Override
    public int compareTo(Volume o) {
        return Double.compare(cubicMillimetres, o.cubicMillimetres);
    }

    @Override
    public String toString() {
        return QuantityFormat.format(cubicMillimetres) + " mm³";
    }
}
