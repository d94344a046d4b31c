/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules;

import org.benchwright.model.Component;

/**
 * J-STD-020 package classification temperature Tc: the most a package may see in reflow, from its thickness and
 * volume (Table 4-2 lead-free, Table 4-1 tin-lead; the tin-lead figures are configurable, unverified for rev E).
 */
public final class Classification {

    private Classification() {
    }

    /** Tc of {@code part} in °C, or {@code NaN} when its thickness or volume is not stated. */
    public static double temperature(Component part, boolean leadFree, RuleSettings settings) {
        if (part.getThickness() == null || part.getVolume() == null) {
            return Double.NaN;
        }
        double t = part.getThickness().millimetres();
        double v = part.getVolume().cubicMillimetres();
        if (!leadFree) {
            return t >= 2.5 ? settings.get(RuleSettings.TC_SNPB_THICK)
                    : v < 350 ? settings.get(RuleSettings.TC_SNPB_THIN_SMALL) : settings.get(RuleSettings.TC_SNPB_THIN_LARGE);
        }
        if (t < 1.6) {
            return 260;
        }
        if (t < 2.5) {
            return v < 350 ? 260 : v <= 2000 ? 250 : 245;
        }
        return v < 350 ? 250 : 245;
    }
}
