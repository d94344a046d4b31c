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

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes quantity literals: a decimal number, optional blanks, then a unit symbol. */
final class QuantityFormat {

    private static final Pattern LITERAL = Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(\\S.*?)?\\s*");

    private QuantityFormat() {
    }

    /**
     * Parses {@code literal} into the base unit of a quantity.
     *
     * @param units unit symbols accepted, each with its factor to the base unit
     * @throws IllegalArgumentException naming the literal, the quantity and the units accepted
     */
    static double parse(String literal, String quantity, Map<String, Double> units) {
        if (literal == null) {
            throw new IllegalArgumentException("No value given for a " + quantity);
        }
        Matcher m = LITERAL.matcher(literal);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + literal + "' is not a " + quantity + ": expected a number and one of "
                    + String.join(", ", units.keySet()));
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        Double factor = units.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException("'" + literal + "' is not a " + quantity + ": "
                    + (unit.isEmpty() ? "the unit is missing" : "unknown unit '" + unit + "'") + "; use one of "
                    + String.join(", ", units.keySet()));
        }
        return Double.parseDouble(m.group(1)) * factor;
    }

    /** Prints a value without trailing zeros, so that 245.0 reads "245" and 1.50 reads "1.5". */
    static String format(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    static IllegalArgumentException outOfRange(String quantity, String shown, String why) {
        return new IllegalArgumentException(quantity + " " + shown + " " + why);
    }
}
