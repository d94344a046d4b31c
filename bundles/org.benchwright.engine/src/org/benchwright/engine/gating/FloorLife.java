/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.gating;

import org.benchwright.model.MoistureSensitivityLevel;

/** J-STD-033 floor life out of dry pack at ≤ 30 °C / 60 % RH, in hours. */
public final class FloorLife {

    private FloorLife() {
    }

    /** Hours a part of this level may spend out of dry pack; infinite for MSL 1, zero for MSL 6 (bake before use). */
    public static double hours(MoistureSensitivityLevel level) {
        return switch (level) {
        case MSL1 -> Double.POSITIVE_INFINITY;
        case MSL2 -> 365 * 24;
        case MSL2A -> 4 * 7 * 24;
        case MSL3 -> 168;
        case MSL4 -> 72;
        case MSL5 -> 48;
        case MSL5A -> 24;
        case MSL6 -> 0;
        };
    }
}
