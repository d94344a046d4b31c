/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.heat;

/**
 * The override that keeps the package under its classification temperature: once the package, where its rise takes it
 * within {@link #LEAD} seconds, comes within {@link #MARGIN} of its ceiling (spikes filtered out, as the interlock
 * reads it), the top zone's air is capped below what the zone has now, in proportion to the excess, whatever the joint
 * asks for; the cap lifts at {@link #RELEASE} once the package is clear. The joint then peaks where the package allows
 * (the statistics say whether that is inside the window) instead of the interlock tripping.
 *
 * <p>Not thread-safe: the heat step's control decision owns it.
 */
final class PackageHold {

    /** How far under its classification temperature the package is kept, °C. */
    static final double MARGIN = 2;
    /**
     * How far ahead the hold looks, s: the air cools slowly when told less (its heater's mass holds heat), so a package
     * still rising reaches its ceiling unless the air is held back before.
     */
    static final double LEAD = 5;
    /** How fast the cap lets the air up again once the package is clear of its margin, °C/s. */
    static final double RELEASE = 1;
    /** How hard the cap pulls the air down per °C the package is into its margin. */
    static final double GAIN = 10;

    private final double ceiling;
    private double cap = Double.POSITIVE_INFINITY;
    private double since = Double.NaN;

    /** @param ceiling the package's classification temperature, °C */
    PackageHold(double ceiling) {
        this.ceiling = ceiling;
    }

    /**
     * The most air the package allows now, °C; infinite while the hold does not act.
     *
     * @param pkg   the package's filtered reading, °C ({@code NaN}: no package thermocouple, no hold)
     * @param slope how fast it rises, °C/s ({@code NaN}: not known yet)
     * @param zone  the top zone's air now and the most it can be told, °C
     * @param dt    seconds since the last decision
     * @param now   seconds into the step, for {@link #since()}
     */
    double cap(double pkg, double slope, double zone, double zoneMax, double dt, double now) {
        double rising = Double.isNaN(slope) ? 0 : Math.max(0, slope) * LEAD;
        double excess = pkg + rising - (ceiling - MARGIN);
        if (excess > 0) {
            if (Double.isNaN(since)) {
                since = now;
            }
            cap = Math.min(cap, zone - GAIN * excess);
        } else if (cap < Double.POSITIVE_INFINITY) {
            cap += RELEASE * dt; // let go slowly: a cap that jumps away blows the package up again
            if (cap > zoneMax) {
                cap = Double.POSITIVE_INFINITY;
            }
        }
        return cap;
    }

    /** Whether the air is capped now. */
    boolean holding() {
        return cap < Double.POSITIVE_INFINITY;
    }

    /** When the hold first acted, s into the step; {@code NaN} while it has not. */
    double since() {
        return since;
    }
}
