/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.benchwright.model.quantity.Length;
import org.benchwright.model.quantity.RampRate;
import org.benchwright.model.quantity.Temperature;
import org.benchwright.model.quantity.TimeSpan;
import org.benchwright.model.quantity.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantities are read as engineers write them and refuse what is not a quantity of their kind. */
class QuantityTest {

    @ParameterizedTest
    @CsvSource({ "245 °C, 245", "245 C, 245", "245C, 245", "' 183.5 C ', 183.5", "-40 C, -40" })
    void temperatures(String literal, double celsius) {
        assertEquals(celsius, Temperature.valueOf(literal).celsius());
    }

    @ParameterizedTest
    @CsvSource({ "90 s, 90", "2 min, 120", "1.5 h, 5400", "0 s, 0" })
    void times(String literal, double seconds) {
        assertEquals(seconds, TimeSpan.valueOf(literal).seconds());
    }

    @Test
    void otherUnits() {
        assertEquals(3, RampRate.valueOf("3 C/s").celsiusPerSecond());
        assertEquals(1.5, RampRate.valueOf("90 C/min").celsiusPerSecond(), 1e-9);
        assertEquals(0.035, Length.valueOf("35 µm").millimetres(), 1e-12);
        assertEquals(350, Volume.valueOf("350 mm3").cubicMillimetres());
    }

    @Test
    void printedFormReadsBackTheSame() {
        for (String s : new String[] { "245 °C", "1.2 °C/s", "90 s", "8 min", "24 h", "1.6 mm", "2000 mm³" }) {
            Object q = s.endsWith("°C") ? Temperature.valueOf(s)
                    : s.endsWith("/s") ? RampRate.valueOf(s)
                    : s.endsWith("mm") ? Length.valueOf(s)
                    : s.endsWith("mm³") ? Volume.valueOf(s) : TimeSpan.valueOf(s);
            assertEquals(s, q.toString());
        }
    }

    @Test
    void wrongUnitIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Temperature.valueOf("473 F"));
        assertEquals("'473 F' is not a temperature: unknown unit 'F'; use one of °C, C, degC", e.getMessage());
    }

    @Test
    void missingUnitIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> TimeSpan.valueOf("90"));
        assertEquals("'90' is not a time: the unit is missing; use one of s, min, h", e.getMessage());
    }

    @Test
    void impossibleValues() {
        assertEquals("temperature -300 °C is below absolute zero",
                assertThrows(IllegalArgumentException.class, () -> Temperature.valueOf("-300 C")).getMessage());
        assertEquals("time -5 s is negative",
                assertThrows(IllegalArgumentException.class, () -> TimeSpan.valueOf("-5 s")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RampRate.valueOf("fast"));
    }
}
